import type { QaRow } from '../../core/store/qa-repository.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import type { LoaderContext } from './search.ts';

/**
 * Records read once per snapshot: result pages show the same records under ever new queries, so
 * each search reads only the records it has not shown before. A snapshot's data never changes, and
 * a new snapshot starts empty. Bounded by the text it holds (question and answer characters):
 * 16 M characters is some 32 MB, every record of dozens of NvIs; beyond it the oldest go first.
 */
const ROW_CACHE_CHARS = 16_000_000;

class RowCache {
  readonly rows = new Map<number, QaRow>();
  chars = 0;

  add(row: QaRow): void {
    this.rows.set(row.id, row);
    this.chars += row.question.length + row.answer.length;
    for (const [id, old] of this.rows) {
      if (this.chars <= ROW_CACHE_CHARS || id === row.id) break;
      this.rows.delete(id);
      this.chars -= old.question.length + old.answer.length;
    }
  }
}

const caches = new WeakMap<Snapshot, RowCache>();

/** The records with these ids, in this order (ids without a record left out). */
export function rowsByIds(ctx: LoaderContext, ids: readonly number[]): QaRow[] {
  let cache = caches.get(ctx.snapshot);
  if (!cache) caches.set(ctx.snapshot, (cache = new RowCache()));
  const missing = ids.filter((id) => !cache.rows.has(id));
  if (missing.length > 0) for (const row of ctx.repo.byIds(missing)) cache.add(row);
  const out: QaRow[] = [];
  for (const id of ids) {
    const row = cache.rows.get(id);
    if (row) out.push(row);
  }
  return out;
}
