import { describe, expect, it } from 'vitest';
import type { QaRepository, QaRow } from '../../core/store/qa-repository.ts';
import { rowsByIds } from '../../server/loaders/rows.ts';
import type { Snapshot } from '../../server/snapshot/snapshot.ts';

// Only the fields the cache looks at matter here.
const row = (id: number) => ({ id, question: `vraag ${id}`, answer: `antwoord ${id}` }) as QaRow;

describe('records read once per snapshot', () => {
  it('returns the records in the order asked, reads each from the store once, and starts empty for a new snapshot', () => {
    const asked: number[][] = [];
    const repo = { byIds: (ids: readonly number[]) => (asked.push([...ids]), ids.filter((id) => id <= 10).map(row)) } as unknown as QaRepository;
    const snapshot = {} as Snapshot;
    expect(rowsByIds({ snapshot, repo }, [3, 1, 2]).map((r) => r.id)).toEqual([3, 1, 2]);
    expect(rowsByIds({ snapshot, repo }, [2, 4, 99, 1]).map((r) => r.id)).toEqual([2, 4, 1]);
    expect(asked).toEqual([[3, 1, 2], [4, 99]]);
    rowsByIds({ snapshot: {} as Snapshot, repo }, [1]);
    expect(asked.at(-1)).toEqual([1]);
  });
});
