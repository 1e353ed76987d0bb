import type { NvIRecord } from '../../core/model.ts';
import { collapse } from './gold.ts';
import type { ProseRecord } from './nvi-pdf/prose.ts';

/** A parsed record in the terms the prose generator states, text collapsed. */
export function asProse(r: NvIRecord): ProseRecord {
  return {
    vid: r.vid,
    idKind: r.idKind ?? 'printed',
    chapter: r.chapter,
    paragraph: r.paragraph,
    question: collapse(r.question),
    answer: collapse(r.answer),
    pageStart: r.pageStart,
    pageEnd: r.pageEnd,
    references: r.references ?? [],
    rectifies: r.rectifies,
  };
}

export function expected(g: ProseRecord): ProseRecord {
  return { ...g, question: collapse(g.question), answer: collapse(g.answer) };
}
