import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../errors.ts';
import { loadDocument, loadNota, loadNotas, loadParagraph } from '../../loaders/browse.ts';
import { absoluteBase, urls } from '../../loaders/urls.ts';
import { loaderContext } from '../api.ts';
import { documentParams, notaParams, pageQuerystring, paragraphParams } from '../schemas.ts';
import { exportLinks, pagination, type Link } from './links.ts';

type ParagraphRequest = FastifyRequest<{
  Params: { nota: string; document: string; paragraph: string };
  Querystring: { page?: number };
}>;

const ROOT_CRUMB: Link = { label: 'Documenten', href: '/documenten' };

/** From this many questions a paragraph page offers a search within it and a list to jump to each question. */
const LONG_PARAGRAPH = 10;

/**
 * A paragraph's records in table order, a new group wherever the sub-paragraph changes; one
 * unlabelled group when the paragraph has none. `level` is the heading level of the records'
 * titles: under sub-paragraph headings (h2) they are h3.
 */
function bySubparagraph<T extends { subparagraph: string }>(results: T[]): { label: string; level: number; results: T[] }[] {
  const groups: { label: string; level: number; results: T[] }[] = [];
  const level = results.some((r) => r.subparagraph !== '') ? 3 : 2;
  for (const r of results) {
    const last = groups[groups.length - 1];
    if (last && last.label === r.subparagraph) last.results.push(r);
    else groups.push({ label: r.subparagraph, level, results: [r] });
  }
  return groups;
}

/**
 * Browsing in source order: all NvIs, one NvI, one document, one paragraph. Every level links to
 * the export of its records; an NvI and a document also have a search form scoped to them.
 */
export default async function browsePages(fastify: FastifyInstance): Promise<void> {
  fastify.get('/documenten', async (request, reply) => {
    const { notas, total } = loadNotas(request.snapshot);
    const description = `Alle ${total} vragen en antwoorden uit ${notas.length === 1 ? 'de geladen Nota van Inlichtingen' : `${notas.length} Nota's van Inlichtingen`}, per document en paragraaf.`;
    return reply.view('documents', { title: 'Documenten', description, section: 'browse', notas, total, exports: exportLinks({}) });
  });

  fastify.get<{ Params: { nota: string } }>('/documenten/:nota', { schema: { params: notaParams } }, async (request, reply) => {
    const nota = loadNota(request.snapshot, request.params.nota);
    return reply.view('nota', {
      title: nota.shortTitle,
      description: `De documenten en paragrafen van ${nota.shortTitle}, met hun vragen en antwoorden.`,
      section: 'browse',
      nota,
      crumbs: [ROOT_CRUMB],
      exports: exportLinks({ nota: nota.slug }),
      scope: [{ name: 'nota', value: nota.slug }],
    });
  });

  fastify.get<{ Params: { nota: string; document: string } }>(
    '/documenten/:nota/:document',
    { schema: { params: documentParams } },
    async (request, reply) => {
      const { nota, document } = loadDocument(request.snapshot, request.params.nota, request.params.document);
      return reply.view('document', {
        title: `${document.label} – ${nota.shortTitle}`,
        description: `De paragrafen van ${document.label} (${nota.shortTitle}), met hun vragen en antwoorden.`,
        section: 'browse',
        nota,
        document,
        crumbs: [ROOT_CRUMB, { label: nota.shortTitle, href: nota.url }],
        exports: exportLinks({ nota: nota.slug, document: document.key }),
        scope: [
          { name: 'nota', value: nota.slug },
          { name: 'document', value: document.key },
        ],
      });
    },
  );

  fastify.get(
    '/documenten/:nota/:document/:paragraph',
    { schema: { params: paragraphParams, querystring: pageQuerystring } },
    async (request: ParagraphRequest, reply) => {
      const { nota: slug, document: documentKey, paragraph: paragraphKey } = request.params;
      const page = loadParagraph(loaderContext(fastify, request), slug, documentKey, paragraphKey, request.query.page ?? 1);
      const { nota, document, paragraph, list } = page;
      if (list.results.length === 0 && list.page > 1) throw new NotFoundError(`no page ${list.page} in paragraph "${paragraphKey}"`);
      const base = absoluteBase(fastify.config.publicUrl, request.protocol, request.host);
      return reply.view('paragraph', {
        title: `${paragraph.label} – ${document.label}`,
        description: `${list.total === 1 ? 'De vraag' : `De ${list.total} vragen`} en antwoorden uit ${document.label}, ${paragraph.label} (${nota.shortTitle}).`,
        base,
        longParagraph: list.total >= LONG_PARAGRAPH,
        scope: [
          { name: 'nota', value: nota.slug },
          { name: 'document', value: document.key },
          { name: 'paragraph', value: paragraph.key },
        ],
        section: 'browse',
        nota,
        document,
        paragraph,
        previous: page.previous,
        next: page.next,
        sameParagraph: page.sameParagraph,
        results: list.results,
        groups: bySubparagraph(list.results.map((r) => ({ ...r, pdf: urls.pdf(r.nota, r.pageStart) }))),
        total: list.total,
        crumbs: [ROOT_CRUMB, { label: nota.shortTitle, href: nota.url }, { label: document.label, href: document.url }],
        exports: exportLinks({ nota: nota.slug, document: document.key, paragraph: paragraph.key }),
        pagination: pagination(list.page, list.pages, (p) => (p > 1 ? `${paragraph.url}?page=${p}` : paragraph.url)),
        permalink: base + paragraph.url,
      });
    },
  );
}
