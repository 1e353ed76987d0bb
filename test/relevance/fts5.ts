/**
 * The baseline: SQLite FTS5 over the same records, as a plain full-text index would be set up
 * (unicode61 tokenizer with diacritics removed, bm25 ranking, the query's tokens OR-ed together).
 */
import Database from 'better-sqlite3';
import type { IndexRecord } from '../../core/search/types.ts';

export type Fts5Database = Database.Database;

/** An in-memory database with the records in an FTS5 table `qa` (rowid = record id). */
export function createFts5Database(records: Iterable<IndexRecord>): Fts5Database {
  const db = new Database(':memory:');
  db.exec(
    `CREATE VIRTUAL TABLE qa USING fts5(vid, document, paragraph, question, answer, tokenize = 'unicode61 remove_diacritics 2')`,
  );
  const insert = db.prepare('INSERT INTO qa (rowid, vid, document, paragraph, question, answer) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of records) insert.run(r.id, r.vid, r.document, r.paragraph, r.question, r.answer);
  })();
  return db;
}

/** A search over the `qa` table: record ids, best first; all matches when `limit` is undefined. */
export function fts5Search(db: Fts5Database, limit?: number): (query: string) => number[] {
  const sql = 'SELECT rowid FROM qa WHERE qa MATCH ? ORDER BY bm25(qa)';
  const select = db.prepare<[string], { rowid: number }>(limit === undefined ? sql : `${sql} LIMIT ${Math.floor(limit)}`);
  return (query) => {
    const match = toMatchExpression(query);
    return match ? select.all(match).map((row) => row.rowid) : [];
  };
}

/** Every token as a quoted string, OR-ed: no FTS5 syntax from the user reaches the parser. */
export function toMatchExpression(query: string): string {
  const tokens = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}
