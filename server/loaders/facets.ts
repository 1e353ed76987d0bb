import type { NotaRow } from '../../core/store/qa-repository.ts';
import type { SearchFilter } from '../../core/search/types.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import { describeNota } from './nota-description.ts';
import { shortTitle } from './question.ts';
import { labelIndex, NOTA_FACETS, notaValue, type NotaFacet, type ResolvedScope, type Selection } from './scope.ts';
import { compareNewest, compareRounds } from './sort.ts';

export interface Facet {
  key: string;
  label: string;
  count: number;
  /** The value is among the filters (shown even when the rest of the filters leave it no records). */
  selected: boolean;
}

export interface NotaFacetEntry extends Facet {
  /** "Zilveren Kruis · GGZ · 2024-2026", when known. */
  description: string | null;
}

export interface ParagraphFacet extends Facet {
  documentKey: string;
}

export interface SearchFacets {
  round: Facet[];
  sector: Facet[];
  publisher: Facet[];
  nota: NotaFacetEntry[];
  document: Facet[];
  paragraph: ParagraphFacet[];
}

/** Records of one paragraph of one NvI, the unit facets count in. */
export interface Cell {
  notaId: number;
  documentKey: string;
  paragraphKey: string;
  count: number;
}

/** Every record of the snapshot, by paragraph: what a list without a query counts over. */
export function allCells(snapshot: Snapshot): Cell[] {
  return snapshot.paragraphs.map((p) => ({ notaId: p.notaId, documentKey: p.documentKey, paragraphKey: p.key, count: p.count }));
}

/** Whether a value is chosen in any facet with several values (the counts then need the wider set). */
export function hasListSelection(s: Selection): boolean {
  return s.nota.length + s.round.length + s.sector.length + s.publisher.length + s.document.length > 0;
}

/**
 * The search whose hits the facets count: every loaded NvI and document, the paragraph as chosen
 * (a paragraph is no facet with several values). The results themselves come from the search
 * with every filter, which a value's count then matches for each single choice.
 */
export function facetFilter(snapshot: Snapshot, scope: ResolvedScope): SearchFilter {
  return { notaIds: snapshot.notaIds, ...(scope.paragraphKey ? { paragraphKey: scope.paragraphKey } : {}) };
}

type Counted = 'document' | NotaFacet;

/**
 * Counts per facet value over the result set, the usual way for facets with several values: a
 * facet's counts apply every filter but its own, so they say what ticking one more value adds.
 * The paragraph facet applies every filter (one paragraph at a time).
 */
export function countFacets(snapshot: Snapshot, selection: Selection, cells: Iterable<Cell>): SearchFacets {
  const notaPasses = new Map<number, Record<NotaFacet, boolean>>();
  for (const n of snapshot.notas) {
    const passes = {} as Record<NotaFacet, boolean>;
    for (const f of NOTA_FACETS) passes[f] = selection[f].length === 0 || selection[f].includes(notaValue(n, f) ?? '');
    notaPasses.set(n.id, passes);
  }
  const counts: Record<Counted, Map<string, number>> = { round: new Map(), sector: new Map(), publisher: new Map(), nota: new Map(), document: new Map() };
  const paragraphs = new Map<string, { documentKey: string; key: string; count: number }>();
  const add = (facet: Counted, key: string | null, n: number) => {
    if (key !== null && key !== '') counts[facet].set(key, (counts[facet].get(key) ?? 0) + n);
  };
  for (const cell of cells) {
    const nota = snapshot.notaById.get(cell.notaId);
    const passes = notaPasses.get(cell.notaId);
    if (!nota || !passes) continue;
    if (selection.paragraph !== null && cell.paragraphKey !== selection.paragraph) continue;
    const failing: Counted[] = NOTA_FACETS.filter((f) => !passes[f]);
    if (selection.document.length > 0 && !selection.document.includes(cell.documentKey)) failing.push('document');
    if (failing.length > 1) continue;
    const only = failing[0];
    for (const f of NOTA_FACETS) if (only === undefined || only === f) add(f, notaValue(nota, f), cell.count);
    if (only === undefined || only === 'document') add('document', cell.documentKey, cell.count);
    if (only === undefined) {
      const k = `${cell.documentKey}/${cell.paragraphKey}`;
      const p = paragraphs.get(k);
      if (p) p.count += cell.count;
      else paragraphs.set(k, { documentKey: cell.documentKey, key: cell.paragraphKey, count: cell.count });
    }
  }
  return labelled(snapshot, selection, counts, paragraphs);
}

function labelled(
  snapshot: Snapshot,
  selection: Selection,
  counts: Record<Counted, Map<string, number>>,
  paragraphCounts: Map<string, { documentKey: string; key: string; count: number }>,
): SearchFacets {
  const keys = labelIndex(snapshot);
  const entries = (facet: Counted) => {
    const all = new Map(counts[facet]);
    for (const v of selection[facet]) if (!all.has(v)) all.set(v, 0);
    return [...all].map(([key, count]) => ({ key, count, selected: selection[facet].includes(key) }));
  };
  const byCount = (a: Facet, b: Facet) => b.count - a.count || a.label.localeCompare(b.label, 'nl');
  const notaRows = new Map(snapshot.notas.map((n) => [n.slug, n]));
  const newest = (a: Facet, b: Facet) => compareNewest(notaRows.get(a.key) as NotaRow, notaRows.get(b.key) as NotaRow);
  return {
    round: entries('round')
      .map((e) => ({ ...e, label: e.key }))
      .sort((a, b) => compareRounds(a.key, b.key)),
    sector: entries('sector')
      .map((e) => ({ ...e, label: e.key }))
      .sort(byCount),
    publisher: entries('publisher')
      .map((e) => ({ ...e, label: e.key }))
      .sort(byCount),
    nota: entries('nota')
      .flatMap((e) => {
        const n = notaRows.get(e.key);
        return n ? [{ ...e, label: shortTitle(n.title), description: describeNota(n).descriptionLabel }] : [];
      })
      .sort(newest),
    document: entries('document')
      .map((e) => ({ ...e, label: keys.document(e.key) }))
      .sort((a, b) => b.count - a.count || keys.documentOrder(a.key) - keys.documentOrder(b.key)),
    paragraph: [...paragraphCounts.values()]
      .map((p) => ({ key: p.key, documentKey: p.documentKey, label: keys.paragraph(p.documentKey, p.key), count: p.count, selected: selection.paragraph === p.key }))
      .sort((a, b) => b.count - a.count || keys.paragraphOrder(a.documentKey, a.key) - keys.paragraphOrder(b.documentKey, b.key)),
  };
}

/** Values of a facet on NvIs across every loaded NvI: a facet with one value or none says nothing. */
export function distinctValues(snapshot: Snapshot, facet: NotaFacet): number {
  return new Set(snapshot.notas.map((n) => notaValue(n, facet)).filter((v) => v !== null && v !== '')).size;
}
