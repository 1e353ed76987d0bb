/** Builds search engines over the bundled NvI's gold records, as the tests and evaluations need. */
import { vidNumber } from '../../core/text/ids.ts';
import { documentKey, paragraphKey } from '../../core/text/keys.ts';
import { buildSearchEngine, type EngineOptions } from '../../core/search/engine.ts';
import type { IndexRecord, SearchEngine, TextSource } from '../../core/search/types.ts';
import { readGold, type GoldRecord } from '../helpers/gold.ts';

/** An index record with its document and paragraph keys derived as the ingest derives them. */
export function indexRecord(r: Omit<IndexRecord, 'documentKey' | 'paragraphKey'>): IndexRecord {
  return { ...r, documentKey: documentKey(r.document), paragraphKey: paragraphKey(r.paragraph) };
}

/**
 * Record ids number on from `firstId` in line order, all in nota `notaId` (by default ids are
 * line numbers, 1-based, in nota 1), VID numbers as the ingest reads them.
 */
export function toIndexRecords(gold: readonly GoldRecord[], firstId = 1, notaId = 1): IndexRecord[] {
  return gold.map((g, i) =>
    indexRecord({
      id: firstId + i,
      notaId,
      vid: g.vid,
      vidNumber: vidNumber(g.vid),
      seq: i + 1,
      document: g.document,
      paragraph: g.paragraph,
      question: g.question,
      answer: g.answer,
    }),
  );
}

export function textSource(records: readonly IndexRecord[]): TextSource {
  const byId = new Map(records.map((r) => [r.id, { question: r.question, answer: r.answer }]));
  return (id) => byId.get(id);
}

export interface GoldEngine {
  records: IndexRecord[];
  engine: SearchEngine;
  texts: TextSource;
  /** The VID of a record id, for readable assertions. */
  vidOf(id: number): string;
}

export function goldEngine(options: EngineOptions = {}): GoldEngine {
  const records = toIndexRecords(readGold());
  const texts = textSource(records);
  const engine = buildSearchEngine(records, texts, options);
  const vids = new Map(records.map((r) => [r.id, r.vid]));
  return { records, engine, texts, vidOf: (id) => vids.get(id) ?? `#${id}` };
}
