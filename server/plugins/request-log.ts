import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** One access-log line per request, written when the response is done. */
async function requestLog(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  });
}

export default fp(requestLog, { name: 'request-log' });
