import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdfBytes } from '../../ingest/parse.ts';
import type { ParsedNota } from '../../ingest/types.ts';
import { BORDERED_PDF, BORDERLESS_PDF, collapse, noSpace, readGold } from '../helpers/gold.ts';

const gold = readGold();
const FIELDS = ['document', 'paragraph', 'question', 'answer'] as const;

describe.each([
  ['with borders', BORDERED_PDF],
  ['without borders', BORDERLESS_PDF],
])('the NvI 2021-2023 %s', (_name, file) => {
  let parsed: ParsedNota;
  beforeAll(async () => {
    parsed = await parsePdfBytes(new Uint8Array(fs.readFileSync(file)), { file });
  });

  it('holds exactly the 512 VIDs of the gold set, in table order', () => {
    expect(parsed.records.map((r) => r.vid).sort()).toEqual(gold.map((g) => g.vid).sort());
    expect(parsed.records.map((r) => r.seq)).toEqual(parsed.records.map((_, i) => i + 1));
    expect(parsed.warnings).toEqual([]);
  });

  it.each(FIELDS)('%s: ≥99%% equal after collapsing whitespace, 100%% ignoring whitespace', (field) => {
    const byVid = new Map(parsed.records.map((r) => [r.vid, r]));
    let collapsed = 0;
    const differs: string[] = [];
    for (const g of gold) {
      const r = byVid.get(g.vid)!;
      if (collapse(r[field]) === collapse(g[field])) collapsed++;
      if (noSpace(r[field]) !== noSpace(g[field])) differs.push(g.vid);
    }
    expect(differs).toEqual([]);
    expect(collapsed / gold.length).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps list items and paragraphs on lines of their own', () => {
    const r = parsed.records.find((x) => x.vid === 'VID-0897')!;
    expect(r.answer).toContain('als volgt:\n- november 2019 wijzigt in zomer 2019\n- Convenant toegang');
  });

  it('records the pages a row spans, including rows that run over a page break', () => {
    const first = parsed.records[0]!;
    expect(first).toMatchObject({ vid: 'VID-0012', pageStart: 2, pageEnd: 2 });
    const spanning = parsed.records.filter((r) => r.pageEnd > r.pageStart);
    expect(spanning.length).toBeGreaterThan(20);
    // VID-1188 starts at the foot of page 3 and continues at the top of page 4.
    expect(parsed.records.find((r) => r.vid === 'VID-1188')).toMatchObject({ pageStart: 3, pageEnd: 4 });
    for (const r of parsed.records) expect(r.pageEnd).toBeGreaterThanOrEqual(r.pageStart);
  });

  it('groups the variants of a document label under one key', () => {
    const keys = new Set(parsed.records.filter((r) => r.document.startsWith('Bijlage 1 ')).map((r) => r.documentKey));
    expect([...keys]).toEqual(['bijlage-1-overeenkomst-wlz']);
    expect(new Set(parsed.records.map((r) => r.documentKey)).size).toBe(6);
  });

  it('reads the title and date from the cover page', () => {
    expect(parsed.title).toBe('Nota van Inlichtingen Landelijk Inkoopkader Wlz 2021-2023');
    expect(parsed.published).toBe('2020-07-01');
    expect(parsed.pageCount).toBe(117);
  });
});
