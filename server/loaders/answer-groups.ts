/**
 * "Same answer, shown once": a ranked list of records collapsed into one entry per answer group.
 * The groups themselves are stored at publish over every active NvI (core/store/same-answer-groups.ts)
 * and loaded with the snapshot (server/snapshot/answer-group-table.ts), so grouping a search costs
 * one pass over its hits.
 */
import { answerTextKey } from '../../core/store/group-answers.ts';
import type { Ordering } from '../../core/search/hits.ts';
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

/** A ranked list's items: search hits (see Hits) or records browsed in table order. */
export interface RankedList {
  readonly length: number;
  id(j: number): number;
  matchedAll(j: number): boolean;
  /** The record's index position (see SearchEngine.position), or undefined when not indexed. */
  position(j: number): number | undefined;
}

/** What a ranked list looks like once grouped; with mode `none`, every item is its own result. */
export interface Grouping {
  mode: GroupMode;
  /** Results: one per group (its best-ranked member stands for it, in its place) and per ungrouped item. */
  total: number;
  /** Results whose standing item has every query word. */
  allWords: number;
  /** The first results (as many as asked for), as items of the list, in order. */
  top: Uint32Array;
  /** Ids of every member (representative first, in order), by representative id; groups of 2 or more among `top` only. */
  members: Map<number, number[]>;
  /** Records in the list (grouped or not) and how many of them have every query word. */
  questions: number;
  questionsAllWords: number;
}

/** The stored group key of a record of this snapshot, or null when it is in no group. */
export function groupKeyOf(snapshot: Snapshot, id: number): string | null {
  const at = snapshot.engine.position(id);
  const group = at === undefined ? -1 : (snapshot.answerGroups.ofPosition[at] ?? -1);
  return group < 0 ? null : (snapshot.answerGroups.keys[group] ?? null);
}

/**
 * Collapses a ranked list: the first (best-ranked) member of each group stands for it, in its own
 * place; the rest of the group follows it into `members`. Counting needs no order: linear in the
 * list; only the first `need` results are put in order, and only their groups' members collected.
 */
export function groupList(ctx: LoaderContext, list: RankedList, order: Ordering, mode: GroupMode, need: number): Grouping {
  const n = list.length;
  let questionsAllWords = 0;
  for (let j = 0; j < n; j++) if (list.matchedAll(j)) questionsAllWords++;
  if (mode === 'none') return { mode, total: n, allWords: questionsAllWords, top: order.top(need), members: new Map(), questions: n, questionsAllWords };
  const { ofPosition, keys } = ctx.snapshot.answerGroups;
  const groupOf = new Int32Array(n);
  const standing = new Int32Array(keys.length).fill(-1);
  for (let j = 0; j < n; j++) {
    const at = list.position(j);
    const group = at === undefined ? -1 : (ofPosition[at] ?? -1);
    groupOf[j] = group;
    if (group < 0) continue;
    const best = standing[group]!;
    if (best < 0 || order.key(j) < order.key(best)) standing[group] = j;
  }
  let total = 0;
  let allWords = 0;
  const stands = (j: number) => groupOf[j]! < 0 || standing[groupOf[j]!] === j;
  for (let j = 0; j < n; j++) {
    if (!stands(j)) continue;
    total++;
    if (list.matchedAll(j)) allWords++;
  }
  const top = order.subset(stands).top(need);
  // The members of the groups shown, in list order.
  const shown = new Map<number, number[]>();
  for (const j of top) if (groupOf[j]! >= 0) shown.set(groupOf[j]!, []);
  if (shown.size > 0) for (let j = 0; j < n; j++) shown.get(groupOf[j]!)?.push(j);
  const members = new Map<number, number[]>();
  for (const items of shown.values()) {
    if (items.length < 2) continue;
    items.sort((a, b) => order.key(a) - order.key(b));
    members.set(list.id(items[0]!), items.map((j) => list.id(j)));
  }
  return { mode, total, allWords, top, members, questions: n, questionsAllWords };
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
export function resultGroup(ctx: LoaderContext, grouping: Grouping, id: number): { group?: ResultGroup | null } {
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
      key: groupKeyOf(ctx.snapshot, head.id) ?? '',
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
export function groupingFields(grouping: Grouping): { group: GroupMode; questions: number; questionsAllWords: number } {
  return { group: grouping.mode, questions: grouping.questions, questionsAllWords: grouping.questionsAllWords };
}
