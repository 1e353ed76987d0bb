import type { NotaRow } from '../../core/store/qa-repository.ts';
import { NotFoundError } from '../errors.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import { describeNota, type NotaDescriptionView } from './nota-description.ts';
import { shortTitle } from './question.ts';
import { sameParagraphs, type SameParagraphLink } from './same-paragraph.ts';
import { loadSearch, type LoaderContext, type SearchResponse } from './search.ts';
import { urls } from './urls.ts';

export interface ParagraphEntry {
  key: string;
  label: string;
  /** The chapter the paragraph sits in; "" when the NvI has no chapters. */
  chapter: string;
  count: number;
  url: string;
}

/** Consecutive paragraphs of one chapter, in source order; label "" for paragraphs outside any chapter. */
export interface ChapterEntry {
  label: string;
  paragraphs: ParagraphEntry[];
}

export interface DocumentEntry {
  key: string;
  label: string;
  count: number;
  url: string;
  paragraphs: ParagraphEntry[];
  /** The same paragraphs grouped by chapter: chapter → paragraph, as the source orders them. */
  chapters: ChapterEntry[];
}

/** An NvI with its description (publisher, sector, round, subject, number in its series) and its document tree. */
export interface NotaEntry extends NotaDescriptionView {
  slug: string;
  title: string;
  shortTitle: string;
  published: string | null;
  records: number;
  pages: number;
  counts: { records: number; pages: number; documents: number; chapters: number; paragraphs: number };
  sourceFile: string;
  ingestedAt: string;
  url: string;
  pdf: string;
  documents: DocumentEntry[];
}

/** Paragraphs in source order, a new group wherever the chapter changes. */
function groupByChapter(paragraphs: ParagraphEntry[]): ChapterEntry[] {
  const chapters: ChapterEntry[] = [];
  for (const p of paragraphs) {
    const last = chapters[chapters.length - 1];
    if (last && last.label === p.chapter) last.paragraphs.push(p);
    else chapters.push({ label: p.chapter, paragraphs: [p] });
  }
  return chapters;
}

function notaEntry(snapshot: Snapshot, nota: NotaRow): NotaEntry {
  const documents = snapshot.documents
    .filter((d) => d.notaId === nota.id)
    .map((d) => {
      const paragraphs = snapshot.paragraphs
        .filter((p) => p.notaId === nota.id && p.documentKey === d.key)
        .map((p) => ({ key: p.key, label: p.label, chapter: p.chapter, count: p.count, url: urls.paragraph(nota.slug, d.key, p.key) }));
      return { key: d.key, label: d.label, count: d.count, url: urls.document(nota.slug, d.key), paragraphs, chapters: groupByChapter(paragraphs) };
    });
  const paragraphCount = documents.reduce((n, d) => n + d.paragraphs.length, 0);
  const chapterCount = new Set(documents.flatMap((d) => d.paragraphs.map((p) => p.chapter)).filter((c) => c !== '')).size;
  return {
    slug: nota.slug,
    title: nota.title,
    shortTitle: shortTitle(nota.title),
    published: nota.published,
    ...describeNota(nota),
    records: nota.recordCount,
    pages: nota.pageCount,
    counts: { records: nota.recordCount, pages: nota.pageCount, documents: documents.length, chapters: chapterCount, paragraphs: paragraphCount },
    sourceFile: nota.sourceFile,
    ingestedAt: nota.ingestedAt,
    url: urls.nota(nota.slug),
    pdf: urls.pdf(nota.slug),
    documents,
  };
}

/** Home page, /documenten and GET /api/notas: every loaded NvI with its document tree, in source order. */
export function loadNotas(snapshot: Snapshot): { notas: NotaEntry[]; total: number } {
  const notas = snapshot.notas.map((n) => notaEntry(snapshot, n));
  return { notas, total: notas.reduce((sum, n) => sum + n.records, 0) };
}

function findNota(snapshot: Snapshot, slug: string): NotaRow {
  const nota = snapshot.notaBySlug.get(slug);
  if (!nota) throw new NotFoundError(`no NvI "${slug}"`);
  return nota;
}

/** /documenten/:nota and GET /api/notas/:nota/documents. */
export function loadNota(snapshot: Snapshot, slug: string): NotaEntry {
  return notaEntry(snapshot, findNota(snapshot, slug));
}

export interface DocumentPage {
  nota: NotaEntry;
  document: DocumentEntry;
}

/** /documenten/:nota/:document: the paragraphs of one document. */
export function loadDocument(snapshot: Snapshot, slug: string, documentKey: string): DocumentPage {
  const nota = loadNota(snapshot, slug);
  const document = nota.documents.find((d) => d.key === documentKey);
  if (!document) throw new NotFoundError(`no document "${documentKey}" in ${slug}`);
  return { nota, document };
}

export interface ParagraphPage extends DocumentPage {
  paragraph: ParagraphEntry;
  previous: ParagraphEntry | null;
  next: ParagraphEntry | null;
  list: SearchResponse;
  /** The same paragraph in the other loaded NvIs (see same-paragraph.ts). */
  sameParagraph: SameParagraphLink[];
}

export const PARAGRAPH_PAGE_SIZE = 100;

/** /documenten/:nota/:document/:paragraph: all questions of a paragraph in table order. */
export function loadParagraph(ctx: LoaderContext, slug: string, documentKey: string, paragraphKey: string, page = 1): ParagraphPage {
  const { nota, document } = loadDocument(ctx.snapshot, slug, documentKey);
  const index = document.paragraphs.findIndex((p) => p.key === paragraphKey);
  if (index < 0) throw new NotFoundError(`no paragraph "${paragraphKey}" in ${documentKey}`);
  const list = loadSearch(ctx, { nota: slug, document: documentKey, paragraph: paragraphKey, page, limit: PARAGRAPH_PAGE_SIZE });
  return {
    nota,
    document,
    paragraph: document.paragraphs[index]!,
    previous: document.paragraphs[index - 1] ?? null,
    next: document.paragraphs[index + 1] ?? null,
    list,
    sameParagraph: sameParagraphs(ctx.snapshot, ctx.snapshot.notaBySlug.get(slug)!.id, documentKey, paragraphKey),
  };
}
