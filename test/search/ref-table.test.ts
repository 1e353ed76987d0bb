import { describe, expect, it } from 'vitest';
import { refEntries, refPositions, refTableFrom } from '../../core/search/ref-table.ts';
import { buildSearchEngine, engineFromIndexData } from '../../core/search/engine.ts';
import { SearchIndex, fieldNorms } from '../../core/search/search-index.ts';
import { buildIndexData } from '../../core/search/build-index.ts';
import { DEFAULT_ANALYZER_OPTIONS } from '../../core/search/analyzer.ts';
import type { IndexRecord } from '../../core/search/types.ts';

describe('the flat reference table', () => {
  const table = refTableFrom([
    ['vid:12', [4, 9]],
    ['par:2.7', [1]],
    ['id:1.2-3', [7]],
    ['id:é', [3]],
    ['vid:2', []],
  ]);

  it('finds every key and its positions, whatever order the keys came in', () => {
    expect([...refPositions(table, 'vid:12')]).toEqual([4, 9]);
    expect([...refPositions(table, 'par:2.7')]).toEqual([1]);
    expect([...refPositions(table, 'id:1.2-3')]).toEqual([7]);
    expect([...refPositions(table, 'id:é')]).toEqual([3]);
    expect([...refPositions(table, 'vid:2')]).toEqual([]);
  });

  it('finds nothing for a key it does not hold, including neighbours in sort order', () => {
    for (const key of ['', 'vid:1', 'vid:120', 'id:', 'zzz', 'id:e']) expect(refPositions(table, key)).toHaveLength(0);
  });

  it('lists its entries in key order', () => {
    expect([...refEntries(table)].map(([key]) => key)).toEqual(['id:1.2-3', 'id:é', 'par:2.7', 'vid:12', 'vid:2']);
  });
});

function record(id: number, vid: string, question: string): IndexRecord {
  return {
    id,
    notaId: 1,
    vid,
    vidNumber: Number(vid.replace(/\D/gu, '')),
    seq: id,
    document: 'Leidraad',
    documentKey: 'leidraad',
    paragraph: '2.7 Duurzaamheid',
    paragraphKey: '2.7',
    question,
    answer: 'Zie de leidraad.',
  };
}

describe('record positions', () => {
  it('are found for ids in any order, and precomputed norms give the same scores', () => {
    const records = [record(30, 'VID-3', 'tarief ggz'), record(10, 'VID-1', 'tarief verblijf'), record(20, 'VID-2', 'kwaliteit')];
    const data = buildIndexData(records, DEFAULT_ANALYZER_OPTIONS);
    const index = new SearchIndex(data, fieldNorms(data.fieldLengths, records.length));
    expect(records.map((r) => index.position(r.id))).toEqual([0, 1, 2]);
    expect(index.position(40)).toBeUndefined();
    const sorted = [...records].sort((a, b) => a.id - b.id);
    const ascending = new SearchIndex(buildIndexData(sorted, DEFAULT_ANALYZER_OPTIONS));
    expect(sorted.map((r) => ascending.position(r.id))).toEqual([0, 1, 2]);
    expect(ascending.position(15)).toBeUndefined();
    const scores = (e: ReturnType<typeof buildSearchEngine>) => e.search('tarief').hits.map((h) => [h.id, h.score]);
    const withNorms = engineFromIndexData(data, () => undefined, fieldNorms(data.fieldLengths, records.length));
    expect(scores(withNorms)).toEqual(scores(engineFromIndexData(data, () => undefined)));
    expect(scores(withNorms)).toHaveLength(2);
    const engine = buildSearchEngine(records, () => undefined);
    expect(engine.search('vraag 1').hits.map((h) => h.id)).toEqual([10]);
  });
});
