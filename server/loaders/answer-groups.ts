/**
 * "Same answer, shown once": a ranked list of records collapsed into one entry per answer group.
 * The groups themselves are stored at publish over every active NvI (core/store/same-answer-groups.ts);
 * here they are only looked up, once per snapshot, so grouping a search costs one pass over its hits.
 */
import { answerTextKey } from '../../core/store/group-answers.ts';
import type { NotaRow } from '../../core/store/qa-repository.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import { shortTitle } from './question.ts';
import { rowsByIds } from './rows.ts';
import type { LoaderContext } from './search.ts';
import { urls } from './urls.ts';

/** `answer`: records with the same or a nearly identical answer are one result; `none`: every record is. */
export type GroupMode = 'answer' | 'none';

export interface GroupMember {
  nota: string;
  id: string;
  url: string;
  question: string;
  /** The member's NvI as the list shows it (sector, or short title; see notaLabel). */
  notaLabel: string;
}

/** The records a result stands for when grouped: itself (first) and the others with its answer. */
export interface ResultGroup {
  /** The stored group key, as the export's "Antwoordgroep" column names it. */
  key: string;
  /** Number of questions in this result (all of them match the search and its filters). */
  size: number;
  /** Number of different answer texts among them (more than 1 when answers are nearly, not exactly, the same). */
  answers: number;
  members: GroupMember[];
  /** The other NvIs among the members (sector, or the short title where a sector is not unique). */
  alsoIn: string[];
}

/** What a ranked list looks like once grouped; with mode `none`, every item is its own unit. */
export interface Grouping<H extends { id: number; matchedAll: boolean }> {
  mode: GroupMode;
  /** One item per result, the best-ranked member of its group, in rank order. */
  units: H[];
  /** Ids of every member (representative first, in rank order), by representative id; groups of 2 or more only. */
  members: Map<number, number[]>;
  /** Records in the list (grouped or not) and how many of them have every query word. */
  questions: number;
  questionsAllWords: number;
}

const keysBySnapshot = new WeakMap<Snapshot, Map<number, string>>();

/**
 * Group key by record id, for the records of this snapshot's NvIs; read once per snapshot, at its
 * first grouped request. Should a publish land in between, a record of an NvI it retired reads as
 * ungrouped until the server reloads (within RELOAD_INTERVAL_MS): one missed fold, never a wrong one.
 */
export function answerGroupKeys(ctx: LoaderContext): Map<number, string> {
  let keys = keysBySnapshot.get(ctx.snapshot);
  if (!keys) {
    // One string per group, not per member: SQLite hands out a new copy for every row.
    const interned = new Map<string, string>();
    keys = new Map();
    for (const r of ctx.repo.answerGroupKeys(ctx.snapshot.notaIds)) {
      let key = interned.get(r.key);
      if (key === undefined) interned.set(r.key, (key = r.key));
      keys.set(r.id, key);
    }
    keysBySnapshot.set(ctx.snapshot, keys);
  }
  return keys;
}

/**
 * Collapses a ranked list: the first (best-ranked) member of each group stands for it, in its
 * own place; the rest of the group follows it into `members`. Linear in the list.
 */
export function groupRanked<H extends { id: number; matchedAll: boolean }>(ctx: LoaderContext, items: readonly H[], mode: GroupMode): Grouping<H> {
  let questionsAllWords = 0;
  for (const h of items) if (h.matchedAll) questionsAllWords++;
  if (mode === 'none') return { mode, units: [...items], members: new Map(), questions: items.length, questionsAllWords };
  const keys = answerGroupKeys(ctx);
  const units: H[] = [];
  const byKey = new Map<string, number[]>();
  const members = new Map<number, number[]>();
  for (const h of items) {
    const key = keys.get(h.id);
    if (key === undefined) {
      units.push(h);
      continue;
    }
    const ids = byKey.get(key);
    if (ids) ids.push(h.id);
    else {
      const first = [h.id];
      byKey.set(key, first);
      members.set(h.id, first);
      units.push(h);
    }
  }
  for (const [head, ids] of members) if (ids.length < 2) members.delete(head);
  return { mode, units, members, questions: items.length, questionsAllWords };
}

/** A label per NvI to say where else an answer was given: the sector where it names one NvI alone. */
function notaLabel(snapshot: Snapshot, nota: NotaRow): string {
  const sector = nota.sector?.trim();
  if (sector && snapshot.notas.filter((n) => n.sector?.trim() === sector).length === 1) return sector;
  return shortTitle(nota.title);
}

/**
 * The `group` of one result: null when grouping is on and the result stands alone; absent (an
 * empty object to spread) when grouping is off, so ungrouped responses keep their shape.
 */
export function resultGroup(ctx: LoaderContext, grouping: Grouping<{ id: number; matchedAll: boolean }>, id: number): { group?: ResultGroup | null } {
  if (grouping.mode === 'none') return {};
  const ids = grouping.members.get(id);
  if (!ids) return { group: null };
  const rows = rowsByIds(ctx, ids);
  const head = rows[0];
  if (!head) return { group: null };
  const slug = (notaId: number) => ctx.snapshot.notaById.get(notaId)?.slug ?? String(notaId);
  const otherNotas = new Set(rows.filter((r) => r.notaId !== head.notaId).map((r) => r.notaId));
  return {
    group: {
      key: answerGroupKeys(ctx).get(head.id) ?? '',
      size: rows.length,
      answers: new Set(rows.map((r) => answerTextKey(r.answer))).size,
      members: rows.map((r) => {
        const nota = ctx.snapshot.notaById.get(r.notaId);
        return {
          nota: slug(r.notaId),
          id: r.vid,
          url: urls.question(ctx.snapshot, slug(r.notaId), r.vid),
          question: r.question,
          notaLabel: nota ? notaLabel(ctx.snapshot, nota) : slug(r.notaId),
        };
      }),
      alsoIn: ctx.snapshot.notas.filter((n) => otherNotas.has(n.id)).map((n) => notaLabel(ctx.snapshot, n)),
    },
  };
}

/** The counts a grouped or ungrouped response carries beside its results. */
export function groupingFields(grouping: Grouping<{ id: number; matchedAll: boolean }>): { group: GroupMode; questions: number; questionsAllWords: number } {
  return { group: grouping.mode, questions: grouping.questions, questionsAllWords: grouping.questionsAllWords };
}
