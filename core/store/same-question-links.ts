/**
 * Stored links of "the same question elsewhere" (core/crossnvi): updated whenever the published
 * data changes, so a question page only reads its own rows. An NvI's records never change once
 * written (a new edition is a new nota), so an update only removes the links of NvIs no longer
 * active and seeks the matches of the NvIs added since: one new NvI costs its own records'
 * comparisons, not a comparison of every record with every other.
 */
import type { Db } from './database.ts';
import { findSameQuestions, type CrossRecord } from '../crossnvi/same-question.ts';

/** Schema of the links: both qa ids cascade, so a purged edition takes its links with it. */
export const SAME_QUESTION_LINKS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS qa_elsewhere (
    from_qa INTEGER NOT NULL REFERENCES qa(id) ON DELETE CASCADE,
    to_qa INTEGER NOT NULL REFERENCES qa(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('same-answer', 'different-answer')),
    PRIMARY KEY (from_qa, to_qa)
  ) STRICT;
  -- The cascade from a deleted qa row looks its links up by to_qa as well.
  CREATE INDEX IF NOT EXISTS qa_elsewhere_to ON qa_elsewhere(to_qa);
  -- The notas whose links are stored: an active nota not listed here is new to the links.
  CREATE TABLE IF NOT EXISTS qa_elsewhere_nota (
    nota_id INTEGER PRIMARY KEY REFERENCES nota(id) ON DELETE CASCADE
  ) STRICT;
`;

/** For a database whose links were computed over every active NvI before the list above existed. */
export function markActiveNotasLinked(db: Db): void {
  db.exec(SAME_QUESTION_LINKS_SCHEMA);
  db.prepare(`INSERT OR IGNORE INTO qa_elsewhere_nota (nota_id) SELECT id FROM nota WHERE active = 1`).run();
}

/**
 * Brings the stored links up to date with the active NvIs as they are now on this connection
 * (inside the caller's transaction when there is one): links of NvIs no longer active go, the
 * matches of newly active NvIs (against every active record) come. Returns the links stored.
 * The similarities of earlier links keep the term weights of their day; they move little as
 * NvIs are added, and a rebuild (`rebuildSameQuestionLinks`) recomputes them all.
 */
export function updateSameQuestionLinks(db: Db): number {
  const active = new Set(db.prepare(`SELECT id FROM nota WHERE active = 1`).pluck().all() as number[]);
  const linked = new Set(db.prepare(`SELECT nota_id FROM qa_elsewhere_nota`).pluck().all() as number[]);
  const retired = [...linked].filter((id) => !active.has(id));
  const added = new Set([...active].filter((id) => !linked.has(id)));
  if (retired.length === 0 && added.size === 0) return 0;
  const records = db
    .prepare(`SELECT id AS key, nota_id AS nota, question, answer FROM qa WHERE nota_id IN (SELECT id FROM nota WHERE active = 1)`)
    .all() as CrossRecord[];
  const links = added.size > 0 ? findSameQuestions(records, undefined, (r) => added.has(r.nota)) : [];
  const insert = db.prepare(`INSERT OR REPLACE INTO qa_elsewhere (from_qa, to_qa, similarity, relation) VALUES (?, ?, ?, ?)`);
  const mark = db.prepare(`INSERT INTO qa_elsewhere_nota (nota_id) VALUES (?)`);
  db.transaction(() => {
    if (retired.length > 0) {
      const ids = JSON.stringify(retired);
      db.prepare(
        `DELETE FROM qa_elsewhere WHERE from_qa IN (SELECT id FROM qa WHERE nota_id IN (SELECT value FROM json_each(?)))
           OR to_qa IN (SELECT id FROM qa WHERE nota_id IN (SELECT value FROM json_each(?)))`,
      ).run(ids, ids);
      db.prepare(`DELETE FROM qa_elsewhere_nota WHERE nota_id IN (SELECT value FROM json_each(?))`).run(ids);
    }
    for (const l of links) insert.run(l.from, l.to, l.similarity, l.relation);
    for (const id of added) mark.run(id);
  })();
  return links.length;
}

/** Recomputes every link over the active NvIs (a schema upgrade; weights of one day for all). */
export function rebuildSameQuestionLinks(db: Db): number {
  db.transaction(() => {
    db.prepare(`DELETE FROM qa_elsewhere`).run();
    db.prepare(`DELETE FROM qa_elsewhere_nota`).run();
  })();
  return updateSameQuestionLinks(db);
}
