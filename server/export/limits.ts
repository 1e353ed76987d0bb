/**
 * Exports, in one place: how often a client may ask for one, and how an export shares the
 * event loop with every other request.
 */
export const EXPORT_LIMITS = {
  /**
   * The rate limit counts every export of a client together (any format, GET or HEAD) in this
   * window; the number per window is `exportRateLimit` in the config.
   */
  windowMs: 60_000,
  /**
   * Rows written between two turns of the event loop. An export of 100,000 records would
   * otherwise run from its first row to its last without letting another request in whenever
   * the client reads as fast as it is written; 200 rows take about a millisecond to read and
   * format. One batch of one export runs per turn of the event loop (export/turns.ts), so other
   * requests wait for at most one batch, however many exports run.
   */
  batchRows: 200,
  /**
   * …or this long, whichever comes first: on a busy machine 200 rows can take far longer.
   */
  sliceMs: 4,
} as const;
