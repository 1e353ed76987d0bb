import { describe, expect, it } from 'vitest';
import { findFurniture } from '../../ingest/furniture.ts';
import { readProse } from '../../ingest/read-prose.ts';
import type { PageItems, TextItem } from '../../ingest/types.ts';

/** A page of lines: [text, extra space above in line pitches, font size, bold]. */
function page(n: number, lines: Array<string | [string, number, number?, boolean?]>): PageItems {
  const items: TextItem[] = [];
  let y = 60;
  for (const l of lines) {
    const [str, gap, size, bold] = typeof l === 'string' ? [l, 0, 10, false] : [l[0], l[1], l[2] ?? 10, l[3] ?? false];
    y += gap * 12;
    items.push({ str, x: 50, y, w: str.length * 4.6 * (size / 10), size, bold });
    y += 12;
  }
  return { page: n, width: 595, height: 842, items };
}

function read(pages: PageItems[]) {
  return readProse(pages, findFurniture(pages)).records.map((r) => ({ vid: r.vid, idKind: r.idKind, paragraph: r.paragraph, question: r.question, answer: r.answer }));
}

describe('reading questions and answers from running text', () => {
  it('takes "Vraag 3 is …" and "vraag 12 in …" inside an answer for text, not for labels', () => {
    const records = read([
      page(1, [
        ['2 Planning', 1, 14],
        ['Vraag 4', 1],
        'Wanneer start de aanbesteding?',
        ['Antwoord:', 0.8],
        'De aanbesteding start in maart. Vraag 3 is al beantwoord in de eerste ronde, zie ook',
        'vraag 12 in de eerste Nota van Inlichtingen.',
        'Vraag 3 is daarmee vervallen.',
      ]),
    ]);
    expect(records).toEqual([
      {
        vid: '4',
        idKind: 'printed',
        paragraph: '2 Planning',
        question: 'Wanneer start de aanbesteding?',
        answer: 'De aanbesteding start in maart. Vraag 3 is al beantwoord in de eerste ronde, zie ook vraag 12 in de eerste Nota van Inlichtingen.\n\nVraag 3 is daarmee vervallen.',
      },
    ]);
  });

  it('reads a numbered list item in an answer as text, and a bold numbered line as a heading', () => {
    const records = read([
      page(1, [
        ['1 Algemeen', 1, 14],
        ['Vraag:', 1],
        'Welke stappen volgen?',
        ['Antwoord', 0.8],
        'Wij volgen deze stappen:',
        '1. De zorgaanbieder meldt zich aan',
        '2. Het zorgkantoor beoordeelt de aanmelding',
        ['1.1 Termijnen', 1.6, 10, true],
        ['Vraag:', 1.6],
        'Hoe lang duurt de beoordeling?',
        ['Vier weken.', 0.8],
      ]),
    ]);
    expect(records).toEqual([
      { vid: '1-1', idKind: 'derived', paragraph: '1 Algemeen', question: 'Welke stappen volgen?', answer: 'Wij volgen deze stappen:\n1. De zorgaanbieder meldt zich aan\n2. Het zorgkantoor beoordeelt de aanmelding' },
      { vid: '1.1-1', idKind: 'derived', paragraph: '1.1 Termijnen', question: 'Hoe lang duurt de beoordeling?', answer: 'Vier weken.' },
    ]);
  });

  it('keeps a question of several paragraphs whole when an answer label follows', () => {
    const records = read([
      page(1, [
        ['Vraag 7:', 1],
        'In de leidraad staat dat de termijn vier weken is.',
        ['Klopt het dat deze termijn ook voor wijzigingen geldt?', 0.8],
        ['Antwoord zorgkantoor:', 0.8],
        'Ja.',
      ]),
    ]);
    expect(records).toEqual([
      {
        vid: '7',
        idKind: 'printed',
        paragraph: '',
        question: 'In de leidraad staat dat de termijn vier weken is.\n\nKlopt het dat deze termijn ook voor wijzigingen geldt?',
        answer: 'Ja.',
      },
    ]);
  });

  it.each(['Antwoord', 'Antwoord:', 'ANTWOORD', 'Antwoord 12:', 'Antwoord van de opdrachtgever:', 'Antwoord zorgkantoor:', 'Reactie aanbestedende dienst:'])(
    'reads "%s" as an answer label',
    (label) => {
      const records = read([page(1, [['Vraag 1', 1], 'Is dit een vraag?', [label, 0.8], 'Ja.'])]);
      expect(records.map((r) => [r.question, r.answer])).toEqual([['Is dit een vraag?', 'Ja.']]);
    },
  );

  it('finds nothing in a document without question labels', () => {
    expect(read([page(1, [['1 Inleiding', 1, 14], 'Deze nota bevat geen vragen.', 'Vraagt u zich iets af, neem dan contact op.'])])).toEqual([]);
  });
});
