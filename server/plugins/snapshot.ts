import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { indexPathFor } from '../config.ts';
import { removeStaleTempFiles } from '../../core/publish/index-file.ts';
import { SnapshotHolder, type Snapshot } from '../snapshot/snapshot.ts';

/**
 * The data the server answers from (see Snapshot). A timer picks up new ingests without a
 * restart; `reloadData()` (wired to SIGHUP in main.ts) does it at once.
 */
async function snapshot(fastify: FastifyInstance): Promise<void> {
  const indexFile = indexPathFor(fastify.config.dbPath);
  // Left by a writer that died between writing and renaming an index; best effort (read-only dirs).
  removeStaleTempFiles(indexFile);
  const holder = new SnapshotHolder(fastify.repo, fastify.config.dbPath, indexFile, fastify.log);
  fastify.decorate('snapshots', holder);
  fastify.decorateRequest('snapshot', null as unknown as Snapshot);
  fastify.addHook('onRequest', async (request) => {
    request.snapshot = holder.current;
  });
  // The index is loaded off the event loop; requests keep the old snapshot until the new one is whole.
  const reload = (): Promise<boolean> =>
    holder.refresh().catch((err: unknown) => {
      fastify.log.error({ err }, 'reload failed; still serving the previous data');
      return false;
    });
  fastify.decorate('reloadData', reload);
  if (fastify.config.reloadIntervalMs > 0) {
    const timer = setInterval(() => void reload(), fastify.config.reloadIntervalMs);
    timer.unref();
    fastify.addHook('onClose', async () => clearInterval(timer));
  }
}

export default fp(snapshot, { name: 'snapshot', dependencies: ['database'] });

declare module 'fastify' {
  interface FastifyInstance {
    snapshots: SnapshotHolder;
    /** Resolves to whether new data was swapped in; never rejects (a failure is logged). */
    reloadData(): Promise<boolean>;
  }
  interface FastifyRequest {
    /** The data this request is answered from, fixed for its whole lifetime. */
    snapshot: Snapshot;
  }
}
