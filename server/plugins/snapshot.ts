import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { indexPathFor } from '../config.ts';
import { SnapshotHolder, type Snapshot } from '../snapshot/snapshot.ts';

/**
 * The data the server answers from (see Snapshot). A timer picks up new ingests without a
 * restart; `reloadData()` (wired to SIGHUP in main.ts) does it at once.
 */
async function snapshot(fastify: FastifyInstance): Promise<void> {
  const holder = new SnapshotHolder(fastify.repo, indexPathFor(fastify.config.dbPath), fastify.log);
  fastify.decorate('snapshots', holder);
  fastify.decorateRequest('snapshot', null as unknown as Snapshot);
  fastify.addHook('onRequest', async (request) => {
    request.snapshot = holder.current;
  });
  const reload = () => {
    try {
      holder.refresh();
    } catch (err) {
      fastify.log.error({ err }, 'reload failed; still serving the previous data');
    }
  };
  fastify.decorate('reloadData', reload);
  if (fastify.config.reloadIntervalMs > 0) {
    const timer = setInterval(reload, fastify.config.reloadIntervalMs);
    timer.unref();
    fastify.addHook('onClose', async () => clearInterval(timer));
  }
}

export default fp(snapshot, { name: 'snapshot', dependencies: ['database'] });

declare module 'fastify' {
  interface FastifyInstance {
    snapshots: SnapshotHolder;
    reloadData(): void;
  }
  interface FastifyRequest {
    /** The data this request is answered from, fixed for its whole lifetime. */
    snapshot: Snapshot;
  }
}
