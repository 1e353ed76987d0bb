import { describe, expect, it } from 'vitest';
import { findHeadings, splitSectionNumber } from '../../ingest/find-headings.ts';
import { continuesRow, isPlaceholder, type QaRow } from '../../ingest/read-two-column-tables.ts';
import type { CellLine } from '../../ingest/join-lines.ts';
import type { PageItems, TextItem } from '../../ingest/types.ts';

function item(str: string, x: number, y: number, size = 10, bold = false): TextItem {
  return { str, x, y, w: str.length * size * 0.5, size, ...(bold ? { bold } : {}) };
}

function page(n: number, items: TextItem[]): PageItems {
  return { page: n, width: 595, height: 842, items };
}

const body = (y: number) => item('Gewone tekst van een alinea die de lezer verder helpt met de inhoud van het beleid.', 72, y);

describe('findHeadings', () => {
  const pages = [
    page(1, [
      item('1', 38, 70, 16),
      item('Samen werken we toe naar een', 72, 70, 16),
      item('toekomstbestendige zorg', 72, 88.4, 16),
      item('1.1', 38, 150),
      item('De toegankelijkheid van zorg staat onder druk en', 72, 150, 10, true),
      item('dat heeft gevolgen', 72, 163, 10, true),
      body(190),
      body(203),
      item('Leeswijzer', 76, 300, 16),
      body(330),
      item('1.2.1 Een kop in gewone letter', 72, 400),
      item('2 januari 2024 is de datum', 72, 420, 10, true),
    ]),
  ];
  const headings = findHeadings(pages);

  it('reads numbered chapter and paragraph headings and joins their wrapped lines', () => {
    expect(headings.map((h) => [h.level, h.text])).toEqual([
      ['chapter', '1 Samen werken we toe naar een toekomstbestendige zorg'],
      ['paragraph', '1.1 De toegankelijkheid van zorg staat onder druk en dat heeft gevolgen'],
      ['chapter', 'Leeswijzer'],
    ]);
    expect(headings[1]).toMatchObject({ number: '1.1', title: 'De toegankelijkheid van zorg staat onder druk en dat heeft gevolgen', page: 1, bold: true });
  });

  it('skips items a caller rules out (table cells)', () => {
    const none = findHeadings(pages, { skip: (_page, it) => it.size > 12 });
    expect(none.map((h) => h.number)).toEqual(['1.1']);
  });

  it('splits a section number from its title, but not a date', () => {
    expect(splitSectionNumber('6. Voor de overeenkomst')).toEqual({ number: '6', title: 'Voor de overeenkomst' });
    expect(splitSectionNumber('1 januari 2024')).toBeNull();
    expect(splitSectionNumber('2024 Inkoop')).toBeNull();
  });
});

describe('rows at the top of a page', () => {
  const line = (text: string, page = 2): CellLine => ({ text, page, y: 80, x: 78, right: 290, size: 10 });
  const prev: QaRow = { kind: 'qa', question: [line('Hoe werkt dit?', 1)], answer: [line('Zo werkt het.', 1)], pageStart: 1, pageEnd: 1, page: 1, y: 700 };

  it('continue the row before when a cell is empty, starts mid-sentence, or the answer was unfinished', () => {
    expect(continuesRow(prev, [], [line('Verder geldt dit.')])).toBe(true);
    expect(continuesRow(prev, [line('en dan verder')], [line('Nieuw antwoord.')])).toBe(true);
    expect(continuesRow({ ...prev, answer: [line('Dit geldt voor', 1)] }, [line('Wat nu?')], [line('Zilveren Kruis beslist.')])).toBe(true);
  });

  it('start a new row when both cells start a sentence after a finished answer', () => {
    expect(continuesRow(prev, [line('Gaat het om specifiek 5GGZ-W?')], [line('Het gaat onder meer over mensen.')])).toBe(false);
    // A question without its question mark still ends where the answer ended.
    expect(continuesRow({ ...prev, question: [line('exploitatie te kunnen voeren', 1)] }, [line('Wat is de deadline?')], [line('Voor de tijdslijnen zie hoofdstuk 6.')])).toBe(false);
  });

  it('placeholder rows in their wordings', () => {
    for (const t of ['Er zijn over deze paragraaf geen vragen gesteld.', 'Er zijn geen vragen gesteld over deze paragraaf.', 'Er zijn geen vragen over deze paragraaf gesteld.', 'Over deze paragraaf zijn geen vragen ontvangen.']) {
      expect(isPlaceholder(t)).toBe(true);
    }
    expect(isPlaceholder('Hier wordt geen vraag gesteld.')).toBe(false);
    expect(isPlaceholder('Waarom zijn er geen vragen gesteld over de VG7?')).toBe(false);
  });
});
