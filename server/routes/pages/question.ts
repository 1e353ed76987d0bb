import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NotaRow } from '../../../core/store/qa-repository.ts';
import { describeNota } from '../../loaders/nota-description.ts';
import { isShortLabel, placeLabel } from '../../loaders/place.ts';
import { citedId, loadQuestion, shortTitle } from '../../loaders/question.ts';
import { resolveScope } from '../../loaders/scope.ts';
import { absoluteBase } from '../../loaders/urls.ts';
import { truncate } from '../../plugins/view-helpers.ts';
import { loaderContext } from '../api.ts';
import { notaVidParams, searchQuerystring, vidParams } from '../schemas.ts';
import { questionHref, searchBackHref, type SearchBack } from './links.ts';

/** How the choice between NvIs names one: its short title and what it is about ("NvI GGZ · Zilveren Kruis · GGZ · 2024-2026"). */
function notaLabel(nota: NotaRow | undefined): string | null {
  if (!nota) return null;
  const description = describeNota(nota).descriptionLabel;
  return description ? `${shortTitle(nota.title)} · ${description}` : shortTitle(nota.title);
}

type QuestionRequest = FastifyRequest<{ Params: { nota?: string; vid: string }; Querystring: SearchBack }>;

/**
 * The search a reader came from, validated like the search's own parameters: `q` highlights what
 * was searched for, and all of them (page and filters too) make the way back.
 */
const querystring = { type: 'object', properties: searchQuerystring.properties } as const;

/** Meta descriptions: search engines show about this many characters. */
const DESCRIPTION_MAX_CHARS = 160;

/**
 * A question's permalink. /vraag/VID-0318 finds the VID in every loaded NvI; when several have it
 * the reader chooses (/vraag/<nota>/VID-0318 is always one question).
 */
export default async function questionPages(fastify: FastifyInstance): Promise<void> {
  const handler = async (request: QuestionRequest, reply: FastifyReply) => {
    const back: SearchBack = { ...request.query, q: request.query.q?.trim() || undefined };
    // The way back carries the search's filters: unknown values are the 400 the search gives.
    resolveScope(request.snapshot, { ...back, paragraph: back.paragraph ?? undefined });
    const q = back.q;
    const data = loadQuestion(loaderContext(fastify, request), { nota: request.params.nota, vid: request.params.vid, q });
    if (data.kind === 'choice') {
      const candidates = data.candidates.map((c) => ({ ...c, href: questionHref(c.url, back), notaLabel: notaLabel(request.snapshot.notaBySlug.get(c.nota)) ?? c.nota }));
      return reply.view('question-choice', { title: data.vid, vid: data.vid, candidates });
    }
    const { nota, record, links } = data;
    const base = absoluteBase(fastify.config.publicUrl, request.protocol, request.host);
    const permalink = base + data.url;
    return reply.view('question', {
      ...data,
      title: `${data.heading} – ${citedId(record)} – ${nota.shortTitle}`,
      description: `Antwoord van de zorgkantoren: ${truncate(record.answer, DESCRIPTION_MAX_CHARS)}`,
      ogType: 'article',
      section: 'browse',
      q,
      base,
      crumbs: [
        { label: 'Documenten', href: '/documenten' },
        { label: nota.shortTitle, href: links.nota },
        { label: record.document, href: links.document },
        { label: isShortLabel(record.paragraph) ? placeLabel(record.document, record.paragraph) : record.paragraph, href: links.paragraph },
      ],
      backToSearch: searchBackHref(back),
      permalink,
      fullCitation: `${data.citation}. ${permalink}`,
    });
  };

  fastify.get('/vraag/:vid', { schema: { params: vidParams, querystring } }, handler);
  fastify.get('/vraag/:nota/:vid', { schema: { params: notaVidParams, querystring } }, handler);
}
