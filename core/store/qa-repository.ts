import type { Db } from './database.ts';
import type { IdKind, RecordRef, StoredRecord } from '../model.ts';
import type { IndexRecord } from '../search/types.ts';

export interface NotaRow {
  id: number;
  slug: string;
  title: string;
  published: string | null;
  sourceFile: string;
  sha256: string;
  pageCount: number;
  recordCount: number;
  ingestedAt: string;
  /** The NvI's description (see NotaDescription in core/model.ts); null where unknown. */
  publisher: string | null;
  sector: string | null;
  round: string | null;
  subject: string | null;
  sequence: number | null;
}

export interface QaRow extends StoredRecord {
  pageStart: number;
  pageEnd: number;
  answerGroup: number | null;
  idKind: IdKind;
  /** "" when the NvI has no chapters or sub-paragraphs. */
  chapter: string;
  subparagraph: string;
  reference: string | null;
  referencePage: number | null;
  references: RecordRef[];
  rectifies: RecordRef | null;
}

/** A qa row as SQLite returns it: references as JSON text. */
type RawQaRow = Omit<QaRow, 'references' | 'rectifies'> & { refsJson: string; rectifiesJson: string | null };

function toQaRow(raw: RawQaRow): QaRow {
  const { refsJson, rectifiesJson, ...row } = raw;
  return {
    ...row,
    references: refsJson === '[]' ? [] : (JSON.parse(refsJson) as RecordRef[]),
    rectifies: rectifiesJson === null ? null : (JSON.parse(rectifiesJson) as RecordRef),
  };
}

const toQaRows = (raws: unknown[]) => (raws as RawQaRow[]).map(toQaRow);
const toOptionalQaRow = (raw: unknown) => (raw === undefined ? undefined : toQaRow(raw as RawQaRow));

/** A stored link of "the same question elsewhere": the other record, as loaded, with the match. */
export interface ElsewhereRow extends QaRow {
  similarity: number;
  relation: 'same-answer' | 'different-answer';
}

export interface DocumentRow {
  notaId: number;
  key: string;
  label: string;
  position: number;
  count: number;
}

export interface ParagraphRow extends DocumentRow {
  documentKey: string;
  /** The chapter the paragraph sits in; "" when the NvI has no chapters. */
  chapter: string;
}

export interface Scope {
  /** The notas to read, in the order lists give them (browse and iterate follow it). */
  notaIds: readonly number[];
  /** Any of these documents; all when absent. */
  documentKeys?: readonly string[] | undefined;
  paragraphKey?: string | undefined;
}

const QA_COLUMNS = `id, nota_id AS notaId, seq, vid, document, document_key AS documentKey, paragraph,
  paragraph_key AS paragraphKey, question, answer, page_start AS pageStart, page_end AS pageEnd,
  answer_group AS answerGroup, id_kind AS idKind, chapter, subparagraph, reference, reference_page AS referencePage,
  refs AS refsJson, rectifies AS rectifiesJson`;

const NOTA_COLUMNS = `id, slug, title, published, source_file AS sourceFile, sha256, page_count AS pageCount,
  record_count AS recordCount, ingested_at AS ingestedAt, publisher, sector, round, subject, sequence`;

/** Filters within the notas of a scope: documents as a JSON array, both optional. */
const WITHIN = `(@documentKeys IS NULL OR document_key IN (SELECT value FROM json_each(@documentKeys)))
  AND (@paragraphKey IS NULL OR paragraph_key = @paragraphKey)`;

/** Scope clause shared by browse and count: notas as a JSON array. */
const SCOPE = `nota_id IN (SELECT value FROM json_each(@notaIds)) AND ${WITHIN}`;

function withinParams(scope: Scope) {
  return {
    documentKeys: scope.documentKeys?.length ? JSON.stringify(scope.documentKeys) : null,
    paragraphKey: scope.paragraphKey ?? null,
  };
}

function scopeParams(scope: Scope) {
  return { notaIds: JSON.stringify(scope.notaIds), ...withinParams(scope) };
}

/**
 * Every SQL statement the server runs, prepared once. Routes and loaders talk to this, never to
 * the database, and always pass the notas of the snapshot they serve from.
 */
export function createQaRepository(db: Db) {
  const s = {
    activeNotas: db.prepare(`SELECT ${NOTA_COLUMNS} FROM nota WHERE active = 1 ORDER BY published DESC, id`),
    generation: db.prepare(`SELECT CAST(value AS INTEGER) AS g FROM meta WHERE key = 'generation'`).pluck(),
    documents: db.prepare(
      `SELECT nota_id AS notaId, key, label, position, count FROM document
       WHERE nota_id IN (SELECT value FROM json_each(?)) ORDER BY nota_id, position`,
    ),
    paragraphs: db.prepare(
      `SELECT nota_id AS notaId, document_key AS documentKey, key, label, position, count, chapter
       FROM paragraph p WHERE nota_id IN (SELECT value FROM json_each(?)) ORDER BY nota_id, position`,
    ),
    byIds: db.prepare(`SELECT ${QA_COLUMNS} FROM qa WHERE id IN (SELECT value FROM json_each(?))`),
    byId: db.prepare(`SELECT ${QA_COLUMNS} FROM qa WHERE id = ?`),
    byVid: db.prepare(
      `SELECT ${QA_COLUMNS} FROM qa WHERE nota_id IN (SELECT value FROM json_each(?)) AND vid = ? COLLATE NOCASE ORDER BY nota_id`,
    ),
    byVidNumber: db.prepare(`SELECT ${QA_COLUMNS} FROM qa WHERE nota_id = ? AND vid_number = ? ORDER BY seq`),
    // No ORDER BY: sorting in SQL would walk every row of the notas in (nota_id, seq) order instead of using qa_rectifying.
    rectifying: db.prepare(`SELECT ${QA_COLUMNS} FROM qa WHERE nota_id IN (SELECT value FROM json_each(?)) AND rectifies IS NOT NULL`),
    // The notas in the order of the scope's list (its position, json_each's key), each in table order.
    browse: db.prepare(
      `SELECT ${QA_COLUMNS} FROM (SELECT key AS position, value AS notaId FROM json_each(@notaIds)) o JOIN qa ON qa.nota_id = o.notaId
       WHERE ${WITHIN} ORDER BY o.position, seq LIMIT @limit OFFSET @offset`,
    ),
    browseAfter: db.prepare(
      `SELECT ${QA_COLUMNS} FROM qa WHERE nota_id = @notaId AND ${WITHIN} AND seq > @afterSeq ORDER BY seq LIMIT @limit`,
    ),
    count: db.prepare(`SELECT count(*) FROM qa WHERE ${SCOPE}`).pluck(),
    // In the order of the scope's list, each nota in table order, as browse lists them.
    idsInScope: db.prepare(
      `SELECT qa.id FROM (SELECT key AS position, value AS notaId FROM json_each(@notaIds)) o JOIN qa ON qa.nota_id = o.notaId
       WHERE ${WITHIN} ORDER BY o.position, seq`,
    ).pluck(),
    answerGroupKeys: db.prepare(
      `SELECT s.qa_id AS id, s.group_key AS key FROM qa_same_answer s JOIN qa ON qa.id = s.qa_id
       WHERE qa.nota_id IN (SELECT value FROM json_each(?))`,
    ),
    group: db.prepare(`SELECT ${QA_COLUMNS} FROM qa WHERE nota_id = ? AND answer_group = ? ORDER BY seq`),
    neighbours: db.prepare(
      `SELECT
         (SELECT vid FROM qa WHERE nota_id = @notaId AND document_key = @documentKey AND paragraph_key = @paragraphKey
            AND seq < @seq ORDER BY seq DESC LIMIT 1) AS previous,
         (SELECT vid FROM qa WHERE nota_id = @notaId AND document_key = @documentKey AND paragraph_key = @paragraphKey
            AND seq > @seq ORDER BY seq LIMIT 1) AS next`,
    ),
    indexRecords: db.prepare(
      `SELECT id, nota_id AS notaId, vid, vid_number AS vidNumber, seq, document, document_key AS documentKey,
              paragraph, paragraph_key AS paragraphKey, question, answer
       FROM qa WHERE nota_id IN (SELECT value FROM json_each(?)) ORDER BY nota_id, seq`,
    ),
    text: db.prepare(`SELECT question, answer FROM qa WHERE id = ?`),
    elsewhere: db.prepare(
      // qa_elsewhere's columns are named apart from qa's, so the shared column list needs no prefix.
      `SELECT ${QA_COLUMNS}, e.similarity, e.relation
       FROM qa_elsewhere e JOIN qa ON qa.id = e.to_qa
       WHERE e.from_qa = ? AND qa.nota_id IN (SELECT value FROM json_each(?))
       ORDER BY e.similarity DESC, qa.nota_id, qa.seq`,
    ),
  };

  return {
    /** Runs `fn` in one read transaction, so every statement in it sees the same database state. */
    read<T>(fn: () => T): T {
      return db.transaction(fn).deferred();
    },
    generation: (): number => Number(s.generation.get() ?? 0),
    activeNotas: () => s.activeNotas.all() as NotaRow[],
    documents: (notaIds: readonly number[]) => s.documents.all(JSON.stringify(notaIds)) as DocumentRow[],
    paragraphs: (notaIds: readonly number[]) => s.paragraphs.all(JSON.stringify(notaIds)) as ParagraphRow[],
    /** Records by id, in the order of `ids`; ids that no longer exist are left out. */
    byIds(ids: readonly number[]): QaRow[] {
      if (ids.length === 0) return [];
      const rows = new Map(toQaRows(s.byIds.all(JSON.stringify(ids))).map((r) => [r.id, r]));
      return ids.flatMap((id) => rows.get(id) ?? []);
    },
    byId: (id: number) => toOptionalQaRow(s.byId.get(id)),
    byVid: (notaIds: readonly number[], vid: string) => toQaRows(s.byVid.all(JSON.stringify(notaIds), vid)),
    /** Records of one nota whose printed id has this number ("12" for VID-0012 or 12). */
    byVidNumber: (notaId: number, n: number) => toQaRows(s.byVidNumber.all(notaId, n)),
    /** Records of these notas that rectify another (few: the caller resolves which record each one changes). */
    rectifying: (notaIds: readonly number[]) =>
      toQaRows(s.rectifying.all(JSON.stringify(notaIds))).sort((a, b) => a.notaId - b.notaId || a.seq - b.seq),
    browse: (scope: Scope, offset: number, limit: number) => toQaRows(s.browse.all({ ...scopeParams(scope), offset, limit })),
    /**
     * All records in scope, in table order, read in chunks: exports stay flat in memory, and no
     * statement stays open between chunks (the connection is shared by all requests). A nota's
     * rows never change once written, so the chunks form one consistent list.
     */
    *iterate(scope: Scope, chunk = 500): Generator<QaRow> {
      const params = withinParams(scope);
      for (const notaId of scope.notaIds) {
        let afterSeq = -1;
        for (;;) {
          const rows = toQaRows(s.browseAfter.all({ ...params, notaId, afterSeq, limit: chunk }));
          yield* rows;
          const last = rows[rows.length - 1];
          if (!last || rows.length < chunk) break;
          afterSeq = last.seq;
        }
      }
    },
    count: (scope: Scope) => Number(s.count.get(scopeParams(scope))),
    /** The ids of every record in scope, in the scope's nota order and table order (for lists that group records). */
    idsInScope: (scope: Scope) => s.idsInScope.all(scopeParams(scope)) as number[],
    /** The "same answer" group (stored at publish) of every grouped record of these notas. */
    answerGroupKeys: (notaIds: readonly number[]) => s.answerGroupKeys.all(JSON.stringify(notaIds)) as Array<{ id: number; key: string }>,
    sameAnswer: (notaId: number, group: number) => toQaRows(s.group.all(notaId, group)),
    neighbours: (row: QaRow) =>
      s.neighbours.get({ notaId: row.notaId, documentKey: row.documentKey, paragraphKey: row.paragraphKey, seq: row.seq }) as {
        previous: string | null;
        next: string | null;
      },
    // Materialised, not iterated: the engine may read other rows while it builds.
    indexRecords: (notaIds: readonly number[]) => s.indexRecords.all(JSON.stringify(notaIds)) as IndexRecord[],
    text: (id: number) => s.text.get(id) as { question: string; answer: string } | undefined,
    /** The same question in other NvIs (stored at publish), among these notas, best match first. */
    elsewhere: (qaId: number, notaIds: readonly number[]): ElsewhereRow[] =>
      (s.elsewhere.all(qaId, JSON.stringify(notaIds)) as Array<RawQaRow & Pick<ElsewhereRow, 'similarity' | 'relation'>>).map((raw) => {
        const { similarity, relation, ...row } = raw;
        return { ...toQaRow(row), similarity, relation };
      }),
  };
}

export type QaRepository = ReturnType<typeof createQaRepository>;
