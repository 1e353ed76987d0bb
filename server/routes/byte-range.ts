/** The one byte range a request asks for, per RFC 9110 §14; `null` means "send it all". */
export type RangeRequest = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * Parses `Range: bytes=…` for a body of `size` bytes. Several ranges at once are answered with
 * the whole body (allowed by the RFC; PDF viewers ask for one range at a time); a syntax we do
 * not know is ignored the same way.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    // Suffix: the last N bytes.
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Whether an If-None-Match header lists this ETag (or `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
