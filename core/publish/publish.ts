import fs from 'node:fs';
import { readGeneration, type Db } from '../store/database.ts';
import { createQaRepository } from '../store/qa-repository.ts';
import { replaceSameAnswerGroups } from '../store/same-answer-groups.ts';
import { updateSameQuestionLinks } from '../store/same-question-links.ts';
import { buildEngine, readIndexHeader, sameData, writeIndexFile } from './index-file.ts';

export interface PublishResult<T> {
  result: T;
  index: IndexWrite | null;
  /** Links of "the same question elsewhere" the change added; null when the data did not change. */
  sameQuestionLinks: number | null;
}

export interface IndexWrite {
  rebuilt: boolean;
  records: number;
  ms: number;
}

/** Builds the index of what `db` shows now (committed or not, on this connection) and writes it. */
function writeIndexForCurrentData(db: Db, indexFile: string): IndexWrite {
  const started = performance.now();
  const repo = createQaRepository(db);
  const { generation, notaIds } = repo.read(() => ({
    generation: repo.generation(),
    notaIds: repo.activeNotas().map((n) => n.id).sort((a, b) => a - b),
  }));
  const header = readIndexHeader(indexFile);
  if (header && sameData(header, { generation, notaIds })) return { rebuilt: false, records: header.records, ms: performance.now() - started };
  const engine = buildEngine(repo, notaIds);
  writeIndexFile(indexFile, { format: 1, generation, notaIds, records: engine.size }, engine);
  return { rebuilt: true, records: engine.size, ms: performance.now() - started };
}

/**
 * Brings the search index file up to date with the committed data (a repair: an index lost, or
 * left stale by an older version). New data goes through publishChange instead.
 */
export function refreshIndexFile(db: Db, indexFile: string): IndexWrite {
  return writeIndexForCurrentData(db, indexFile);
}

/**
 * Makes one change to the data visible, index first: `write` runs inside a write transaction;
 * when it moved the generation on, the links of "the same question elsewhere" are updated for
 * the NvIs added and retired, and the "same answer" groups recomputed over every active NvI, in
 * the same transaction (pages read them, never compute them); the search index of the new data is
 * built on this connection (which sees the uncommitted rows) and written to disk, and only then
 * is the transaction committed. So a reader (the server's reload timer) never sees a generation whose index file is
 * not there yet, and never has to build one itself.
 *
 * Any failure before the commit (the write itself, or the index write on a full disk) rolls the
 * change back: nothing is published, the old index file stays, its temp file is removed. If the
 * commit itself fails after the index was renamed into place, that index is removed again so it
 * cannot be mistaken for data that does not exist (a reader then rebuilds, off its event loop).
 */
export function publishChange<T>(db: Db, indexFile: string, write: () => T): PublishResult<T> {
  // IMMEDIATE: take the write lock now, so the generation read below is the one we move on from.
  db.exec('BEGIN IMMEDIATE');
  let indexWritten = false;
  try {
    const before = readGeneration(db);
    // A transaction inside `write` (writeNota's) becomes a savepoint of this one.
    const result = write();
    let index: IndexWrite | null = null;
    let sameQuestionLinks: number | null = null;
    if (readGeneration(db) !== before) {
      sameQuestionLinks = updateSameQuestionLinks(db);
      replaceSameAnswerGroups(db);
      index = writeIndexForCurrentData(db, indexFile);
      indexWritten = index.rebuilt;
    }
    db.exec('COMMIT');
    return { result, index, sameQuestionLinks };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    // Only the commit can fail after the index is in place: that index describes nothing.
    if (indexWritten) fs.rmSync(indexFile, { force: true });
    throw err;
  }
}
