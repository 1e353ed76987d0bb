import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { exportFileName, exportStream, CONTENT_TYPES, toExportRecord, type Delimiter, type ExportFormat } from '../export/format.ts';
import { checkFilters, iterateMatches } from '../loaders/search.ts';
import { exportQuerystring } from './schemas.ts';

interface ExportQuery {
  q?: string;
  nota?: string;
  document?: string;
  paragraph?: string;
  delimiter?: Delimiter;
  match?: 'all' | 'some';
}

/** Absolute links in exports: the configured public URL, else the address the request came in on. */
export function baseUrl(fastify: FastifyInstance, request: FastifyRequest): string {
  return fastify.config.publicUrl || `${request.protocol}://${request.host}`;
}

/**
 * GET /export.csv, /export.json and /export.jsonl take the parameters of /api/search and export
 * every matching record (not one page), streamed from the database.
 */
export default async function exportRoutes(fastify: FastifyInstance): Promise<void> {
  const handler = (format: ExportFormat) => async (request: FastifyRequest<{ Querystring: ExportQuery }>, reply: FastifyReply) => {
    const ctx = { snapshot: request.snapshot, repo: fastify.repo };
    // Validate before the first byte: a bad parameter must be a 400, not a broken download.
    const scope = checkFilters(ctx, request.query);
    const base = baseUrl(fastify, request);
    const rows = iterateMatches(ctx, request.query);
    const records = (function* () {
      for (const row of rows) yield toExportRecord(ctx.snapshot, row, base);
    })();
    const filename = exportFileName(
      { nota: scope.nota?.slug, document: scope.documentKey, paragraph: scope.paragraphKey, paragraphLabel: scope.paragraph?.label, q: request.query.q?.trim() },
      format,
    );
    reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff');
    return reply.send(exportStream(records, format, request.query.delimiter ?? 'semicolon'));
  };

  const options = {
    schema: { querystring: exportQuerystring },
    config: { rateLimit: { max: fastify.config.exportRateLimit, timeWindow: '1 minute' } },
  };
  fastify.get('/export.csv', options, handler('csv'));
  fastify.get('/export.json', options, handler('json'));
  fastify.get('/export.jsonl', options, handler('jsonl'));
}
