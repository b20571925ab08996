import { z } from 'zod';

/** A JavaScript regex source that compiles with the `iu` flags; a bad one is an issue at its field. */
export const RegexSource = z.string().min(1).superRefine((source, ctx) => {
  try {
    new RegExp(source, 'iu');
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `invalid regex: ${(e as Error).message}` });
  }
});
