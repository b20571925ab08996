import { type Json, optionalString } from './fields.js';

type Convert = (html: string, options?: object) => string;
let convert: Convert | undefined;

/**
 * Plain text of an HTML message body (Intercom's `body`): paragraphs and `<br>` become line
 * breaks, links keep their text, images and scripts are dropped, no line wrapping. Uses
 * `html-to-text`, loaded on first use.
 */
export async function htmlToText(html: string): Promise<string> {
  convert ??= (await import('html-to-text')).convert as Convert;
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    ],
  }).trim();
}

/**
 * A message body: the first of `plainKeys` that holds a string, else `htmlKey` converted to
 * text, else undefined (the record has no body). A key of another type throws `invalid_field`.
 */
export async function bodyText(record: Json, path: string, plainKeys: readonly string[], htmlKey: string): Promise<string | undefined> {
  for (const key of plainKeys) {
    const plain = optionalString(record, key, path);
    if (plain !== undefined) return plain;
  }
  const html = optionalString(record, htmlKey, path);
  return html === undefined ? undefined : htmlToText(html);
}
