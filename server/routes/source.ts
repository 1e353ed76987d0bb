import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../errors.ts';

/**
 * The source PDF of an NvI, from the database (pages link to `…pdf#page=N`). The content never
 * changes for a given sha256, so it is cached for a long time, keyed by that hash.
 */
export default async function sourceRoutes(fastify: FastifyInstance): Promise<void> {
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
      reply.header('etag', etag).header('cache-control', 'public, max-age=86400');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const pdf = fastify.repo.pdf(nota.id);
      if (!pdf) throw new NotFoundError(`the PDF of "${slug}" is not stored`);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${nota.sourceFile.replace(/[^\w.-]/g, '_')}"`)
        .send(pdf);
    },
  );
}
