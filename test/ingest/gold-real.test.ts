import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdfBytes } from '../../ingest/parse.ts';
import type { NvIRecord, ParsedNota } from '../../ingest/types.ts';
import { collapse, noSpace, readRealGold, REAL_NVIS, type RealGoldRecord } from '../helpers/gold.ts';

/**
 * The real Zilveren Kruis NvIs of 2024-2026: two-column tables under headings, no VraagIDs.
 * Records are matched to the gold in document order; the counts must agree first.
 */
describe.each([
  ['GGZ', 'Geestelijke Gezondheidszorg', 304],
  ['GZ', 'Gehandicaptenzorg', 382],
] as const)('the real NvI %s 2024-2026', (sector, words, count) => {
  const gold = readRealGold(sector);
  let parsed: ParsedNota;
  let pairs: Array<[NvIRecord, RealGoldRecord]>;
  beforeAll(async () => {
    const file = REAL_NVIS[sector];
    parsed = await parsePdfBytes(new Uint8Array(fs.readFileSync(file)), { file });
    pairs = gold.map((g, i) => [parsed.records[i]!, g]);
  }, 120_000);

  const share = (ok: (r: NvIRecord, g: RealGoldRecord) => boolean) => pairs.filter(([r, g]) => ok(r, g)).length / pairs.length;

  it(`finds every gold record and no other (${count})`, () => {
    expect(gold).toHaveLength(count);
    expect(parsed.records).toHaveLength(gold.length);
    // Each record's question is its gold record's question, whitespace aside: nothing merged or split.
    const misplaced = pairs.filter(([r, g]) => noSpace(r.question) !== noSpace(g.question)).map(([, g]) => g.seq);
    expect(misplaced).toEqual([]);
    expect(parsed.records.map((r) => r.seq)).toEqual(gold.map((g) => g.seq));
  });

  it('question and answer: ≥99% equal after collapsing whitespace, 100% ignoring whitespace', () => {
    for (const field of ['question', 'answer'] as const) {
      expect(pairs.filter(([r, g]) => noSpace(r[field]) !== noSpace(g[field])).map(([, g]) => g.seq)).toEqual([]);
      expect(share((r, g) => collapse(r[field]) === collapse(g[field]))).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('paragraph, chapter and sub-paragraph right for every record', () => {
    expect(pairs.filter(([r, g]) => r.paragraph !== g.paragraph).map(([, g]) => g.seq)).toEqual([]);
    expect(pairs.filter(([r, g]) => r.chapter !== g.chapter).map(([, g]) => g.seq)).toEqual([]);
    expect(pairs.filter(([r, g]) => r.subparagraph !== g.subparagraph).map(([, g]) => g.seq)).toEqual([]);
  });

  it('pages right for ≥99% of records, rows over a page break included', () => {
    expect(share((r, g) => r.pageStart === g.pageStart && r.pageEnd === g.pageEnd)).toBeGreaterThanOrEqual(0.99);
    const spanning = pairs.filter(([, g]) => g.pageEnd > g.pageStart);
    expect(spanning.length).toBeGreaterThan(40);
    expect(spanning.filter(([r]) => r.pageEnd > r.pageStart).length / spanning.length).toBeGreaterThanOrEqual(0.97);
  });

  it('derives stable ids from paragraph number and position', () => {
    const ids = parsed.records.map((r) => r.vid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parsed.records.every((r) => r.idKind === 'derived')).toBe(true);
    expect(ids.slice(0, 2)).toEqual(['leeswijzer-1', 'leeswijzer-2']);
    for (const r of parsed.records.filter((x) => /^\d+\.\d+ /.test(x.paragraph))) {
      expect(r.vid.startsWith(`${r.paragraph.split(' ')[0]}-`)).toBe(true);
    }
    // Positions count 1, 2, 3 … within each paragraph.
    const seen = new Map<string, number>();
    for (const r of parsed.records) {
      const section = r.vid.replace(/-\d+$/, '');
      const n = (seen.get(section) ?? 0) + 1;
      seen.set(section, n);
      expect(r.vid).toBe(`${section}-${n}`);
    }
  });

  it('describes the NvI: publisher, sector, round and subject', () => {
    expect(parsed.description).toEqual({
      publisher: 'Zilveren Kruis',
      sector: sector,
      round: '2024-2026',
      subject: `Inkoopbeleid Wlz ${words} 2024-2026`,
      sequence: null,
    });
    expect(new Set(parsed.records.map((r) => r.document))).toEqual(new Set([`Inkoopbeleid Wlz ${words} 2024-2026`]));
    expect(parsed.pageCount).toBe(sector === 'GGZ' ? 84 : 108);
  });
});
