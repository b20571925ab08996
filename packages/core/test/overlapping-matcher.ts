import { createMatcher, type Matcher } from '../src/index.js';

/**
 * A small matcher whose terms overlap and nest ("wechat", "chat", "we chat", 微信) with an allow-listed
 * phrase ("wechat pay"): the case where sharing one scan between matchers could go wrong.
 */
export function overlappingMatcher(): Matcher {
  return createMatcher(
    [
      { id: 'a', text: 'wechat', category: 'off', severity: 'major' },
      { id: 'b', text: 'chat', category: 'off', severity: 'minor' },
      { id: 'c', text: 'we chat', category: 'off', severity: 'minor' },
      { id: 'd', text: '微信', category: 'off', severity: 'major' },
    ],
    ['wechat pay'],
  );
}
