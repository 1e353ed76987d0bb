/**
 * Stored "same answer" groups over every active NvI (the rule is core/store/group-answers.ts):
 * computed whenever the published data changes, so a search groups its results by a lookup and
 * never compares answers per request. A record whose answer stands alone has no row.
 */
import type { Db } from './database.ts';
import { groupAnswers } from './group-answers.ts';

/**
 * The group key is readable and stable while the data is: "<slug>/<id>" of the group's first
 * member in (NvI slug, table order), so it does not depend on database ids or ingest order.
 */
export const SAME_ANSWER_SCHEMA = `
  CREATE TABLE IF NOT EXISTS qa_same_answer (
    qa_id INTEGER PRIMARY KEY REFERENCES qa(id) ON DELETE CASCADE,
    group_key TEXT NOT NULL
  ) STRICT;
`;

/** "nvi-ggz-2024-2026/1.2-3": the group key a group's first member gives it. */
export function answerGroupKey(slug: string, vid: string): string {
  return `${slug}/${vid}`;
}

/**
 * Replaces every stored group with those of the active NvIs as they are now on this connection
 * (inside the caller's transaction when there is one). Returns the number of grouped records.
 */
export function replaceSameAnswerGroups(db: Db): number {
  const records = db
    .prepare(
      `SELECT q.id, n.slug, q.vid, q.answer FROM qa q JOIN nota n ON n.id = q.nota_id
       WHERE n.active = 1 ORDER BY n.slug, q.seq`,
    )
    .all() as Array<{ id: number; slug: string; vid: string; answer: string }>;
  const groups = groupAnswers(records.map((r) => r.answer));
  const insert = db.prepare(`INSERT INTO qa_same_answer (qa_id, group_key) VALUES (?, ?)`);
  let stored = 0;
  db.transaction(() => {
    db.prepare(`DELETE FROM qa_same_answer`).run();
    groups.forEach((first, i) => {
      if (first === null) return;
      const head = records[first]!;
      insert.run(records[i]!.id, answerGroupKey(head.slug, head.vid));
      stored++;
    });
  })();
  return stored;
}
