import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Thrown for wrong command-line usage; the CLI prints it with the usage line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCli<T extends ParseArgsConfig['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** A duration flag given in seconds, returned in milliseconds. */
export function seconds(flag: string, value: string | undefined, fallbackSeconds: number): number {
  if (value === undefined) return fallbackSeconds * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new UsageError(`${flag} must be a number of seconds from 0 to 3600, got "${value}"`);
  return n * 1000;
}

/** A worker-thread count flag (1–8); undefined leaves the choice to the parser. */
export function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new UsageError(`--workers must be a whole number from 1 to 8, got "${value}"`);
  return n;
}
