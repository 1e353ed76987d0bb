import { BadParameterError } from '../errors.ts';
import type { DocumentRow, NotaRow, ParagraphRow, Scope } from '../../core/store/qa-repository.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';

/** A facet's values as a request gives them: absent, one, or several (a repeated key). */
export type FacetValues = string | readonly string[] | undefined;

export interface FilterParams {
  nota?: FacetValues;
  round?: FacetValues;
  sector?: FacetValues;
  publisher?: FacetValues;
  document?: FacetValues;
  paragraph?: string | undefined;
}

/** The facets on which an NvI as a whole is chosen (its description), in the order pages show them. */
export const NOTA_FACETS = ['round', 'sector', 'publisher', 'nota'] as const;
export type NotaFacet = (typeof NOTA_FACETS)[number];

/**
 * The filters in canonical form: each facet's values without repeats, sorted, so the same choice
 * in any order is one cache entry and one URL.
 */
export interface Selection {
  nota: string[];
  round: string[];
  sector: string[];
  publisher: string[];
  document: string[];
  paragraph: string | null;
}

function values(v: FacetValues): string[] {
  const list = v === undefined ? [] : typeof v === 'string' ? [v] : v;
  return [...new Set(list.filter((x) => x !== ''))].sort();
}

export function selectionOf(params: FilterParams): Selection {
  return {
    nota: values(params.nota),
    round: values(params.round),
    sector: values(params.sector),
    publisher: values(params.publisher),
    document: values(params.document),
    paragraph: params.paragraph ? params.paragraph : null,
  };
}

/** Whether any filter is set. */
export function hasSelection(s: Selection): boolean {
  return s.paragraph !== null || s.nota.length + s.round.length + s.sector.length + s.publisher.length + s.document.length > 0;
}

/** An NvI's value for a facet on NvIs: its slug, or a field of its description (null when unknown). */
export function notaValue(nota: NotaRow, facet: NotaFacet): string | null {
  return facet === 'nota' ? nota.slug : nota[facet];
}

export interface ResolvedScope extends Scope {
  selection: Selection;
  /** The NvIs the filters on NvIs leave, in snapshot order. */
  notas: NotaRow[];
  /** The one NvI chosen by `nota`, when exactly one is (names the export file). */
  nota: NotaRow | null;
  /** The one document chosen, when exactly one is. */
  document: DocumentRow | null;
  paragraph: ParagraphRow | null;
}

/**
 * Checks filter values against the data and turns them into a query scope. A value that no loaded
 * NvI has is a 400 that names the parameter and the value: silently returning nothing would look
 * like "no answers". Known values that exclude each other (GGZ in a round without GGZ) are a
 * list of nothing, as ticking both boxes is.
 */
export function resolveScope(snapshot: Snapshot, params: FilterParams): ResolvedScope {
  const selection = selectionOf(params);
  for (const facet of NOTA_FACETS) {
    for (const value of selection[facet]) {
      if (!snapshot.notas.some((n) => notaValue(n, facet) === value)) throw unknownValue(facet, value);
    }
  }
  const notas = snapshot.notas.filter((n) => NOTA_FACETS.every((f) => selection[f].length === 0 || selection[f].includes(notaValue(n, f) ?? '')));
  for (const key of selection.document) {
    if (!snapshot.documents.some((d) => d.key === key)) throw new BadParameterError('document', `unknown document "${key}"; see /api/notas/:nota/documents`, key);
  }
  let paragraph: ParagraphRow | null = null;
  if (selection.paragraph !== null) {
    // Known somewhere is enough: outside the chosen documents it lists nothing, and the page offers
    // to remove it, where a 400 would lose the reader's choices when a document box is unticked.
    const key = selection.paragraph;
    const candidates = snapshot.paragraphs.filter((p) => p.key === key);
    if (candidates.length === 0) throw new BadParameterError('paragraph', `unknown paragraph "${key}"; see /api/notas/:nota/documents`, key);
    paragraph = candidates.find((p) => selection.document.includes(p.documentKey)) ?? candidates[0]!;
  }
  const notaIds = notas.map((n) => n.id).sort((a, b) => a - b);
  const one = selection.nota.length === 1 ? (snapshot.notaBySlug.get(selection.nota[0]!) ?? null) : null;
  const document = selection.document.length === 1 ? (snapshot.documents.find((d) => d.key === selection.document[0] && notaIds.includes(d.notaId)) ?? null) : null;
  return {
    selection,
    notas,
    nota: one,
    document,
    paragraph,
    notaIds,
    ...(selection.document.length ? { documentKeys: selection.document } : {}),
    paragraphKey: selection.paragraph ?? undefined,
  };
}

const FACET_NAMES: Record<NotaFacet, string> = { nota: 'NvI', round: 'round', sector: 'sector', publisher: 'publisher' };

function unknownValue(facet: NotaFacet, value: string): BadParameterError {
  return new BadParameterError(facet, `unknown ${FACET_NAMES[facet]} "${value}"; see /api/notas`, value);
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
