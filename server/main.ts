import fs from 'node:fs';
import closeWithGrace from 'close-with-grace';
import Fastify from 'fastify';
import app from './app.ts';
import { ensureData, StartupError } from './bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { serverOptions } from './server-options.ts';

/** Why the server could not start, as one line that names the file or directory and what to do. */
function startupFailure(err: unknown, config: Config): string {
  if (err instanceof StartupError) return err.message;
  const { code, message } = err as { code?: string; message?: string };
  if (code === 'SQLITE_CANTOPEN') {
    return fs.existsSync(config.dbPath)
      ? `cannot open the database ${config.dbPath}: no permission to read it (or its directory); check the file's permissions or DB_PATH`
      : `no database at ${config.dbPath}: run an ingest (npm run ingest -- --db ${config.dbPath} FILE.pdf), or start with AUTO_INGEST=true and PDFs in DATA_DIR`;
  }
  return String(message ?? err).split('\n')[0]!;
}

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
  try {
    if (config.autoIngest) await ensureData(config, fastify.log);
    await fastify.register(app, { config });
    await fastify.ready();
  } catch (err) {
    // One line a person can act on, not a stack trace; the details go to the log at debug level.
    fastify.log.debug({ err }, 'start failed');
    process.stderr.write(`error: ${startupFailure(err, config)}\n`);
    process.exit(1);
  }

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
