import type { Snapshot } from '../snapshot/snapshot.ts';
import { loadNotas, type NotaEntry } from './browse.ts';
import { compareNewest, compareRounds } from './sort.ts';
import { urls } from './urls.ts';

export interface RoundGroup {
  /** The purchasing round ("2024-2026"); null for NvIs whose round is unknown. */
  round: string | null;
  /** Every question of the round, searchable as one list. */
  searchUrl: string | null;
  records: number;
  /** Newest first (publication date), each with its description and document tree. */
  notas: Array<NotaEntry & { searchUrl: string }>;
}

/** The loaded NvIs by purchasing round, the newest round first; NvIs without a known round last. */
export function notasByRound(snapshot: Snapshot): RoundGroup[] {
  const rows = new Map(snapshot.notas.map((n) => [n.slug, n]));
  const groups = new Map<string | null, RoundGroup>();
  const entries = loadNotas(snapshot).notas.sort((a, b) => compareNewest(rows.get(a.slug)!, rows.get(b.slug)!));
  for (const nota of entries) {
    const round = nota.round;
    let group = groups.get(round);
    if (!group) groups.set(round, (group = { round, searchUrl: round ? urls.search({ round }) : null, records: 0, notas: [] }));
    group.notas.push({ ...nota, searchUrl: urls.search({ nota: nota.slug }) });
    group.records += nota.records;
  }
  return [...groups.values()].sort((a, b) => compareRounds(a.round, b.round));
}
