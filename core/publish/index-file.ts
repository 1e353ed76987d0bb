import fs from 'node:fs';
import path from 'node:path';
import type { QaRepository } from '../store/qa-repository.ts';
import { buildSearchEngine, loadSearchEngine } from '../search/engine.ts';
import type { SearchEngine } from '../search/types.ts';

/**
 * The serialized search index, stored next to the database. Its first line says which data it
 * was built from (generation and notas), so a reader can tell a stale file without parsing the
 * index itself.
 */
export interface IndexHeader {
  format: 1;
  generation: number;
  notaIds: number[];
  records: number;
}

export function sameData(a: Pick<IndexHeader, 'generation' | 'notaIds'>, b: Pick<IndexHeader, 'generation' | 'notaIds'>): boolean {
  return a.generation === b.generation && a.notaIds.join(',') === b.notaIds.join(',');
}

export function buildEngine(repo: QaRepository, notaIds: readonly number[]): SearchEngine {
  return buildSearchEngine(repo.indexRecords(notaIds), (id) => repo.text(id));
}

/** Writes atomically (temp file, then rename): a reader sees the old file or the new one, whole. */
export function writeIndexFile(file: string, header: IndexHeader, engine: SearchEngine): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(header) + '\n');
    fs.writeSync(fd, engine.serialize());
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** The header, or null when the file is missing or unreadable. */
export function readIndexHeader(file: string): IndexHeader | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl < 0) return null;
    const header = JSON.parse(buf.subarray(0, nl).toString('utf8')) as IndexHeader;
    return header.format === 1 ? header : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** Loads the engine from the file when it was built from exactly this data; otherwise null. */
export function loadIndexFile(file: string, expected: Pick<IndexHeader, 'generation' | 'notaIds'>, repo: QaRepository): SearchEngine | null {
  const header = readIndexHeader(file);
  if (!header || !sameData(header, expected)) return null;
  try {
    const content = fs.readFileSync(file, 'utf8');
    return loadSearchEngine(content.slice(content.indexOf('\n') + 1), (id) => repo.text(id));
  } catch {
    return null;
  }
}
