import type { Snapshot } from '../snapshot/snapshot.ts';

const seg = encodeURIComponent;

/**
 * Public URLs, part of the contract: keep them stable. A question's permalink is /vraag/VID-0318
 * while one NvI is loaded; with several, links carry the NvI (/vraag/nvi-2021-2023/VID-0318),
 * and the short form still resolves when the VID is unique.
 */
export const urls = {
  question: (snapshot: Snapshot, nota: string, vid: string) =>
    snapshot.notas.length > 1 ? `/vraag/${seg(nota)}/${seg(vid)}` : `/vraag/${seg(vid)}`,
  nota: (nota: string) => `/documenten/${seg(nota)}`,
  document: (nota: string, document: string) => `/documenten/${seg(nota)}/${seg(document)}`,
  paragraph: (nota: string, document: string, paragraph: string) => `/documenten/${seg(nota)}/${seg(document)}/${seg(paragraph)}`,
  pdf: (nota: string, page?: number) => `/bron/${seg(nota)}.pdf${page ? `#page=${page}` : ''}`,
  /** A search or list URL with only the parameters that are set. */
  search: (params: Record<string, string | number | undefined | null>, base = '/zoeken') => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
    const s = qs.toString();
    return s ? `${base}?${s}` : base;
  },
};
