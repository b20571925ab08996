/**
 * The checks behind decisions 119 and 120 on the Chinese lexicon bench's texts (the 9,402 COLD
 * texts of `bench/lexicon-data.ts`): how many are plain CJK text (skeletonized from the original,
 * no view), how many have a match of `lexicon-zh-sensitive`, and whether the run-bounded word
 * boundary check (`isWholeWordsInRun`) gives the answer of the whole message's segmentation
 * (`isWholeWords`) on every span of 1–4 units of every text. Exit 1 on any difference.
 *
 *   node --conditions=source --import tsx bench/cjk-boundaries.ts [--corpora DIR]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isWholeWordsInRun } from '../packages/core/src/matcher/cjk-words.js';
import { createMatcher } from '../packages/core/src/matcher/matcher.js';
import { skeletonizePlainCjk } from '../packages/core/src/matcher/skeleton.js';
import { isWholeWords } from '../packages/core/src/text/words.js';
import { zhSensitiveData } from './lexicon-data.js';

const { values } = parseArgs({ options: { corpora: { type: 'string', default: '../shared/corpora' } } });
const data = zhSensitiveData(resolve(values.corpora!));
if (!data) throw new Error(`bench/cjk-boundaries: no lexicon-zh-sensitive or offensive-zh-cold under ${values.corpora}`);
const texts = data.messages;
const percent = (k: number) => `${((100 * k) / texts.length).toFixed(1)} %`;

const plain = texts.filter((t) => skeletonizePlainCjk(t) !== undefined).length;
console.log(`${texts.length} texts, ${plain} plain CJK (${percent(plain)})`);

const matcher = createMatcher(data.terms.map((text, i) => ({ id: String(i), text, category: 'x', severity: 'major' })));
const withMatch = texts.filter((t) => matcher.match(t).length > 0).length;
console.log(`${withMatch} with a match of the ${data.terms.length}-term lexicon (${percent(withMatch)})`);

let spans = 0;
let differing = 0;
for (const t of texts)
  for (let start = 0; start < t.length; start++)
    for (let end = start + 1; end <= Math.min(t.length, start + 4); end++) {
      spans++;
      if (isWholeWordsInRun(t, start, end) === isWholeWords(t, start, end)) continue;
      differing++;
      if (differing <= 10) console.log(`differs: ${JSON.stringify(t)} [${start}, ${end})`);
    }
console.log(`${spans} spans of 1–4 units: ${spans - differing} same word-boundary answer, ${differing} differing`);
process.exitCode = differing ? 1 : 0;
