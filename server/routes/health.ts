import type { FastifyInstance } from 'fastify';

/** Liveness and readiness for probes: cheap, no search, one indexed read. */
export default async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get('/healthz', async (request, reply) => {
    const snapshot = request.snapshot;
    try {
      fastify.repo.generation();
    } catch {
      reply.code(503);
      return { status: 'unavailable', reason: 'database not readable' };
    }
    reply.header('cache-control', 'no-store');
    return {
      status: 'ok',
      generation: snapshot.generation,
      notas: snapshot.notas.length,
      records: snapshot.engine.size,
      index: snapshot.engineSource,
    };
  });
}
