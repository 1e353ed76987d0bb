import { describe, expect, it } from 'vitest';
import { nextBatchTurn } from '../../server/export/turns.ts';

describe('exports taking turns', () => {
  it('lets one waiting export go per turn of the event loop, in the order they asked', async () => {
    const released: number[] = [];
    const all = [1, 2, 3].map((n) => nextBatchTurn().then(() => released.push(n)));
    // Queued after the first release: it runs in the same turn, so it sees what one turn let go.
    const afterOneTurn = await new Promise<number[]>((resolve) => setImmediate(() => resolve([...released])));
    expect(afterOneTurn).toEqual([1]);
    await Promise.all(all);
    expect(released).toEqual([1, 2, 3]);
  });
});
