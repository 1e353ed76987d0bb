import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { exportFileName, exportStream, CONTENT_TYPES, toExportRecord, type Delimiter, type ExportFormat, type ExportRecord } from '../export/format.ts';
import { EXPORT_LIMITS } from '../export/limits.ts';
import { inTurns } from '../export/turns.ts';
import { groupKeyOf } from '../loaders/answer-groups.ts';
import { checkFilters, iterateMatches } from '../loaders/search.ts';
import { exportQuerystring, type SearchQuery } from './schemas.ts';

/** The search's list parameters (an export lists what the search lists), and how to write it. */
interface ExportQuery extends Pick<SearchQuery, 'q' | 'nota' | 'round' | 'sector' | 'publisher' | 'document' | 'paragraph' | 'sort'> {
  delimiter?: Delimiter;
  match?: 'all' | 'some';
}

/** Absolute links in exports: the configured public URL, else the address the request came in on. */
export function baseUrl(fastify: FastifyInstance, request: FastifyRequest): string {
  return fastify.config.publicUrl || `${request.protocol}://${request.host}`;
}

/** "over 1 minuut", "over 45 seconden": when the next export is allowed. */
export function retryText(seconds: number): string {
  if (seconds >= 90) return `over ${Math.ceil(seconds / 60)} minuten`;
  if (seconds >= 60) return 'over 1 minuut';
  return `over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`;
}

/**
 * GET /export.csv, /export.json and /export.jsonl take the parameters of /api/search and export
 * every matching record (not one page), streamed from the database.
 */
export default async function exportRoutes(fastify: FastifyInstance): Promise<void> {
  // One limit per client for all exports together: the formats and HEAD share one counter.
  const limiter = fastify.createRateLimit({
    max: fastify.config.exportRateLimit,
    timeWindow: EXPORT_LIMITS.windowMs,
    keyGenerator: (request: FastifyRequest) => `export:${request.ip}`,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    const limit = await limiter(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    const seconds = Math.max(1, limit.ttlInSeconds);
    const message =
      `U heeft de afgelopen minuut het maximum van ${limit.max} exports bereikt. ` +
      `Probeer het ${retryText(seconds)} opnieuw; zoeken en lezen kan intussen gewoon.`;
    reply.code(429).header('retry-after', String(seconds)).header('cache-control', 'no-store');
    // A person who clicked a download link gets a page; a script gets JSON.
    if (/text\/html/.test(request.headers.accept ?? '')) {
      return reply.view('error', { title: 'Even wachten met exporteren', error: { statusCode: 429, message }, hideHeaderSearch: true });
    }
    return reply.send({ statusCode: 429, error: 'Too Many Requests', message, retryAfter: seconds });
  });

  const handler = (format: ExportFormat) => async (request: FastifyRequest<{ Querystring: ExportQuery }>, reply: FastifyReply) => {
    const ctx = { snapshot: request.snapshot, repo: fastify.repo };
    // Validate before the first byte: a bad parameter must be a 400, not a broken download.
    const scope = checkFilters(ctx, request.query);
    const base = baseUrl(fastify, request);
    const rows = iterateMatches(ctx, request.query);
    const records = (function* (): Generator<ExportRecord> {
      for (const row of rows) yield toExportRecord(ctx.snapshot, row, base, groupKeyOf(ctx.snapshot, row.id));
    })();
    const filename = exportFileName(
      { nota: scope.nota?.slug, document: scope.document?.key, paragraph: scope.paragraphKey, paragraphLabel: scope.paragraph?.label, q: request.query.q?.trim() },
      format,
    );
    reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff');
    const body = exportStream(inTurns(records), format, request.query.delimiter ?? 'semicolon');
    // A failure midway (a damaged database page) can only end this response: the status and the
    // first rows are sent. Fastify cuts the connection, so the client sees an incomplete download.
    body.once('error', (err) => request.log.error({ err, url: request.url }, 'export failed midway; response cut off'));
    return reply.send(body);
  };

  const options = { schema: { querystring: exportQuerystring } };
  fastify.get('/export.csv', options, handler('csv'));
  fastify.get('/export.json', options, handler('json'));
  fastify.get('/export.jsonl', options, handler('jsonl'));
}
