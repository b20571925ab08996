import { z } from 'zod';
import { inUserParse, re2Problem } from './pattern-engine.js';

/**
 * A regex source that compiles with the `iu` flags; a bad one is an issue at its field. In user
 * data (see `parsingUserData`) it must compile on RE2, the linear-time engine user patterns run on.
 */
export const RegexSource = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    if (inUserParse()) {
      const problem = re2Problem(source);
      if (problem) ctx.addIssue({ code: 'custom', message: `invalid regex: ${problem}` });
      return;
    }
    try {
      new RegExp(source, 'iu');
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `invalid regex: ${(e as Error).message}` });
    }
  });
