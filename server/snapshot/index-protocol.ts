import type { IndexData, IndexTables } from '../../core/search/search-index.ts';
import type { AnswerGroups } from './answer-group-table.ts';

/** What the server asks the index worker for: the index of exactly these notas at this generation. */
export interface IndexRequest {
  dbPath: string;
  indexFile: string;
  generation: number;
  notaIds: number[];
  /** Save an index the worker had to build, for the next start (best effort). */
  persist: boolean;
}

export type IndexReply =
  | { ok: true; data: IndexData; norms: Float32Array; answerGroups: AnswerGroups; tables: Required<IndexTables>; source: 'file' | 'built'; ms: number; saveError?: string }
  | { ok: false; error: string };

/** The typed arrays of the index: moved to the server thread, not copied. */
export function transferables(data: IndexData, norms: Float32Array, groups: AnswerGroups, tables?: Required<IndexTables>): ArrayBuffer[] {
  const arrays = [norms, groups.ofPosition, ...(tables ? [tables.notas.of, tables.cells.of] : []), data.ids, data.notaIds, data.documentKeyOf, data.paragraphKeyOf, data.fieldLengths, data.offsets, data.docs, data.tfs, data.refs.offsets, data.refs.docs];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
