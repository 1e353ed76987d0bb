import type { ElsewhereRow, NotaRow, QaRow } from '../../core/store/qa-repository.ts';
import { diffWords, type DiffPart } from '../../core/text/word-diff.ts';
import { NotFoundError } from '../errors.ts';
import type { RecordRef } from '../../core/model.ts';
import { pageRef } from '../plugins/view-helpers.ts';
import { memo } from './lru.ts';
import { describeNota, type NotaDescriptionView } from './nota-description.ts';
import { placeLabel } from './place.ts';
import { headingIsWholeQuestion, isLongQuestion, questionHeading } from './question-text.ts';
import { publicRecord, type PublicRecord } from './record.ts';
import { rectifiersOf, resolveRef } from './references.ts';
import type { LoaderContext } from './search.ts';
import { urls } from './urls.ts';

export interface QuestionLink {
  nota: string;
  vid: string;
  question: string;
  paragraph: string;
  /** Document and paragraph ("Bijlage 4 · Deel 1.A."): links to other records stand outside their context. */
  place: string;
  url: string;
}

/** The same question in another NvI (stored at publish, see core/store/same-question-links.ts). */
export interface ElsewhereLink {
  nota: string;
  id: string;
  url: string;
  question: string;
  relation: ElsewhereRow['relation'];
  /** Question similarity (TF-IDF cosine, 0-1) the match was made on. */
  similarity: number;
  /** The other NvI, for display. */
  title: string;
  shortTitle: string;
  sector: string | null;
  round: string | null;
  descriptionLabel: string | null;
  /** Where the answer differs: this answer's words against the other's (removed: only here; added: only there). */
  answerDiff: DiffPart[] | null;
}

/** A reference in an answer, with the record it points to when that is loaded. */
export interface ResolvedReference extends RecordRef {
  /** The referred record's NvI and id, and its permalink; null when it resolves to nothing loaded. */
  nota: string | null;
  vid: string | null;
  url: string | null;
}

export interface QuestionPage {
  kind: 'question';
  nota: { slug: string; title: string; shortTitle: string; published: string | null } & NotaDescriptionView;
  record: PublicRecord & {
    seq: number;
    reference: string | null;
    referencePage: number | null;
    references: ResolvedReference[];
    rectifies: ResolvedReference | null;
  };
  /** Records whose answer changes this one (a "Rectificatie"), in this NvI or a later one of its series. */
  rectifiedBy: QuestionLink[];
  url: string;
  links: { document: string; paragraph: string; pdf: string; nota: string };
  previous: QuestionLink | null;
  next: QuestionLink | null;
  /** The same (or nearly the same) answer given to other questions. */
  sameAnswer: QuestionLink[];
  related: QuestionLink[];
  /** The same question in other NvIs, best match first. */
  elsewhere: ElsewhereLink[];
  /** Cites the record without its link (pages add the absolute permalink). */
  citation: string;
  /** A short form of the question for the heading and page title (see questionHeading). */
  heading: string;
  /** The question is long enough to fold after a few lines on its page. */
  longQuestion: boolean;
  /** The heading is the whole question (a short one): the page shows it once. */
  headingIsQuestion: boolean;
  /** Highlighted question and answer when reached from a search (`?q=`). */
  highlights: { question: string; answer: string } | null;
}

/** Several notas hold this VID: the reader chooses. */
export interface QuestionChoice {
  kind: 'choice';
  vid: string;
  candidates: QuestionLink[];
}

/** "Nota van Inlichtingen Landelijk Inkoopkader Wlz 2021-2023" → "NvI Landelijk Inkoopkader Wlz 2021-2023". */
export function shortTitle(title: string): string {
  return title.replace(/^nota\s+van\s+inlichtingen\b[:\s–-]*/i, 'NvI ').trim();
}

/** "par. 3.5" for numbered paragraphs, else the label itself. */
function paragraphRef(label: string): string {
  const num = /^(\d+(?:\.\d+)*)\.?\s/.exec(label)?.[1];
  if (num) return `par. ${num}`;
  return label.length > 60 ? `${label.slice(0, 57)}…` : label;
}

/** Ids that are only a number: cited as "vraag 12", since "12" alone reads as a page or an amount. */
const NUMBER_ID = /^\d+$/u;

/**
 * How a citation names a record: an id with letters as printed ("VID-0318", "B-4"); a bare number,
 * and an id the NvI does not print (derived, "1.2-3"), as "vraag …".
 */
export function citedId(row: Pick<QaRow, 'vid' | 'idKind'>): string {
  return row.idKind === 'derived' || NUMBER_ID.test(row.vid) ? `vraag ${row.vid}` : row.vid;
}

/** "NvI Landelijk Inkoopkader Wlz 2021-2023, VID-0021, Inkoopkader langdurige zorg 2021-2023, par. 4.2, p. 88-89". */
export function citation(nota: NotaRow, row: QaRow): string {
  const parts = [shortTitle(nota.title), citedId(row)];
  if (row.document) parts.push(row.document);
  if (row.paragraph) parts.push(paragraphRef(row.paragraph));
  parts.push(pageRef(row.pageStart, row.pageEnd));
  return parts.join(', ');
}

function link(ctx: LoaderContext, row: QaRow): QuestionLink {
  const nota = ctx.snapshot.notaById.get(row.notaId)?.slug ?? '';
  return {
    nota,
    vid: row.vid,
    question: row.question,
    paragraph: row.paragraph,
    place: placeLabel(row.document, row.paragraph),
    url: urls.question(ctx.snapshot, nota, row.vid),
  };
}

/** Similarity as stored is a float; three decimals say all a reader or client can use. */
const SIMILARITY_DECIMALS = 3;

function elsewhereLink(ctx: LoaderContext, row: QaRow, other: ElsewhereRow): ElsewhereLink | [] {
  const nota = ctx.snapshot.notaById.get(other.notaId);
  if (!nota) return [];
  const description = describeNota(nota);
  return {
    nota: nota.slug,
    id: other.vid,
    url: urls.question(ctx.snapshot, nota.slug, other.vid),
    question: other.question,
    relation: other.relation,
    similarity: Number(other.similarity.toFixed(SIMILARITY_DECIMALS)),
    title: nota.title,
    shortTitle: shortTitle(nota.title),
    sector: description.sector,
    round: description.round,
    descriptionLabel: description.descriptionLabel,
    answerDiff: other.relation === 'different-answer' ? diffWords(row.answer, other.answer) : null,
  };
}

function resolved(ctx: LoaderContext, from: NotaRow, ref: RecordRef): ResolvedReference {
  const target = resolveRef(ctx.snapshot, ctx.repo, from, ref);
  const nota = target ? (ctx.snapshot.notaById.get(target.notaId)?.slug ?? null) : null;
  return {
    id: ref.id,
    sequence: ref.sequence,
    text: ref.text,
    nota,
    vid: target?.vid ?? null,
    url: target && nota !== null ? urls.question(ctx.snapshot, nota, target.vid) : null,
  };
}

/**
 * The question page and GET /api/questions/:vid. Without a nota the VID is looked up in every
 * loaded NvI: one hit is the page, several are a choice, none is a 404.
 */
export function loadQuestion(ctx: LoaderContext, params: { nota?: string | undefined; vid: string; q?: string | undefined }): QuestionPage | QuestionChoice {
  return memo(ctx.snapshot, 'question', [params.nota, params.vid.toUpperCase(), params.q?.trim() ?? ''], () => computeQuestion(ctx, params));
}

function computeQuestion(ctx: LoaderContext, params: { nota?: string | undefined; vid: string; q?: string | undefined }): QuestionPage | QuestionChoice {
  const { snapshot, repo } = ctx;
  let notaIds = snapshot.notaIds;
  if (params.nota !== undefined) {
    const nota = snapshot.notaBySlug.get(params.nota);
    if (!nota) throw new NotFoundError(`no NvI "${params.nota}"`);
    notaIds = [nota.id];
  }
  return repo.read(() => {
    const rows = repo.byVid(notaIds, params.vid);
    if (rows.length === 0) throw new NotFoundError(`no question ${params.vid}`);
    if (rows.length > 1) return { kind: 'choice' as const, vid: params.vid, candidates: rows.map((r) => link(ctx, r)) };
    const row = rows[0]!;
    const nota = snapshot.notaById.get(row.notaId)!;
    const neighbours = repo.neighbours(row);
    const previous = neighbours.previous ? repo.byVid([row.notaId], neighbours.previous)[0] : undefined;
    const next = neighbours.next ? repo.byVid([row.notaId], neighbours.next)[0] : undefined;
    const same = row.answerGroup === null ? [] : repo.sameAnswer(row.notaId, row.answerGroup).filter((r) => r.id !== row.id);
    const elsewhere = repo.elsewhere(row.id, snapshot.notaIds);
    const relatedHits = snapshot.engine.related(row.id, 6, { notaIds: snapshot.notaIds });
    // A record listed as the same answer or the same question elsewhere is not listed again as related.
    const sameIds = new Set([...same, ...elsewhere].map((r) => r.id));
    const related = repo.byIds(relatedHits.map((h) => h.id).filter((id) => !sameIds.has(id))).slice(0, 5);
    const q = params.q?.trim();
    const hl = q ? snapshot.engine.highlighter(q) : null;
    return {
      kind: 'question' as const,
      nota: { slug: nota.slug, title: nota.title, shortTitle: shortTitle(nota.title), published: nota.published, ...describeNota(nota) },
      record: {
        ...publicRecord(row),
        seq: row.seq,
        reference: row.reference,
        referencePage: row.referencePage,
        references: row.references.map((ref) => resolved(ctx, nota, ref)),
        rectifies: row.rectifies ? resolved(ctx, nota, row.rectifies) : null,
      },
      rectifiedBy: rectifiersOf(snapshot, repo, nota, row).map((r) => link(ctx, r)),
      url: urls.question(snapshot, nota.slug, row.vid),
      links: {
        nota: urls.nota(nota.slug),
        document: urls.document(nota.slug, row.documentKey),
        paragraph: urls.paragraph(nota.slug, row.documentKey, row.paragraphKey),
        pdf: urls.pdf(nota.slug, row.pageStart),
      },
      previous: previous ? link(ctx, previous) : null,
      next: next ? link(ctx, next) : null,
      sameAnswer: same.map((r) => link(ctx, r)),
      related: related.map((r) => link(ctx, r)),
      elsewhere: elsewhere.flatMap((r) => elsewhereLink(ctx, row, r)),
      citation: citation(nota, row),
      heading: questionHeading(row.question),
      longQuestion: isLongQuestion(row.question),
      headingIsQuestion: headingIsWholeQuestion(row.question, questionHeading(row.question)),
      highlights: hl ? { question: hl.full(row.question), answer: hl.full(row.answer) } : null,
    };
  });
}
