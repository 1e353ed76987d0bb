import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI entry point the way `npm run <script>` does, without npm's banner on stdout. */
export function runCli(script: 'ingest' | 'parse' | 'export', args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const entry = script === 'export' ? 'server/cli/export.ts' : `ingest/cli/${script}.ts`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts a CLI in the background, for tests that kill it midway. */
export function startCli(script: 'ingest', args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, ['--import', 'tsx', `ingest/cli/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
