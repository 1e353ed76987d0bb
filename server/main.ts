import closeWithGrace from 'close-with-grace';
import Fastify from 'fastify';
import app from './app.ts';
import { ensureData } from './bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { serverOptions } from './server-options.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const fastify = Fastify(serverOptions(config));
  if (config.autoIngest) await ensureData(config, fastify.log);
  await fastify.register(app, { config });

  // SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) fastify.log.error({ err }, 'fatal error, shutting down');
    else fastify.log.info({ signal }, 'shutting down');
    await fastify.close();
  });
  // SIGHUP: pick up a new ingest now instead of at the next poll.
  process.on('SIGHUP', () => void fastify.reloadData());

  await fastify.listen({ host: config.host, port: config.port });
}

await main();
