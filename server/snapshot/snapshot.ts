import type { DocumentRow, NotaRow, ParagraphRow, QaRepository } from '../../core/store/qa-repository.ts';
import type { SearchEngine } from '../../core/search/types.ts';
import { buildEngine, loadIndexFile, writeIndexFile } from '../../core/publish/index-file.ts';

/**
 * What one request serves from: the active notas at one database generation, their document and
 * paragraph trees, and the search index built from exactly those records. A request takes the
 * current snapshot once and uses it throughout, and every query is scoped to its notas, so it
 * sees the old data or the new, never a mix; retired notas stay in the database until the next
 * replacement.
 */
export interface Snapshot {
  generation: number;
  notas: NotaRow[];
  notaIds: number[];
  notaBySlug: Map<string, NotaRow>;
  notaById: Map<number, NotaRow>;
  documents: DocumentRow[];
  paragraphs: ParagraphRow[];
  engine: SearchEngine;
  /** Where the engine came from, for logs and the health check. */
  engineSource: 'file' | 'built';
}

export interface SnapshotLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** `persist: false` builds a missing or stale index in memory only (for one-off tools). */
export function loadSnapshot(repo: QaRepository, indexFile: string, log: SnapshotLog, options: { persist?: boolean } = {}): Snapshot {
  const { generation, notas, documents, paragraphs } = repo.read(() => {
    const notas = repo.activeNotas();
    const ids = notas.map((n) => n.id);
    return { generation: repo.generation(), notas, documents: repo.documents(ids), paragraphs: repo.paragraphs(ids) };
  });
  const notaIds = notas.map((n) => n.id).sort((a, b) => a - b);
  let engine = loadIndexFile(indexFile, { generation, notaIds }, repo);
  let engineSource: Snapshot['engineSource'] = 'file';
  if (!engine) {
    const started = performance.now();
    engine = buildEngine(repo, notaIds);
    engineSource = 'built';
    log.info({ generation, records: engine.size, ms: Math.round(performance.now() - started) }, 'search index built');
    if (options.persist !== false) try {
      writeIndexFile(indexFile, { format: 1, generation, notaIds, records: engine.size }, engine);
    } catch (err) {
      // A read-only data directory is a supported deployment: the index then lives in memory only.
      log.warn({ err: (err as Error).message, indexFile }, 'search index not saved');
    }
  }
  return {
    generation,
    notas,
    notaIds,
    notaBySlug: new Map(notas.map((n) => [n.slug, n])),
    notaById: new Map(notas.map((n) => [n.id, n])),
    documents,
    paragraphs,
    engine,
    engineSource,
  };
}

/** Holds the current snapshot and swaps in a new one when the database generation moves on. */
export class SnapshotHolder {
  #current: Snapshot;
  #reloading = false;

  constructor(
    private readonly repo: QaRepository,
    private readonly indexFile: string,
    private readonly log: SnapshotLog,
  ) {
    this.#current = loadSnapshot(repo, indexFile, log);
  }

  get current(): Snapshot {
    return this.#current;
  }

  /** Reloads when an ingest has committed since; returns whether the snapshot changed. */
  refresh(): boolean {
    if (this.#reloading || this.repo.generation() === this.#current.generation) return false;
    this.#reloading = true;
    try {
      const next = loadSnapshot(this.repo, this.indexFile, this.log);
      const previous = this.#current;
      this.#current = next;
      this.log.info({ from: previous.generation, to: next.generation, notas: next.notas.map((n) => n.slug) }, 'data reloaded');
      return true;
    } finally {
      this.#reloading = false;
    }
  }
}
