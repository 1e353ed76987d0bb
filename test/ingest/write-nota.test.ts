import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentKey, paragraphKey } from '../../core/text/keys.ts';
import type { NvIRecord, ParsedNota } from '../../ingest/types.ts';
import { writeNota, type NotaSource } from '../../core/store/write-nota.ts';
import { openDatabase, readGeneration, type Db } from '../../core/store/database.ts';

function record(seq: number, overrides: Partial<NvIRecord> = {}): NvIRecord {
  const document = overrides.document ?? 'Inkoopkader langdurige zorg 2021-2023';
  const paragraph = overrides.paragraph ?? '2.7 Wat verstaan we onder duurzaamheid?';
  return {
    vid: `VID-${String(seq).padStart(4, '0')}`,
    document,
    paragraph,
    question: `Vraag nummer ${seq} over duurzaamheid?`,
    answer: `Antwoord ${seq}.`,
    pageStart: seq,
    pageEnd: seq,
    seq,
    documentKey: documentKey(document),
    paragraphKey: paragraphKey(paragraph),
    ...overrides,
  };
}

function parsed(records: NvIRecord[]): ParsedNota {
  return { title: 'Nota van Inlichtingen Test', published: '2020-07-01', pageCount: 10, records, warnings: [], columns: [] };
}

const source = (sha: string, slug = 'nvi-test'): NotaSource => ({ slug, title: 'Nota van Inlichtingen Test', sourceFile: 'test.pdf', sha256: sha, pdf: new Uint8Array([37, 80, 68, 70]) });

function dump(db: Db) {
  return {
    notas: db.prepare('SELECT id, slug, sha256, active, record_count FROM nota ORDER BY id').all(),
    qa: db.prepare('SELECT nota_id, seq, vid, question, answer_group FROM qa ORDER BY nota_id, seq').all(),
    documents: db.prepare('SELECT * FROM document ORDER BY nota_id, position').all(),
    paragraphs: db.prepare('SELECT * FROM paragraph ORDER BY nota_id, position').all(),
    generation: readGeneration(db),
  };
}

describe('writeNota', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-write-'));
    db = openDatabase(path.join(dir, 'test.db'));
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores records, documents and paragraphs, and bumps the generation', () => {
    const result = writeNota(db, parsed([record(1), record(2, { document: 'Bijlage 1 Overeenkomst Wlz 2021-2024' }), record(3, { document: 'Bijlage 1 Overeenkomst Wlz 2021-2025' })]), source('a'));
    expect(result).toMatchObject({ status: 'created', generation: 1 });
    const d = dump(db);
    expect(d.qa).toHaveLength(3);
    expect(d.documents).toEqual([
      expect.objectContaining({ key: 'inkoopkader-langdurige-zorg', position: 1, count: 1 }),
      // Year variants of one document are one entry; the first printed label wins a tie.
      expect.objectContaining({ key: 'bijlage-1-overeenkomst-wlz', label: 'Bijlage 1 Overeenkomst Wlz 2021-2024', position: 2, count: 2 }),
    ]);
  });

  it('is a no-op for the same file (same sha256), even under another slug', () => {
    writeNota(db, parsed([record(1)]), source('a'));
    const before = dump(db);
    expect(writeNota(db, parsed([record(1), record(2)]), source('a')).status).toBe('unchanged');
    expect(writeNota(db, parsed([record(1)]), source('a', 'other-slug')).status).toBe('unchanged');
    expect(dump(db)).toEqual(before);
  });

  it('replaces a changed file for the same slug, keeping the previous edition inactive until the next', () => {
    writeNota(db, parsed([record(1), record(2)]), source('a'));
    const second = writeNota(db, parsed([record(1), record(2), record(3)]), source('b'));
    expect(second.status).toBe('replaced');
    let d = dump(db);
    expect(d.notas).toEqual([
      expect.objectContaining({ sha256: 'a', active: 0 }),
      expect.objectContaining({ sha256: 'b', active: 1, record_count: 3 }),
    ]);
    writeNota(db, parsed([record(1)]), source('c'));
    d = dump(db);
    // Only the edition just retired is kept; older ones are gone, with their records.
    expect(d.notas.map((n) => (n as { sha256: string }).sha256)).toEqual(['b', 'c']);
    expect(d.qa.filter((q) => (q as { nota_id: number }).nota_id === (d.notas[0] as { id: number }).id)).toHaveLength(3);
    expect(d.generation).toBe(3);
  });

  it('leaves the database exactly as it was when the write fails halfway', () => {
    writeNota(db, parsed([record(1), record(2)]), source('a'));
    const before = dump(db);
    // Two rows with the same position violate UNIQUE (nota_id, seq) after the first inserts.
    const broken = parsed([record(1), record(2), { ...record(3), seq: 2 }]);
    expect(() => writeNota(db, broken, source('b'))).toThrow(/UNIQUE/);
    expect(dump(db)).toEqual(before);
  });

  it('groups identical and near-identical answers, and leaves short generic ones alone', () => {
    const long = 'Het basistarief wordt verlaagd om differentiatie mogelijk te maken en efficiëntie te stimuleren.';
    const records = [
      record(1, { answer: long }),
      record(2, { answer: long.replace('maken en', 'maken, en') }),
      record(3, { answer: 'Ja.' }),
      record(4, { answer: 'Ja.' }),
      record(5, { answer: 'Een heel ander antwoord over de planning van de inkoopprocedure voor 2021 en verder.' }),
    ];
    writeNota(db, parsed(records), source('a'));
    const groups = (dump(db).qa as Array<{ seq: number; answer_group: number | null }>).map((q) => q.answer_group);
    expect(groups).toEqual([1, 1, null, null, null]);
  });
});
