import { describe, expect, it } from 'vitest';
import { neutralise, spreadsheetRisk } from '../../server/export/spreadsheet-guard.ts';

/** Every rule of docs/csv-export.md, each with the cells it must and must not guard. */
describe('formula signs', () => {
  it.each(['=1+1', '+31 6 1234', '-2+3', '@SUM(1;2)', '|cmd', '＝1+1', '＋1', '－1', '＠SUM(A1)', '﹦1', '﹢1', '﹣1', '﹫x', '−1'])('%j is guarded', (cell) => {
    expect(spreadsheetRisk(cell)).toBe('formula');
    expect(neutralise(cell)).toBe(`'${cell}`);
  });

  const INVISIBLE = {
    space: ' ',
    nbsp: '\u00a0',
    'narrow nbsp': '\u202f',
    'em space': '\u2003',
    'ideographic space': '\u3000',
    'zero-width space': '\u200b',
    'zero-width joiner': '\u200d',
    'word joiner': '\u2060',
    bom: '\ufeff',
    'left-to-right mark': '\u200e',
    'right-to-left override': '\u202e',
    tab: '\t',
    cr: '\r',
    lf: '\n',
    vt: '\u000b',
    ff: '\u000c',
    nul: '\u0000',
    nel: '\u0085',
    'line separator': '\u2028',
  };
  it.each(Object.entries(INVISIBLE))('a sign after a leading %s is guarded', (_name, ch) => {
    for (const sign of ['=', '+', '-', '@', '＝']) {
      expect(spreadsheetRisk(`${ch}${sign}1+1`), JSON.stringify(ch + sign)).toBe('formula');
      expect(spreadsheetRisk(`${ch}${ch}${sign}1+1`)).toBe('formula');
    }
  });

  it.each(['\t tekst', '\u0000tekst', '\u200btekst', '\ufefftekst'])('a control or format character first is guarded: %j', (cell) => {
    expect(spreadsheetRisk(cell)).toBe('formula');
  });

  it.each(['Tekst = iets', 'A-1', 'VID-0318', 'e-mail', 'Zie @ hierboven', ' tekst', '\u00a0tekst'])('%j is not', (cell) => {
    expect(spreadsheetRisk(cell)).toBeNull();
    expect(neutralise(cell)).toBe(cell);
  });
});

describe('cells Dutch Excel would turn into a number or date', () => {
  it.each(['4-5', '1.2-3', '0318', '00', '123456789012', '1234567890123456789', '2.7', '1,5', '1.000', '3/4', '12:30', '2024-01-01', '1-1-2024', '1e5', '2E-3', '50%', '€ 10', '€10,50', ' 4-5 ', '4 mei', '4-mei', '4 mei 2024', 'mei 2024', 'mrt-24', '1 okt.', 'WAAR', 'onwaar', 'true'])(
    '%j is kept as text',
    (cell) => {
      expect(spreadsheetRisk(cell)).toBe('number-or-date');
      expect(neutralise(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['12', '1', '99999999999', '', '   ', 'VID-0318', '3.5 Wat moet u doen', 'Bijlage 4-5', 'mei is een maand', 'maart', '2 personen', 'Ja'])('%j is left alone', (cell) => {
    expect(spreadsheetRisk(cell)).toBeNull();
  });
});
