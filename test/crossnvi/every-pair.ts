/**
 * "The same question elsewhere" with every pair compared and no candidate generation: what the
 * prefix indexes of core/crossnvi/same-question.ts must find exactly, for the tests to compare.
 */
import { keepBestPerNota, matchPair, prepare, type CrossLink, type CrossRecord, type MatchSettings } from '../../core/crossnvi/same-question.ts';

/** The links `findSameQuestions(records, settings, probe)` must give, found the slow way. */
export function everyPair(records: readonly CrossRecord[], settings: MatchSettings, probe: (r: CrossRecord) => boolean = () => true): CrossLink[] {
  const p = prepare(records);
  const links: CrossLink[] = [];
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const [a, b] = [records[i]!, records[j]!];
      if (a.nota === b.nota || !(probe(a) || probe(b))) continue;
      const match = matchPair(p, i, j, settings);
      if (match) links.push({ from: a.key, to: b.key, ...match }, { from: b.key, to: a.key, ...match });
    }
  }
  return keepBestPerNota(links, records, settings.maxPerNota);
}

/** Links as sortable lines: both ends, the relation and the exact similarity. */
export const linkLines = (links: ReadonlyArray<Pick<CrossLink, 'from' | 'to' | 'relation' | 'similarity'>>): string[] =>
  links.map((l) => `${l.from}>${l.to} ${l.relation} ${l.similarity}`).sort();
