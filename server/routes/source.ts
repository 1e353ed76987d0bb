import type { FastifyInstance } from 'fastify';
import { createPdfReader } from '../../core/store/pdf-chunks.ts';
import { NotFoundError } from '../errors.ts';
import { etagMatches, parseRange } from './byte-range.ts';

/**
 * How long a browser may reuse the PDF without asking: none. A corrected edition keeps the same
 * address (the slug), so the browser revalidates every time; with the ETag (the file's sha256)
 * that costs a 304 and no bytes while nothing changed.
 */
const CACHE_CONTROL = 'public, no-cache';

/**
 * The source PDF of an NvI (pages link to `…pdf#page=N`), streamed from the database a chunk at
 * a time, whole or as the byte range a PDF viewer asks for: a slow client holds one chunk of
 * server memory, not the file.
 */
export default async function sourceRoutes(fastify: FastifyInstance): Promise<void> {
  const pdfs = createPdfReader(fastify.db);
  fastify.get<{ Params: { file: string } }>(
    '/bron/:file',
    {
      schema: { params: { type: 'object', required: ['file'], properties: { file: { type: 'string', maxLength: 130, pattern: '\\.pdf$' } } } },
      // The browser's PDF viewer needs to run in this response; our page CSP would block it.
      helmet: { contentSecurityPolicy: false },
    },
    async (request, reply) => {
      const slug = request.params.file.replace(/\.pdf$/, '');
      const nota = request.snapshot.notaBySlug.get(slug);
      if (!nota) throw new NotFoundError(`no NvI "${slug}"`);
      const etag = `"${nota.sha256}"`;
      reply.header('etag', etag).header('cache-control', CACHE_CONTROL).header('accept-ranges', 'bytes');
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      const size = pdfs.size(nota.id);
      if (size === null) throw new NotFoundError(`the PDF of "${slug}" is not stored`);
      reply.type('application/pdf').header('content-disposition', `inline; filename="${nota.sourceFile.replace(/[^\w.-]/g, '_')}"`);

      // A range only applies to the edition it was asked of (If-Range), else the whole new file.
      const ifRange = request.headers['if-range'];
      const range = ifRange === undefined || ifRange === etag ? parseRange(request.headers.range, size) : null;
      if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
      const { start, end } = range ?? { start: 0, end: size - 1 };
      if (range) reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`);
      reply.header('content-length', String(end - start + 1));
      const body = pdfs.stream(nota.id, start, end);
      // The edition can be purged under a long download (two replacements later): cut it off, logged.
      body.once('error', (err) => request.log.error({ err, url: request.url }, 'PDF download failed midway; response cut off'));
      return reply.send(body);
    },
  );
}
