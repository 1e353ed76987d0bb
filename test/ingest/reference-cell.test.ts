import { describe, expect, it } from 'vitest';
import { pageNumber, splitReferenceCell } from '../../ingest/reference-cell.ts';

describe('a reference cell split into document, page and paragraph', () => {
  it.each([
    ['Aanbestedingsleidraad, pagina 3, paragraaf 1.3', 'Aanbestedingsleidraad', 3, '1.3'],
    ['Aanbestedingsleidraad pagina 3 paragraaf 1.3', 'Aanbestedingsleidraad', 3, '1.3'],
    ['Bijlage 2 – blz. 5 – § 3.1 Kwaliteit', 'Bijlage 2', 5, '3.1 Kwaliteit'],
    ['Programma van Eisen, par. 4.2.1, pag. 17', 'Programma van Eisen', 17, '4.2.1'],
    ['Inkoopbeleid 2025-2027; hoofdstuk 4; p. 12', 'Inkoopbeleid 2025-2027', 12, 'Hoofdstuk 4'],
    ['Conceptovereenkomst artikel 12.3, blz 8-9', 'Conceptovereenkomst', 8, 'Artikel 12.3'],
    ["Leidraad, pagina's 14 en 15", 'Leidraad', 14, ''],
    ['Leidraad 1.3', 'Leidraad', null, '1.3'],
    ['Leidraad, 2.7.', 'Leidraad', null, '2.7'],
    ['pagina 3', '', 3, ''],
    ['§ 2.4', '', null, '2.4'],
    ['Paragraaf 1.3 Uitsluitingsgronden', '', null, '1.3 Uitsluitingsgronden'],
    ['Document: Leidraad, Pagina: 6, Paragraaf: 2.1', 'Leidraad', 6, '2.1'],
    ['Bijlage 1 Overeenkomst Wlz 2025 (p. 4)', 'Bijlage 1 Overeenkomst Wlz 2025', 4, ''],
    ['Algemeen', 'Algemeen', null, ''],
    ['', '', null, ''],
  ] as const)('"%s"', (cell, document, page, paragraph) => {
    expect(splitReferenceCell(cell)).toEqual({ document, page, paragraph });
  });

  it('does not take a number inside a document name for a page or paragraph', () => {
    expect(splitReferenceCell('Bijlage 3 Kwaliteitseisen 2025')).toEqual({ document: 'Bijlage 3 Kwaliteitseisen 2025', page: null, paragraph: '' });
    expect(splitReferenceCell('Beleidsplan Wlz 2025-2027, paragraaf 5')).toEqual({ document: 'Beleidsplan Wlz 2025-2027', page: null, paragraph: '5' });
  });
});

describe('a page cell', () => {
  it.each([
    ['3', 3],
    [' 12 ', 12],
    ['3-4', 3],
    ['blz. 7', 7],
    ['p. 7', 7],
    ['pagina 21 t/m 23', 21],
    ['nvt', null],
    ['', null],
  ] as const)('"%s" → %s', (cell, page) => {
    expect(pageNumber(cell)).toBe(page);
  });
});
