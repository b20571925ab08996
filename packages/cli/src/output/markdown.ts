import { markdownTable } from 'markdown-table';

/**
 * A cell's text made safe for a GitHub-flavoured Markdown table read in chat or e-mail: `|`
 * escaped (it would start a new column), line breaks as spaces (they would end the row), `<`,
 * `>` and `&` as entities (raw HTML in a table renders in many viewers).
 */
function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** `markdownTable` (markdown-table) over cells passed through {@link markdownCell}, with a final newline. */
export function safeMarkdownTable(rows: readonly (readonly string[])[], options?: Parameters<typeof markdownTable>[1]): string {
  return `${markdownTable(
    rows.map((r) => r.map(markdownCell)),
    options,
  )}\n`;
}
