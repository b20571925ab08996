import { type ChatRequest, completion, type Scripted } from './server.js';

/** The texts a translation request carried, decoded, and its languages. */
export function textsOf(req: ChatRequest): { from: string; to: string; texts: string[] } {
  const user = req.messages.find((m) => m.role === 'user')!.content;
  const open = /<texts id="([0-9a-f]+)">\n/.exec(user)!;
  const body = user.slice(open.index + open[0].length, user.indexOf(`\n</texts id="${open[1]}">`));
  const texts = body.split('\n').map((l, n) => {
    const m = /^\[(\d+)\] (".*")$/.exec(l)!;
    if (Number(m[1]) !== n) throw new Error(`line ${n} numbered ${m[1]}`);
    return JSON.parse(m[2]!) as string;
  });
  return { from: /^Source language: (.*)$/m.exec(user)![1]!, to: /^Target language: (.*)$/m.exec(user)![1]!, texts };
}

/** A scripted translation model: `fn` turns each text (placeholders in it) into its "translation". */
export function translating(fn: (text: string, n: number, req: ChatRequest) => string | undefined): (req: ChatRequest) => Scripted {
  return (req) =>
    completion({
      translations: textsOf(req)
        .texts.map((t, n) => ({ n, text: fn(t, n, req) }))
        .filter((t) => t.text !== undefined),
    });
}

/** Tags the text with the target code and moves every placeholder to the end, reversed (word order changes in translation). */
export const reordering = translating((t, _n, req) => {
  const to = /\((\w+)\)$/.exec(textsOf(req).to)![1]!;
  const placeholders = t.match(/⟦\d+⟧/g) ?? [];
  return `${to.toUpperCase()}: ${t.replace(/⟦\d+⟧/g, '…')} ${[...placeholders].reverse().join(' ')}`.trim();
});
