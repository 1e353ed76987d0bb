import type { Db } from './database.ts';
import { groupAnswers } from './group-answers.ts';
import { storePdf } from './pdf-chunks.ts';
import type { NotaDescription, NvIRecord, ParsedNota } from '../model.ts';
import { vidNumber } from '../text/ids.ts';

/** An NvI nothing is known about: what is stored when neither the parser nor the operator says. */
export const NO_DESCRIPTION: Readonly<NotaDescription> = { publisher: null, sector: null, round: null, subject: null, sequence: null };

/**
 * The number a user types for a record ("318" for VID-0318, "12" for 12). Only printed ids have
 * one: a derived id's digits are a paragraph number and a position ("1.2-3"), and indexing them
 * as a question number would make "1" find every record of chapter 1.
 */
function typedNumber(r: NvIRecord): number | null {
  return (r.idKind ?? 'printed') === 'printed' ? vidNumber(r.vid) : null;
}

export interface NotaSource {
  slug: string;
  title: string;
  sourceFile: string;
  sha256: string;
  /** The PDF bytes, stored with the nota so pages can link to it. */
  pdf: Uint8Array;
}

/** "described": the same file again, with a description that corrects the stored one (see updateNotaDescription). */
export type WriteStatus = 'created' | 'replaced' | 'unchanged' | 'described';

export interface WriteResult {
  status: WriteStatus;
  notaId: number;
  generation: number;
}

/** The most printed label of a group wins; on a tie, the first one in table order. */
function groupLabels(records: readonly NvIRecord[], key: (r: NvIRecord) => string, label: (r: NvIRecord) => string) {
  const groups = new Map<string, { position: number; count: number; labels: Map<string, number> }>();
  for (const r of records) {
    const k = key(r);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { position: groups.size + 1, count: 0, labels: new Map() }));
    g.count++;
    g.labels.set(label(r), (g.labels.get(label(r)) ?? 0) + 1);
  }
  return [...groups].map(([k, g]) => {
    let best = '';
    let bestCount = 0;
    for (const [l, c] of g.labels) if (c > bestCount) [best, bestCount] = [l, c];
    return { key: k, label: best, position: g.position, count: g.count };
  });
}

/**
 * Stores a parsed nota in one transaction. The same file (by sha256) again changes nothing; a new
 * file for an existing slug becomes the active edition and the one before it is kept, inactive,
 * until the next replacement, so a server still serving it never reads a half-deleted edition.
 * Any error rolls the whole write back: the database is left as it was.
 */
export function writeNota(db: Db, parsed: ParsedNota, source: NotaSource, now = new Date()): WriteResult {
  const groups = groupAnswers(parsed.records.map((r) => r.answer));
  const documents = groupLabels(parsed.records, (r) => r.documentKey, (r) => r.document);
  const paragraphs = groupLabels(parsed.records, (r) => `${r.documentKey}\u0000${r.paragraphKey}`, (r) => r.paragraph);
  // A paragraph sits in the chapter of its first record.
  const chapterOf = new Map<string, string>();
  for (const r of parsed.records) {
    const k = `${r.documentKey}\u0000${r.paragraphKey}`;
    if (!chapterOf.has(k)) chapterOf.set(k, r.chapter ?? '');
  }
  const description = { ...NO_DESCRIPTION, ...parsed.description };

  const findSame = db.prepare(`SELECT id FROM nota WHERE sha256 = ? AND active = 1`);
  const findActive = db.prepare(`SELECT id FROM nota WHERE slug = ? AND active = 1`);
  const retire = db.prepare(`UPDATE nota SET active = 0 WHERE id = ?`);
  const purgeOld = db.prepare(`DELETE FROM nota WHERE slug = ? AND active = 0 AND id <> ?`);
  const insertNota = db.prepare(
    `INSERT INTO nota (slug, title, published, source_file, sha256, page_count, record_count, ingested_at, warnings, active,
                       publisher, sector, round, subject, sequence)
     VALUES (@slug, @title, @published, @sourceFile, @sha256, @pageCount, @recordCount, @ingestedAt, @warnings, 1,
             @publisher, @sector, @round, @subject, @sequence)`,
  );
  const insertQa = db.prepare(
    `INSERT INTO qa (nota_id, seq, vid, vid_number, document, document_key, paragraph, paragraph_key, question, answer,
                     page_start, page_end, answer_group, id_kind, chapter, subparagraph, reference, reference_page, refs, rectifies)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDocument = db.prepare(`INSERT INTO document (nota_id, key, label, position, count) VALUES (?, ?, ?, ?, ?)`);
  const insertParagraph = db.prepare(
    `INSERT INTO paragraph (nota_id, document_key, key, label, position, count, chapter) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const bump = db.prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation' RETURNING value`);
  const generation = db.prepare(`SELECT value FROM meta WHERE key = 'generation'`);

  return db
    .transaction((): WriteResult => {
      const same = findSame.get(source.sha256) as { id: number } | undefined;
      if (same) {
        return { status: 'unchanged', notaId: same.id, generation: Number((generation.get() as { value: string }).value) };
      }
      const previous = findActive.get(source.slug) as { id: number } | undefined;
      if (previous) {
        purgeOld.run(source.slug, previous.id);
        retire.run(previous.id);
      }
      const notaId = Number(
        insertNota.run({
          slug: source.slug,
          title: source.title,
          published: parsed.published,
          sourceFile: source.sourceFile,
          sha256: source.sha256,
          pageCount: parsed.pageCount,
          recordCount: parsed.records.length,
          ingestedAt: now.toISOString(),
          warnings: JSON.stringify(parsed.warnings),
          publisher: description.publisher,
          sector: description.sector,
          round: description.round,
          subject: description.subject,
          sequence: description.sequence,
        }).lastInsertRowid,
      );
      storePdf(db, notaId, source.pdf);
      parsed.records.forEach((r, i) => {
        const g = groups[i];
        insertQa.run(
          notaId, r.seq, r.vid, typedNumber(r), r.document, r.documentKey, r.paragraph, r.paragraphKey,
          r.question, r.answer, r.pageStart, r.pageEnd, g === null || g === undefined ? null : parsed.records[g]!.seq,
          r.idKind ?? 'printed', r.chapter ?? '', r.subparagraph ?? '', r.reference ?? null, r.referencePage ?? null,
          JSON.stringify(r.references ?? []), r.rectifies ? JSON.stringify(r.rectifies) : null,
        );
      });
      for (const d of documents) insertDocument.run(notaId, d.key, d.label, d.position, d.count);
      for (const p of paragraphs) {
        const [documentKey, key] = p.key.split('\u0000') as [string, string];
        insertParagraph.run(notaId, documentKey, key, p.label, p.position, p.count, chapterOf.get(p.key) ?? '');
      }
      maybeFault('before-commit');
      const gen = Number((bump.get() as { value: string }).value);
      return { status: previous ? 'replaced' : 'created', notaId, generation: gen };
    })
    .immediate();
}

/** The fields of a nota an operator may correct without ingesting the file again. */
export type DescriptionFields = Partial<Pick<NotaDescription, 'publisher' | 'sector' | 'round'>> & { published?: string };

/**
 * Corrects the description of a stored nota (the same PDF ingested again with --sector and the
 * like). Bumps the generation when a value changed, so servers reload; returns whether one did.
 */
export function updateNotaDescription(db: Db, notaId: number, fields: DescriptionFields): boolean {
  const entries = (['publisher', 'sector', 'round', 'published'] as const).flatMap((k) => (fields[k] === undefined ? [] : [[k, fields[k]] as const]));
  if (entries.length === 0) return false;
  const current = db.prepare(`SELECT publisher, sector, round, published FROM nota WHERE id = ?`);
  // Column names come from the fixed list above, never from input.
  const update = db.prepare(`UPDATE nota SET ${entries.map(([k]) => `${k} = @${k}`).join(', ')} WHERE id = @id`);
  const bump = db.prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'`);
  return db
    .transaction((): boolean => {
      const row = current.get(notaId) as Record<string, string | null> | undefined;
      if (!row || entries.every(([k, v]) => row[k] === v)) return false;
      update.run({ id: notaId, ...Object.fromEntries(entries) });
      bump.run();
      return true;
    })
    .immediate();
}

/**
 * Fault injection for the crash tests: NVI_INGEST_FAULT=hang-before-commit stops the writer with
 * every row written but nothing committed, so a test can kill the process at that moment.
 */
function maybeFault(point: 'before-commit'): void {
  if (process.env.NVI_INGEST_FAULT !== `hang-${point}`) return;
  process.stderr.write(`fault: hanging ${point}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
