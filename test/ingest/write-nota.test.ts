import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentKey, paragraphKey } from '../../core/text/keys.ts';
import type { NvIRecord, ParsedNota } from '../../ingest/types.ts';
import { writeNota, type NotaSource } from '../../core/store/write-nota.ts';
import Database from 'better-sqlite3';
import { MIGRATIONS, openDatabase, readGeneration, type Db } from '../../core/store/database.ts';
import { createQaRepository } from '../../core/store/qa-repository.ts';

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

  it('stores every id scheme, the heading hierarchy, references and the NvI description, and reads them back', () => {
    const description = { publisher: 'Zilveren Kruis', sector: 'GGZ', round: '2024-2026', subject: 'Inkoopbeleid Wlz GGZ 2024-2026', sequence: 2 };
    const records = [
      record(1, { vid: '1.2-1', idKind: 'derived', chapter: '1 Inleiding', paragraph: '1.2 Planning', subparagraph: 'Termijnen', reference: 'Inkoopbeleid p. 4, 1.2', referencePage: 4 }),
      record(2, { vid: '1.2-2', idKind: 'derived', chapter: '1 Inleiding', paragraph: '1.2 Planning', references: [{ id: '12', sequence: 1, text: 'vraag 12 in de eerste NvI' }] }),
      record(3, { vid: '12', rectifies: { id: '7', sequence: 1, text: 'Rectificatie van vraag 7' } }),
      record(4),
    ];
    writeNota(db, { ...parsed(records), description }, source('a'));
    const repo = createQaRepository(db);
    const [nota] = repo.activeNotas();
    expect(nota).toMatchObject(description);
    const rows = repo.browse({ notaIds: [nota!.id] }, 0, 10);
    expect(rows.map((r) => [r.vid, r.idKind])).toEqual([['1.2-1', 'derived'], ['1.2-2', 'derived'], ['12', 'printed'], ['VID-0004', 'printed']]);
    expect(rows[0]).toMatchObject({ chapter: '1 Inleiding', subparagraph: 'Termijnen', reference: 'Inkoopbeleid p. 4, 1.2', referencePage: 4, references: [], rectifies: null });
    expect(rows[1]!.references).toEqual(records[1]!.references);
    expect(rows[2]!.rectifies).toEqual(records[2]!.rectifies);
    expect(rows[3]).toMatchObject({ chapter: '', subparagraph: '', reference: null, referencePage: null, references: [], rectifies: null });
    // Only printed ids have a number to type: "1.2-1" is no question 1.
    expect(db.prepare('SELECT vid_number FROM qa ORDER BY seq').pluck().all()).toEqual([null, null, 12, 4]);
    // A paragraph knows its chapter, so browsing can show chapter → paragraph.
    expect(repo.paragraphs([nota!.id]).map((p) => [p.label, p.chapter])).toEqual([
      ['1.2 Planning', '1 Inleiding'],
      ['2.7 Wat verstaan we onder duurzaamheid?', ''],
    ]);
    expect(repo.rectifying([nota!.id]).map((r) => r.vid)).toEqual(['12']);
  });

  it('stores an NvI without a description as all-unknown', () => {
    writeNota(db, parsed([record(1)]), source('a'));
    expect(createQaRepository(db).activeNotas()[0]).toMatchObject({ publisher: null, sector: null, round: null, subject: null, sequence: null });
  });
});

describe('openDatabase on a database of schema version 1', () => {
  it('upgrades it in place and keeps its data, with the defaults of the new fields', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-migrate-'));
    const file = path.join(dir, 'v1.db');
    try {
      const old = new Database(file);
      const first = MIGRATIONS[0]!;
      if (typeof first === 'string') old.exec(first);
      else first(old);
      old.pragma('user_version = 1');
      old.prepare(
        `INSERT INTO nota (id, slug, title, published, source_file, sha256, page_count, record_count, ingested_at)
         VALUES (1, 'nvi-oud', 'Nota van Inlichtingen Oud', '2020-07-01', 'oud.pdf', 'abc', 3, 1, '2020-07-02T00:00:00Z')`,
      ).run();
      old.prepare(
        `INSERT INTO qa (nota_id, seq, vid, vid_number, document, document_key, paragraph, paragraph_key, question, answer, page_start, page_end)
         VALUES (1, 1, 'VID-0318', 318, 'Inkoopkader', 'inkoopkader', '2.7 Duurzaamheid', '2-7-duurzaamheid', 'Vraag?', 'Antwoord.', 2, 3)`,
      ).run();
      old.prepare(`INSERT INTO paragraph (nota_id, document_key, key, label, position, count) VALUES (1, 'inkoopkader', '2-7-duurzaamheid', '2.7 Duurzaamheid', 1, 1)`).run();
      old.close();

      const db = openDatabase(file);
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
        const repo = createQaRepository(db);
        expect(repo.activeNotas()).toEqual([
          expect.objectContaining({ slug: 'nvi-oud', title: 'Nota van Inlichtingen Oud', published: '2020-07-01', recordCount: 1, publisher: null, sector: null, round: null, sequence: null }),
        ]);
        expect(repo.byVid([1], 'vid-0318')).toEqual([
          expect.objectContaining({
            vid: 'VID-0318', question: 'Vraag?', answer: 'Antwoord.', pageStart: 2, pageEnd: 3,
            idKind: 'printed', chapter: '', subparagraph: '', reference: null, referencePage: null, references: [], rectifies: null,
          }),
        ]);
        expect(repo.paragraphs([1])).toEqual([expect.objectContaining({ label: '2.7 Duurzaamheid', chapter: '' })]);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
