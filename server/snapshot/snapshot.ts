import type { DocumentRow, NotaRow, ParagraphRow, QaRepository } from '../../core/store/qa-repository.ts';
import type { SearchEngine } from '../../core/search/types.ts';
import { buildEngine, loadIndexFile, writeIndexFile } from '../../core/publish/index-file.ts';
import { engineFromIndexData } from '../../core/search/engine.ts';
import { answerGroupTable, type AnswerGroups } from './answer-group-table.ts';
import { loadIndexOffThread } from './index-loader.ts';

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
  /** The stored answer groups of the records, by index position (see answer-group-table.ts). */
  answerGroups: AnswerGroups;
  /** Where the engine came from, for logs and the health check. */
  engineSource: 'file' | 'built';
}

export interface SnapshotLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

type SnapshotData = Omit<Snapshot, 'engine' | 'engineSource' | 'answerGroups' | 'notaBySlug' | 'notaById'>;

/** Notas and trees at one generation, read in one transaction (a few small queries). */
function readData(repo: QaRepository): SnapshotData {
  const { generation, notas, documents, paragraphs } = repo.read(() => {
    const notas = repo.activeNotas();
    const ids = notas.map((n) => n.id);
    return { generation: repo.generation(), notas, documents: repo.documents(ids), paragraphs: repo.paragraphs(ids) };
  });
  return { generation, notas, notaIds: notas.map((n) => n.id).sort((a, b) => a - b), documents, paragraphs };
}

function assemble(data: SnapshotData, engine: SearchEngine, engineSource: Snapshot['engineSource'], answerGroups: AnswerGroups): Snapshot {
  return {
    ...data,
    notaBySlug: new Map(data.notas.map((n) => [n.slug, n])),
    notaById: new Map(data.notas.map((n) => [n.id, n])),
    engine,
    answerGroups,
    engineSource,
  };
}

/**
 * Loads on the calling thread: for one-off tools and the server's first load, before it listens.
 * `persist: false` builds a missing or stale index in memory only.
 */
export function loadSnapshot(repo: QaRepository, indexFile: string, log: SnapshotLog, options: { persist?: boolean } = {}): Snapshot {
  const data = readData(repo);
  const { generation, notaIds } = data;
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
  const groups = answerGroupTable(repo.answerGroupKeys(notaIds), engine.size, (id) => engine!.position(id));
  return assemble(data, engine, engineSource, groups);
}

/**
 * Loads with the index read or built in a worker thread, so the server keeps answering from the
 * snapshot it has meanwhile: the only work on the server thread is a few small queries and
 * wrapping the finished index data.
 */
export async function loadSnapshotOffThread(repo: QaRepository, dbPath: string, indexFile: string, log: SnapshotLog): Promise<Snapshot> {
  const data = readData(repo);
  const reply = await loadIndexOffThread({ dbPath, indexFile, generation: data.generation, notaIds: data.notaIds, persist: true });
  if (!reply.ok) throw new Error(`search index not loaded: ${reply.error}`);
  if (reply.source === 'built') log.info({ generation: data.generation, records: reply.data.ids.length, ms: Math.round(reply.ms) }, 'search index built');
  if (reply.saveError) log.warn({ err: reply.saveError, indexFile }, 'search index not saved');
  return assemble(data, engineFromIndexData(reply.data, (id) => repo.text(id), reply.norms, reply.tables), reply.source, reply.answerGroups);
}

/** Holds the current snapshot and swaps in a new one when the database generation moves on. */
export class SnapshotHolder {
  #current: Snapshot;
  #loading: Promise<boolean> | null = null;

  constructor(
    private readonly repo: QaRepository,
    private readonly dbPath: string,
    private readonly indexFile: string,
    private readonly log: SnapshotLog,
  ) {
    this.#current = loadSnapshot(repo, indexFile, log);
  }

  get current(): Snapshot {
    return this.#current;
  }

  /** Whether a new snapshot is being loaded (requests meanwhile get the current one). */
  get loading(): boolean {
    return this.#loading !== null;
  }

  /**
   * Reloads when an ingest has committed since; resolves to whether the snapshot changed. A
   * call while a load runs joins that load instead of starting a second one.
   */
  refresh(): Promise<boolean> {
    if (this.#loading) return this.#loading;
    if (this.repo.generation() === this.#current.generation) return Promise.resolve(false);
    this.#loading = this.#reload().finally(() => (this.#loading = null));
    return this.#loading;
  }

  async #reload(): Promise<boolean> {
    const next = await loadSnapshotOffThread(this.repo, this.dbPath, this.indexFile, this.log);
    const previous = this.#current;
    if (next.generation === previous.generation) return false;
    this.#current = next;
    this.log.info({ from: previous.generation, to: next.generation, notas: next.notas.map((n) => n.slug) }, 'data reloaded');
    return true;
  }
}
