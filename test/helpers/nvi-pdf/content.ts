/** What the generated NvI says: rows picked from the gold set, VIDs, cover and closing texts. */
import { readGold, type GoldRecord } from '../gold.ts';
import type { RecordRef } from '../../../core/model.ts';
import type { NviPdfOptions } from './options.ts';

const DOCUMENTS = [
  'Inkoopkader Wlz 2025-2027',
  'Bijlage 1 Overeenkomst Wlz 2025',
  'Voorschrift Zorgtoewijzing Wlz',
  'Declaratieprotocol Wlz 2025',
  'Regionaal inkoopbeleid zorgkantoor',
];

const LIST_INTROS = ['Daarbij gelden de volgende voorwaarden:', 'Dit betekent het volgende:', 'Wij hanteren hiervoor de volgende stappen:'];

const LIST_ITEMS = [
  'de zorgaanbieder beschikt over een geldige Wlz-toelating;',
  'de cliënt heeft een geldig indicatiebesluit van het CIZ;',
  'de zorg wordt geleverd conform de geldende wet- en regelgeving;',
  'de declaratie wordt binnen zeventien werkdagen na afloop van de periode ingediend;',
  'het kwaliteitskader verpleeghuiszorg is van toepassing op de geleverde zorg;',
  'de productieafspraken worden uiterlijk 15 november bij de NZa ingediend;',
  'wijzigingen in de zorgverlening meldt u via het berichtenverkeer aan het zorgkantoor;',
  'het zorgkantoor beoordeelt de aanvraag binnen vier weken.',
];

export const COVER_TEXT = [
  'Zorgkantoren in Nederland, gezamenlijk namens de Wlz-uitvoerders.',
  'Deze nota is onderdeel van de inkoopdocumenten voor de contractperiode 2025-2027.',
];

export const CLOSING_TEXT = [
  'Hiermee zijn alle vragen beantwoord die in de vragenronde zijn gesteld. De antwoorden in deze nota maken deel uit van de inkoopdocumenten en gaan voor op eerdere teksten.',
  'Zorgkantoren Wlz, maart 2025',
];

export const INTRO_TEXT = [
  'In deze Nota van Inlichtingen vindt u de antwoorden op de vragen die zorgaanbieders hebben gesteld over de inkoopdocumenten voor de Wet langdurige zorg.',
  'De vragen zijn geanonimiseerd en waar nodig ingekort. In de kolom Vraag staat de vraag zoals die is gesteld, in de kolom Antwoord de reactie van de zorgkantoren.',
  'De antwoorden maken deel uit van de inkoopdocumenten en gaan voor op eerdere communicatie.',
];

function isShort(g: GoldRecord, longWords: boolean): boolean {
  const tokens = `${g.question} ${g.answer}`.split(/\s+/);
  return (longWords || tokens.every((t) => t.length <= 22)) && g.question.length < 700 && g.answer.length < 900;
}

export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function makeVids(n: number, format: NonNullable<NviPdfOptions['vidFormat']>, rand: () => number): string[] {
  if (format === 'number') return Array.from({ length: n }, (_, i) => String(i + 1));
  if (format === 'year') return Array.from({ length: n }, (_, i) => `2025-${String(i + 1).padStart(3, '0')}`);
  if (format === 'vraag') return Array.from({ length: n }, (_, i) => `Vraag ${i + 1}`);
  const used = new Set<number>();
  const out: string[] = [];
  while (out.length < n) {
    const v = 1 + Math.floor(rand() * 1999);
    if (used.has(v)) continue;
    used.add(v);
    out.push(`VID-${String(v).padStart(4, '0')}`);
  }
  return out;
}

export interface Content {
  vid: string;
  document: string;
  paragraph: string;
  question: string;
  answer: string;
  page: string;
  /** A reference cell naming document, page and paragraph, in one of the ways NvIs print it. */
  reference: string;
  /** The paragraph number the reference cell names ("2.7"). */
  referenceParagraph: string;
  /** A topic: the paragraph's title without its number. */
  subject: string;
  /** References appended to the answer. */
  references: RecordRef[];
}

/** Ways of packing document, page and paragraph into one cell. */
const REFERENCE_FORMS: ReadonlyArray<(doc: string, page: string, par: string) => string> = [
  (d, p, n) => `${d}, pagina ${p}, paragraaf ${n}`,
  (d, p, n) => `${d} – blz. ${p} – § ${n}`,
  (d, p, n) => `${d}; par. ${n}; p. ${p}`,
];

export function makeContent(o: Required<NviPdfOptions>, rand: () => number, longAnswer: (pool: GoldRecord[]) => string): Content[] {
  const gold = readGold();
  const pool = gold.filter((g) => isShort(g, o.longWords));
  const vids = makeVids(o.rows, o.vidFormat, rand);
  const longAt = new Set<number>();
  while (longAt.size < Math.min(o.longRows, o.rows)) longAt.add(1 + Math.floor(rand() * (o.rows - 1)));
  const rows: Content[] = [];
  for (let i = 0; i < o.rows; i++) {
    const g = pick(rand, pool);
    let answer = longAt.has(i) ? longAnswer(pool) : g.answer;
    if (o.lists && !longAt.has(i) && rand() < 0.25) {
      const numbered = rand() < 0.5;
      const count = 2 + Math.floor(rand() * 3);
      const items = Array.from({ length: count }, (_, k) => `${numbered ? `${k + 1}.` : '-'} ${pick(rand, LIST_ITEMS)}`);
      answer = `${answer}\n${pick(rand, LIST_INTROS)}\n${items.join('\n')}`;
    }
    const references: RecordRef[] = [];
    if (o.referenceEvery > 0 && i > 0 && i % o.referenceEvery === o.referenceEvery - 1) {
      // In turn a question of this NvI and one of the first NvI: no random draw, so seeds keep their content.
      const [sentence, ref]: [string, RecordRef] =
        Math.floor(i / o.referenceEvery) % 2 === 0
          ? [`Zie vraag ${vids[i - 1]}.`, { id: vids[i - 1]!, sequence: null, text: `vraag ${vids[i - 1]}` }]
          : [`Zie het antwoord op vraag ${i} in de eerste Nota van Inlichtingen.`, { id: String(i), sequence: 1, text: `Zie het antwoord op vraag ${i} in de eerste Nota van Inlichtingen` }];
      answer = `${answer} ${sentence}`;
      references.push(ref);
    }
    const document = DOCUMENTS[Math.min(DOCUMENTS.length - 1, Math.floor((i / o.rows) * DOCUMENTS.length))]!;
    const page = String(3 + Math.floor(i * 1.7));
    // Derived from what is picked already, so that adding these columns changes no seed's content.
    const number = /^\d+(?:\.\d+)*/.exec(g.paragraph)?.[0] ?? String(1 + (i % 9));
    const subject = g.paragraph.replace(/^\d+(?:\.\d+)*\.?\s*/, '') || 'Algemeen';
    rows.push({
      vid: vids[i]!,
      document,
      paragraph: g.paragraph,
      question: g.question,
      answer,
      page,
      reference: REFERENCE_FORMS[i % REFERENCE_FORMS.length]!(document, page, number),
      referenceParagraph: number,
      subject,
      references,
    });
  }
  return rows;
}
