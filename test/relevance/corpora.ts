/**
 * The judged corpora: the bundled 2021-2023 NvI and the 2024-2026 GGZ and GZ NvIs, as index records
 * with the key the judgments use (the VID for 2021, `<slug>#<seq>` for 2024). The 2024 records are
 * built from the gold files directly, as the ingest for those PDFs would store them.
 */
import type { IndexRecord } from '../../core/search/types.ts';
import { readGold, readRealGold, type RealGoldRecord } from '../helpers/gold.ts';
import { indexRecord, toIndexRecords } from '../search/gold-engine.ts';

export interface KeyedRecord extends IndexRecord {
  /** What the judgments call the record. */
  key: string;
}

export interface Corpus {
  name: string;
  records: KeyedRecord[];
}

export const NVIS_2024 = [
  { slug: 'nvi-ggz-2024-2026', sector: 'GGZ' },
  { slug: 'nvi-gz-2024-2026', sector: 'GZ' },
] as const;

const SUBPARAGRAPH = /^\s*subparagraaf\s+(\d+(?:\.\d+)+)\.?\s*$/iu;

/**
 * The paragraph label a 2024 record is listed under: its numbered paragraph, or, under a
 * "Subparagraaf 6.9.2" row, that number with the paragraph's title, so that references to the
 * sub-paragraph and to its ancestors both resolve. The document is the chapter (the Leeswijzer
 * table has none: it is its own document).
 */
function labels2024(g: RealGoldRecord): { document: string; paragraph: string } {
  const sub = SUBPARAGRAPH.exec(g.subparagraph)?.[1];
  const title = g.paragraph.replace(/^\s*\d+(?:\.\d+)*\.?\s*/u, '');
  return { document: g.chapter || g.paragraph, paragraph: sub ? `${sub} ${title}` : g.paragraph };
}

/** Record ids and nota ids continue from `firstId` and `firstNota`, so corpora can be combined. */
export function corpus2021(firstId = 1, notaId = 1): Corpus {
  const records = toIndexRecords(readGold(), firstId, notaId).map((r): KeyedRecord => ({ ...r, key: r.vid }));
  return { name: 'NvI 2021-2023', records };
}

export function corpus2024(firstId = 1, firstNota = 1): Corpus {
  const records: KeyedRecord[] = [];
  NVIS_2024.forEach(({ slug, sector }, n) => {
    for (const g of readRealGold(sector)) {
      const { document, paragraph } = labels2024(g);
      const key = `${slug}#${g.seq}`;
      records.push({
        key,
        // These NvIs number their questions by row only: no VID to look up.
        ...indexRecord({ id: firstId + records.length, notaId: firstNota + n, vid: key, vidNumber: null, seq: g.seq, document, paragraph, question: g.question, answer: g.answer }),
      });
    }
  });
  return { name: 'NvI GGZ + GZ 2024-2026', records };
}

/** All three NvIs in one index, as a server with all of them loaded would search them. */
export function corpusAll(): Corpus {
  const first = corpus2021(1, 1);
  const second = corpus2024(first.records.length + 1, 2);
  return { name: 'all three NvIs', records: [...first.records, ...second.records] };
}
