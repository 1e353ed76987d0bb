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

/** The temp file a writer uses before its rename; the pid tells a live writer's from a dead one's. */
export function tempPathFor(file: string, pid = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.tmp`);
}

/**
 * Writes atomically (temp file, fsync, then rename): a reader sees the old file or the new one,
 * whole. A failed write (disk full) removes its temp file and leaves the old file in place.
 */
export function writeIndexFile(file: string, header: IndexHeader, engine: SearchEngine): void {
  const tmp = tempPathFor(file);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, JSON.stringify(header) + '\n');
      fs.writeSync(fd, engine.serialize());
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temp files that writers which no longer run left next to `file` (a crash or a full
 * disk between write and rename); a live writer's temp file is left alone. Returns what it removed.
 * Best effort: a read-only directory has nothing to clean and is no error.
 */
export function removeStaleTempFiles(file: string): string[] {
  const dir = path.dirname(file);
  const pattern = new RegExp(`^\\.${path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.tmp$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || (pid !== process.pid && isRunning(pid))) continue;
    try {
      fs.rmSync(path.join(dir, name));
      removed.push(name);
    } catch {
      // Not ours to remove (permissions): leave it.
    }
  }
  return removed;
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
