import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { BadParameterError } from '../errors.ts';

/** JSON for the API and machine formats; a friendly Dutch page for everything else. */
export function wantsJson(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return path.startsWith('/api/') || path === '/api' || /\.(json|jsonl|csv)$/.test(path) || path === '/healthz';
}

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  parameter?: string;
}

/** The refused value, shown on error pages (not part of the API's body: its message names it). */
const refusedValue = (error: unknown) => (error instanceof BadParameterError ? error.value : undefined);

/** Turns a schema validation failure into one sentence that names the parameter. */
function describeValidation(error: FastifyError): { parameter: string; message: string } {
  const first = error.validation?.[0];
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const parameter = missing ?? first?.instancePath?.replace(/^\//, '').split('/')[0] ?? error.validationContext ?? 'request';
  let detail = first?.message ?? 'is invalid';
  if (first?.keyword === 'type' && first.params && (first.params as { type?: string }).type === 'string') {
    detail = BadParameterError.ONCE;
  } else if (first?.keyword === 'additionalProperties') {
    const extra = (first.params as { additionalProperty?: string }).additionalProperty;
    return { parameter: extra ?? parameter, message: `unknown parameter "${extra}"` };
  }
  return { parameter, message: `parameter "${parameter}" ${detail}` };
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

async function errors(fastify: FastifyInstance): Promise<void> {
  fastify.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    let body: ErrorBody;
    if (error.validation) {
      body = { statusCode: 400, error: 'Bad Request', ...describeValidation(error) };
    } else if (error instanceof BadParameterError) {
      body = { statusCode: 400, error: 'Bad Request', message: error.message, parameter: error.parameter };
    } else {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
      if (status >= 500) {
        // Logged with the request; the client sees no internals (no SQL, no stack).
        request.log.error({ err: error, url: request.url, method: request.method }, 'request failed');
        body = { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' };
      } else {
        body = { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message: error.message };
      }
    }
    // Headers set before the error (Retry-After from the rate limiter) stay on the reply.
    reply.code(body.statusCode);
    if (wantsJson(request) || reply.sent) return body;
    // Error pages carry their own big search box; the header's would be a second one.
    if (body.statusCode === 404) return reply.view('404', { title: 'Niet gevonden', message: body.message, path: request.url.split('?')[0], hideHeaderSearch: true });
    // The search box keeps what the reader searched for, when it was a single text.
    const q = (request.query as { q?: unknown } | undefined)?.q;
    return reply.view('error', {
      title: body.statusCode === 400 ? 'Ongeldige aanvraag' : 'Er ging iets mis',
      error: body,
      value: refusedValue(error),
      q: typeof q === 'string' ? q : undefined,
      hideHeaderSearch: true,
    });
  });

  fastify.setNotFoundHandler(async (request, reply) => {
    reply.code(404);
    const body: ErrorBody = { statusCode: 404, error: 'Not Found', message: `no page at ${request.url.split('?')[0]}` };
    if (wantsJson(request)) return body;
    return reply.view('404', { title: 'Pagina niet gevonden', path: request.url.split('?')[0], hideHeaderSearch: true });
  });
}

export default fp(errors, { name: 'errors' });
