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
  /** A search or list URL with only the parameters that are set; a list is the key repeated (`sector=GGZ&sector=GZ`). */
  search: (params: Record<string, string | number | readonly string[] | undefined | null>, base = '/zoeken') => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (Array.isArray(v)) for (const item of v as readonly string[]) qs.append(k, item);
      else if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
    }
    const s = qs.toString();
    return s ? `${base}?${s}` : base;
  },
};

/**
 * A host as a link may carry it: a DNS name or an address (IPv6 in brackets), with an optional
 * port; no markup, quotes, spaces, credentials or path can get through.
 */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST = `(?:${LABEL}(?:\\.${LABEL})*\\.?|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?`;
const SAFE_BASE = new RegExp(`^https?://${HOST}(?:/[A-Za-z0-9._~%/-]*)?$`);

/**
 * The start of absolute links (exports, permalinks): the base as given when it is a plain http or
 * https address, else "" (links stay relative). Behind a proxy the scheme and host come from
 * X-Forwarded-Proto/-Host, which a client can write: "javascript://…" or a host with markup must
 * never reach a link.
 */
export function safeBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return SAFE_BASE.test(trimmed) ? trimmed : '';
}

/** The configured public URL, else the scheme and host the request came in on, when they are safe. */
export function absoluteBase(publicUrl: string, protocol: string, host: string): string {
  return safeBase(publicUrl || `${protocol}://${host}`);
}
