/**
 * Stored links of "the same question elsewhere" (core/crossnvi): computed over every active NvI
 * whenever the published data changes, so a question page only reads its own rows.
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
`;

/**
 * Replaces every stored link with those of the active NvIs as they are now on this connection
 * (inside the caller's transaction when there is one). Returns the number of links stored.
 */
export function replaceSameQuestionLinks(db: Db): number {
  const records = db
    .prepare(`SELECT id AS key, nota_id AS nota, question, answer FROM qa WHERE nota_id IN (SELECT id FROM nota WHERE active = 1)`)
    .all() as CrossRecord[];
  const links = findSameQuestions(records);
  const insert = db.prepare(`INSERT INTO qa_elsewhere (from_qa, to_qa, similarity, relation) VALUES (?, ?, ?, ?)`);
  db.transaction(() => {
    db.prepare(`DELETE FROM qa_elsewhere`).run();
    for (const l of links) insert.run(l.from, l.to, l.similarity, l.relation);
  })();
  return links.length;
}
