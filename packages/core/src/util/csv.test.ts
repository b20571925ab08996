import { isCxqaError, parseCsv } from '@cxqa/core';
import { describe, expect, it } from 'vitest';

describe('parseCsv (csv-parse underneath)', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, mixed line ends and a BOM, with the line each row starts on', () => {
    const rows = parseCsv('\uFEFFa,b\n"x, ""y""",2\r\n\n"multi\nline",3\r\nlast,4');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '2'] },
      { line: 4, cells: ['multi\nline', '3'] },
      { line: 6, cells: ['last', '4'] },
    ]);
  });

  it('an unclosed quote is an error naming its line, not a field that swallows the rest of the file', () => {
    try {
      parseCsv('id,question,answer\nr1,"how do I return,Within 30 days\nr2,where is it,Shipped\nr3,refund?,5 days\n');
      expect.unreachable();
    } catch (e) {
      expect(isCxqaError(e, 'input_unreadable')).toBe(true);
      expect((e as Error).message).toMatch(/line 2/);
    }
  });
});
