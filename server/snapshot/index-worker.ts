/**
 * The index worker: reads the published index file (or, when it does not describe the requested
 * data, builds the index from the database on a connection of its own) and hands the index data
 * back, so the server thread never parses or builds an index while it serves.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readIndexHeader, sameData, writeIndexFile } from '../../core/publish/index-file.ts';
import { DEFAULT_ANALYZER_OPTIONS } from '../../core/search/analyzer.ts';
import { buildIndexData } from '../../core/search/build-index.ts';
import { engineFromIndexData } from '../../core/search/engine.ts';
import { deserializeIndex } from '../../core/search/serialize.ts';
import { cellTable, fieldNorms, notaTable, type IndexData } from '../../core/search/search-index.ts';
import { openDatabase } from '../../core/store/database.ts';
import { createQaRepository } from '../../core/store/qa-repository.ts';
import { answerGroupTable } from './answer-group-table.ts';
import { transferables, type IndexReply, type IndexRequest } from './index-protocol.ts';

function fromFile(request: IndexRequest): IndexData | null {
  const header = readIndexHeader(request.indexFile);
  if (!header || !sameData(header, request)) return null;
  try {
    const content = fs.readFileSync(request.indexFile, 'utf8');
    return deserializeIndex(content.slice(content.indexOf('\n') + 1));
  } catch {
    // Unreadable or of another format: build instead.
    return null;
  }
}

function build(request: IndexRequest): { data: IndexData; saveError?: string } {
  const db = openDatabase(request.dbPath, { readonly: true });
  try {
    const repo = createQaRepository(db);
    // A nota's rows never change once written, so its records are the same at any later generation.
    const data = buildIndexData(repo.indexRecords(request.notaIds), DEFAULT_ANALYZER_OPTIONS);
    // Never replace the index of newer data (an ingest publishes its index before it commits).
    const onDisk = readIndexHeader(request.indexFile);
    if (!request.persist || (onDisk && onDisk.generation > request.generation)) return { data };
    try {
      const engine = engineFromIndexData(data, () => undefined);
      writeIndexFile(request.indexFile, { format: 1, generation: request.generation, notaIds: request.notaIds, records: engine.size }, engine);
      return { data };
    } catch (err) {
      // A read-only data directory is a supported deployment: the index then lives in memory only.
      return { data, saveError: (err as Error).message };
    }
  } finally {
    db.close();
  }
}

/** The stored answer groups of the indexed records, read on this thread too. */
function answerGroups(request: IndexRequest, data: IndexData) {
  const db = openDatabase(request.dbPath, { readonly: true });
  try {
    const positions = new Map<number, number>();
    data.ids.forEach((id, at) => positions.set(id, at));
    return answerGroupTable(createQaRepository(db).answerGroupKeys(request.notaIds), data.ids.length, (id) => positions.get(id));
  } finally {
    db.close();
  }
}

const request = workerData as IndexRequest;
let reply: IndexReply;
try {
  const started = performance.now();
  const loaded = fromFile(request);
  const result = loaded ? { data: loaded, source: 'file' as const } : { ...build(request), source: 'built' as const };
  const norms = fieldNorms(result.data.fieldLengths, result.data.ids.length);
  const tables = { notas: notaTable(result.data), cells: cellTable(result.data) };
  reply = { ok: true, ...result, norms, answerGroups: answerGroups(request, result.data), tables, ms: performance.now() - started };
} catch (err) {
  reply = { ok: false, error: (err as Error).message };
}
parentPort!.postMessage(reply, reply.ok ? transferables(reply.data, reply.norms, reply.answerGroups, reply.tables) : []);
