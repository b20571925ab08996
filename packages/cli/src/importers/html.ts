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
