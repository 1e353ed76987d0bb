import { BadParameterError } from '../errors.ts';
import type { DocumentRow, NotaRow, ParagraphRow, Scope } from '../db/qa-repository.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';

export interface FilterParams {
  nota?: string | undefined;
  document?: string | undefined;
  paragraph?: string | undefined;
}

export interface ResolvedScope extends Scope {
  nota: NotaRow | null;
  document: DocumentRow | null;
  paragraph: ParagraphRow | null;
}

/**
 * Checks filter values against the data and turns them into a query scope. An unknown value is
 * a 400 that names the parameter: silently returning nothing would look like "no answers".
 */
export function resolveScope(snapshot: Snapshot, params: FilterParams): ResolvedScope {
  let nota: NotaRow | null = null;
  if (params.nota) {
    nota = snapshot.notaBySlug.get(params.nota) ?? null;
    if (!nota) throw new BadParameterError('nota', `unknown NvI "${params.nota}"; see /api/notas`);
  }
  const notaIds = nota ? [nota.id] : snapshot.notaIds;
  let document: DocumentRow | null = null;
  if (params.document) {
    document = snapshot.documents.find((d) => d.key === params.document && notaIds.includes(d.notaId)) ?? null;
    if (!document) throw new BadParameterError('document', `unknown document "${params.document}"${nota ? ` in NvI "${nota.slug}"` : ''}`);
  }
  let paragraph: ParagraphRow | null = null;
  if (params.paragraph) {
    paragraph =
      snapshot.paragraphs.find(
        (p) => p.key === params.paragraph && notaIds.includes(p.notaId) && (!document || p.documentKey === document.key),
      ) ?? null;
    if (!paragraph) throw new BadParameterError('paragraph', `unknown paragraph "${params.paragraph}"${document ? ` in document "${document.key}"` : ''}`);
  }
  return {
    nota,
    document,
    paragraph,
    notaIds,
    documentKey: document?.key,
    paragraphKey: paragraph?.key,
  };
}

/** Labels for keys, first one wins when notas label a key differently. */
export function labelIndex(snapshot: Snapshot) {
  const documents = new Map<string, string>();
  for (const d of snapshot.documents) if (!documents.has(d.key)) documents.set(d.key, d.label);
  const paragraphs = new Map<string, string>();
  for (const p of snapshot.paragraphs) {
    const k = `${p.documentKey}/${p.key}`;
    if (!paragraphs.has(k)) paragraphs.set(k, p.label);
  }
  return {
    document: (key: string) => documents.get(key) ?? key,
    paragraph: (documentKey: string, key: string) => paragraphs.get(`${documentKey}/${key}`) ?? key,
  };
}
