/**
 * Laughter in chat text, as regexes over a message's normalized view (NFKC, lower-cased). Each is
 * written as it is typed and compiled from its NFKC form, because the normalized view holds Korean
 * ㅋㅋ as conjoining jamo (ᄏᄏ) and （笑） as (笑).
 */
const normalizedRegex = (source: string) => new RegExp(source.normalize('NFKC'), 'u');

/**
 * The customer laughing (the problem found, a joke): a laugh from the agent after it is not mockery
 * (decision 148). Not 呵呵, which from a customer is a sneer.
 */
export const CUSTOMER_LAUGH = normalizedRegex(
  String.raw`(?<![\p{L}])(?:ha(?:ha)+|he(?:he)+|lol|lmao|mdr|ja(?:ja)+|k{3,}|rs(?:rs)+)(?![\p{L}])|(?<![\p{Script=Latin}\d./])w{2,}(?![\p{Script=Latin}\d./])|哈哈|嘻嘻|😂|🤣|😆|😄|😁|ㅋㅋ|ㅎㅎ|\(笑\)`,
);

/**
 * An agent's laugh: haha, hehe, hihi, ahah, lol, lmao, rofl, xd, jaja, jeje, kkk, rsrs, mdr, ptdr;
 * 呵呵 (bare or as Weibo's [呵呵]), 哈哈, 嘿嘿, 嘻嘻; (笑), 笑 closing a Japanese sentence, ww, w after kana; ㅋㅋ,
 * ㅎㅎ; 😂 🤣 😆 🙄 (decision 160; not 😅, which is embarrassment).
 */
export const AGENT_LAUGH = normalizedRegex(
  String.raw`(?<![\p{L}])(?:a?ha(?:ha)+h?|ahah(?:ah)*|he(?:he)+|hi(?:hi)+|lol|lmao|rofl|xd|ja(?:ja)+|je(?:je)+|k{3,}|rs(?:rs)+|mdr+|ptdr+)(?![\p{L}])|(?<![\p{Script=Latin}\d./])w{2,}(?![\p{Script=Latin}\d./])|\[?呵呵+\]?|哈哈+|嘿嘿|嘻嘻|(?<=[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}])w(?![\p{Script=Latin}\d])|\(笑\)|(?<=[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}])笑(?=[\s。!、.]|$)|ㅋㅋ+|ㅎㅎ+|😂|🤣|😆|🙄`,
);
