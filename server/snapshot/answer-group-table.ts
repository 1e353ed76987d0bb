/**
 * The stored answer groups of a snapshot's records (core/store/same-answer-groups.ts) as a table
 * by index position, read when the snapshot is loaded (in the index worker for a reload), so no
 * request reads them and grouping a search is an array lookup per match.
 */

export interface AnswerGroups {
  /** Group number of the record at each index position; -1: in no group. */
  ofPosition: Int32Array;
  /** Group key by group number, as the export's "Antwoordgroep" column names it. */
  keys: string[];
}

export function answerGroupTable(rows: Iterable<{ id: number; key: string }>, size: number, position: (id: number) => number | undefined): AnswerGroups {
  const ofPosition = new Int32Array(size).fill(-1);
  const numbers = new Map<string, number>();
  const keys: string[] = [];
  for (const { id, key } of rows) {
    const at = position(id);
    if (at === undefined) continue;
    let group = numbers.get(key);
    if (group === undefined) {
      numbers.set(key, (group = keys.length));
      keys.push(key);
    }
    ofPosition[at] = group;
  }
  return { ofPosition, keys };
}
