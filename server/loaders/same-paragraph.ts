/**
 * "Dezelfde paragraaf in andere NvI's" on a paragraph page. The rule is core/crossnvi/same-paragraph.ts;
 * it runs once per snapshot over the snapshot's paragraph list (already in memory), never per request.
 */
import { findSameParagraphs, type ParagraphRelation } from '../../core/crossnvi/same-paragraph.ts';
import type { ParagraphRow } from '../../core/store/qa-repository.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import { describeNota } from './nota-description.ts';
import { shortTitle } from './question.ts';
import { urls } from './urls.ts';

export interface SameParagraphLink {
  nota: string;
  shortTitle: string;
  /** "Zilveren Kruis · GZ · 2024-2026"; null when nothing is known of the NvI. */
  descriptionLabel: string | null;
  document: string;
  label: string;
  /** Questions in that paragraph. */
  questions: number;
  url: string;
  /** `same`: same number and title; `similar`: same number, similar title, another round. */
  relation: ParagraphRelation;
}

const paragraphKey = (notaId: number, documentKey: string, key: string) => `${notaId}\u0000${documentKey}\u0000${key}`;

const bySnapshot = new WeakMap<Snapshot, Map<string, SameParagraphLink[]>>();

function compute(snapshot: Snapshot): Map<string, SameParagraphLink[]> {
  const rows: ParagraphRow[] = snapshot.paragraphs;
  const identities = rows.map((p) => ({ nota: p.notaId, round: snapshot.notaById.get(p.notaId)?.round ?? null, label: p.label }));
  const matches = findSameParagraphs(identities);
  const notaOrder = new Map(snapshot.notas.map((n, i) => [n.id, i]));
  const documentLabels = new Map(snapshot.documents.map((d) => [`${d.notaId}\u0000${d.key}`, d.label]));
  const out = new Map<string, SameParagraphLink[]>();
  rows.forEach((p, i) => {
    const found = matches[i]!;
    if (found.length === 0) return;
    const links = found
      .map(({ index, relation }) => ({ row: rows[index]!, relation }))
      // The NvIs in the order the site lists them (newest first); same before similar within one.
      .sort((a, b) => (notaOrder.get(a.row.notaId) ?? 0) - (notaOrder.get(b.row.notaId) ?? 0) || a.relation.localeCompare(b.relation) || a.row.position - b.row.position)
      .flatMap(({ row, relation }) => {
        const nota = snapshot.notaById.get(row.notaId);
        if (!nota) return [];
        return [{
          nota: nota.slug,
          shortTitle: shortTitle(nota.title),
          descriptionLabel: describeNota(nota).descriptionLabel,
          document: documentLabels.get(`${row.notaId}\u0000${row.documentKey}`) ?? row.documentKey,
          label: row.label,
          questions: row.count,
          url: urls.paragraph(nota.slug, row.documentKey, row.key),
          relation,
        }];
      });
    out.set(paragraphKey(p.notaId, p.documentKey, p.key), links);
  });
  return out;
}

/** The same paragraph in the snapshot's other NvIs, for one paragraph. */
export function sameParagraphs(snapshot: Snapshot, notaId: number, documentKey: string, key: string): SameParagraphLink[] {
  let map = bySnapshot.get(snapshot);
  if (!map) bySnapshot.set(snapshot, (map = compute(snapshot)));
  return map.get(paragraphKey(notaId, documentKey, key)) ?? [];
}
