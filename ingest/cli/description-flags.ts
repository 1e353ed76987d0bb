/**
 * The ingest flags that describe an NvI (--publisher, --sector, --round, --published). They
 * override what the parser read from the cover, for NvIs whose cover does not say it or says it
 * in a way the parser does not know. A bad value is a usage error naming the flag and the problem.
 */
import { UsageError } from '../../core/cli-args.ts';
import type { DescriptionOverrides } from '../ingest.ts';

/** Longest publisher or sector name accepted: care office names are short; more is a slip (a pasted text). */
const MAX_NAME_LENGTH = 100;

const ROUND = /^(\d{4})(?:-(\d{4}))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function name(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed === '') throw new UsageError(`${flag} must not be empty`);
  if (trimmed.length > MAX_NAME_LENGTH) throw new UsageError(`${flag} must be at most ${MAX_NAME_LENGTH} characters, got ${trimmed.length}`);
  return trimmed;
}

/** "2024-2026" or "2024": the years of a purchasing round, the first not after the last. */
export function roundFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = ROUND.exec(value.trim());
  if (!m) throw new UsageError(`--round must be a year or a range of years (YYYY or YYYY-YYYY, e.g. 2024-2026), got "${value}"`);
  if (m[2] !== undefined && Number(m[2]) < Number(m[1])) {
    throw new UsageError(`--round must run from the earlier year to the later one, got "${value}"`);
  }
  return m[0];
}

/** An ISO calendar date ("2023-07-01") that exists. */
export function publishedFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = ISO_DATE.exec(value.trim());
  if (!m) throw new UsageError(`--published must be a date as YYYY-MM-DD (e.g. 2023-07-01), got "${value}"`);
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new UsageError(`--published is no existing date: "${value}"`);
  }
  return m[0];
}

/** The overrides the flags give; a flag left out keeps what the parser read. */
export function descriptionFlags(values: { publisher?: string | undefined; sector?: string | undefined; round?: string | undefined; published?: string | undefined }): DescriptionOverrides {
  const overrides: DescriptionOverrides = {};
  const publisher = name('--publisher', values.publisher);
  const sector = name('--sector', values.sector);
  const round = roundFlag(values.round);
  const published = publishedFlag(values.published);
  if (publisher !== undefined) overrides.publisher = publisher;
  if (sector !== undefined) overrides.sector = sector;
  if (round !== undefined) overrides.round = round;
  if (published !== undefined) overrides.published = published;
  return overrides;
}
