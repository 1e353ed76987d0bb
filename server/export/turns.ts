import { EXPORT_LIMITS } from './limits.ts';

/**
 * One batch of one export per turn of the event loop, however many exports run. Each export
 * waiting for its next batch queues here, and one of them is let go per turn (setImmediate), in
 * the order they asked: between two batches the loop polls for I/O, so another request waits
 * for at most one batch, not one batch of every running export (ten exports each taking their
 * slice in the same turn held other requests for ten slices).
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function releaseOne(): void {
  waiting.shift()?.();
  scheduled = waiting.length > 0;
  if (scheduled) setImmediate(releaseOne);
}

/** Resolves when it is this export's turn to write its next batch. */
export function nextBatchTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(releaseOne);
    }
  });
}

/**
 * Rows in batches (EXPORT_LIMITS), waiting for a turn (nextBatchTurn) between batches: the stream
 * pulls the next row only when the client has taken the last ones (back-pressure), and other
 * requests get their turn even when every client reads as fast as the server writes.
 */
export async function* inTurns<T>(rows: Iterable<T>): AsyncGenerator<T> {
  let n = 0;
  let since = performance.now();
  for (const row of rows) {
    yield row;
    if (++n % EXPORT_LIMITS.batchRows === 0 || performance.now() - since > EXPORT_LIMITS.sliceMs) {
      await nextBatchTurn();
      since = performance.now();
    }
  }
}
