import type { Db } from '../store/database.ts';
import { createQaRepository } from '../store/qa-repository.ts';
import { buildEngine, readIndexHeader, sameData, writeIndexFile } from './index-file.ts';

/**
 * Brings the search index file up to date with the database: built once after a batch of
 * ingests, so the server loads it instead of building it at start.
 */
export function refreshIndexFile(db: Db, indexFile: string): { rebuilt: boolean; records: number; ms: number } {
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
