import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { absoluteBase } from '../../loaders/urls.ts';
import type { NotaRow } from '../../../core/store/qa-repository.ts';
import { describeNota } from '../../loaders/nota-description.ts';
import { citedId, loadQuestion, shortTitle } from '../../loaders/question.ts';
import { loaderContext } from '../api.ts';
import { notaVidParams, questionQuerystring as querystring, vidParams } from '../schemas.ts';
import { questionHref, searchHref } from './links.ts';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** How the choice between NvIs names one: its short title and what it is about ("NvI GGZ · Zilveren Kruis · GGZ · 2024-2026"). */
function notaLabel(nota: NotaRow | undefined): string | null {
  if (!nota) return null;
  const description = describeNota(nota).descriptionLabel;
  return description ? `${shortTitle(nota.title)} · ${description}` : shortTitle(nota.title);
}

type QuestionRequest = FastifyRequest<{ Params: { nota?: string; vid: string }; Querystring: { q?: string } }>;

/**
 * A question's permalink. /vraag/VID-0318 finds the VID in every loaded NvI; when several have it
 * the reader chooses (/vraag/<nota>/VID-0318 is always one question).
 */
export default async function questionPages(fastify: FastifyInstance): Promise<void> {
  const handler = async (request: QuestionRequest, reply: FastifyReply) => {
    const q = request.query.q?.trim() || undefined;
    const data = loadQuestion(loaderContext(fastify, request), { nota: request.params.nota, vid: request.params.vid, q });
    if (data.kind === 'choice') {
      const candidates = data.candidates.map((c) => ({ ...c, href: questionHref(c.url, q), notaLabel: notaLabel(request.snapshot.notaBySlug.get(c.nota)) ?? c.nota }));
      return reply.view('question-choice', { title: data.vid, vid: data.vid, candidates });
    }
    const { nota, record, links } = data;
    return reply.view('question', {
      ...data,
      title: `${capitalised(citedId(record))} – ${nota.shortTitle}`,
      section: 'browse',
      q,
      crumbs: [
        { label: 'Documenten', href: '/documenten' },
        { label: nota.shortTitle, href: links.nota },
        { label: record.document, href: links.document },
        { label: record.paragraph, href: links.paragraph },
      ],
      backToSearch: q ? searchHref({ q }) : null,
      permalink: absoluteBase(fastify.config.publicUrl, request.protocol, request.host) + data.url,
    });
  };

  fastify.get('/vraag/:vid', { schema: { params: vidParams, querystring } }, handler);
  fastify.get('/vraag/:nota/:vid', { schema: { params: notaVidParams, querystring } }, handler);
}
