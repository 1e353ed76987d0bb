import { BadParameterError } from '../errors.ts';
import type { DocumentRow, NotaRow, ParagraphRow, Scope } from '../../core/store/qa-repository.ts';
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

export interface KeyIndex {
  /** The label of a key; the first one wins when notas label a key differently. */
  document(key: string): string;
  paragraph(documentKey: string, key: string): string;
  /** Position in the source, for ordering ties. */
  documentOrder(key: string): number;
  paragraphOrder(documentKey: string, key: string): number;
}

/** Derived from a snapshot's document and paragraph lists once, not on every request. */
const keyIndexes = new WeakMap<Snapshot, KeyIndex>();

export function labelIndex(snapshot: Snapshot): KeyIndex {
  let index = keyIndexes.get(snapshot);
  if (!index) keyIndexes.set(snapshot, (index = buildKeyIndex(snapshot)));
  return index;
}

function buildKeyIndex(snapshot: Snapshot): KeyIndex {
  // Labels: the first nota's. Order: the position in the last nota that has the key.
  const documents = new Map<string, { label: string; order: number }>();
  for (const [i, d] of snapshot.documents.entries()) documents.set(d.key, { label: documents.get(d.key)?.label ?? d.label, order: i });
  const paragraphs = new Map<string, { label: string; order: number }>();
  for (const [i, p] of snapshot.paragraphs.entries()) {
    const k = `${p.documentKey}/${p.key}`;
    paragraphs.set(k, { label: paragraphs.get(k)?.label ?? p.label, order: i });
  }
  return {
    document: (key) => documents.get(key)?.label ?? key,
    paragraph: (documentKey, key) => paragraphs.get(`${documentKey}/${key}`)?.label ?? key,
    documentOrder: (key) => documents.get(key)?.order ?? 0,
    paragraphOrder: (documentKey, key) => paragraphs.get(`${documentKey}/${key}`)?.order ?? 0,
  };
}
