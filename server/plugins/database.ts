import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { openDatabase, type Db } from '../../core/store/database.ts';
import { createQaRepository, type QaRepository } from '../../core/store/qa-repository.ts';

/** The database, read-only: the server never writes; ingest does, in its own process. */
async function database(fastify: FastifyInstance): Promise<void> {
  const db = openDatabase(fastify.config.dbPath, { readonly: true });
  fastify.decorate('db', db);
  fastify.decorate('repo', createQaRepository(db));
  fastify.addHook('onClose', async () => {
    db.close();
  });
}

export default fp(database, { name: 'database' });

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    repo: QaRepository;
  }
}
