import { describe, expect, it } from 'vitest';
import { IngestError, type IngestErrorCode } from '../../ingest/errors.ts';
import { parsePdfBytes } from '../../ingest/parse.ts';
import type { ParsedNota } from '../../ingest/types.ts';
import * as bad from '../helpers/bad-pdfs.ts';
import { readGold } from '../helpers/gold.ts';
import { DEFAULT_COLUMNS, makeNviPdf } from '../helpers/nvi-pdf.ts';

/**
 * Whatever comes in, the ingest ends in a parse or in an IngestError that says what is wrong with
 * which file: never another exception, never a hang. Damage that pdf.js repairs may still parse,
 * but then only into records the document really holds.
 */

const GOLD_VIDS = new Set(readGold().map((g) => g.vid));
/**
 * A full parse of the 117-page fixture takes about a second alone, but over 30 s with both cores
 * taken by other work: the bound only catches a parse that never ends.
 */
const CASE_TIMEOUT = 180_000;

async function outcome(data: Buffer, file: string): Promise<ParsedNota | IngestError> {
  try {
    return await parsePdfBytes(new Uint8Array(data), { file });
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
}

function expectIngestError(result: ParsedNota | IngestError, file: string, codes: readonly IngestErrorCode[]): IngestError {
  expect(result).toBeInstanceOf(IngestError);
  const err = result as IngestError;
  expect(codes).toContain(err.code);
  expect(err.file).toBe(file);
  expect(err.message.startsWith(`${file}: `) || err.message.startsWith(`${file} (page `)).toBe(true);
  return err;
}

/** A damaged copy of the fixture: an error for the damage, or records that are all in the gold set. */
function expectErrorOrGoldSubset(result: ParsedNota | IngestError, file: string, codes: readonly IngestErrorCode[]): void {
  if (result instanceof IngestError) {
    expectIngestError(result, file, codes);
    return;
  }
  const vids = result.records.map((r) => r.vid);
  expect(vids.filter((v) => !GOLD_VIDS.has(v))).toEqual([]);
  expect(new Set(vids).size).toBe(vids.length);
}

describe('inputs that are no PDF at all', () => {
  it('an empty file', async () => {
    const err = expectIngestError(await outcome(bad.emptyPdf(), 'leeg.pdf'), 'leeg.pdf', ['not-pdf']);
    expect(err.message).toMatch(/empty/);
  });

  it('an HTML page saved with a .pdf name', async () => {
    expectIngestError(await outcome(bad.htmlAsPdf(), 'login.pdf'), 'login.pdf', ['not-pdf']);
  });

  it('a PDF signature and end marker with noise between', async () => {
    expectIngestError(await outcome(bad.garbagePdf(), 'ruis.pdf'), 'ruis.pdf', ['corrupt']);
  });
});

describe('PDFs that cannot be read', () => {
  it('a copy locked with a user password', async () => {
    const err = expectIngestError(await outcome(await bad.encryptedPdf(), 'geheim.pdf'), 'geheim.pdf', ['encrypted']);
    expect(err.message).toMatch(/password/);
  });

  it('a copy with only an owner password opens and parses', async () => {
    const result = await outcome(await bad.ownerOnlyEncryptedPdf(), 'beperkt.pdf');
    expect(result).not.toBeInstanceOf(IngestError);
    expect((result as ParsedNota).records).toHaveLength(6);
  });

  it('a scan: one page holding only an image', async () => {
    const err = expectIngestError(await outcome(await bad.imageOnlyPdf(), 'scan.pdf'), 'scan.pdf', ['no-text']);
    expect(err.message).toMatch(/OCR/);
  });

  it('text, and even a small table, but no NvI table', async () => {
    expectIngestError(await outcome(await bad.noTablePdf(), 'kamerbrief.pdf'), 'kamerbrief.pdf', ['no-table']);
  });

  it('the NvI header row without a single question under it', async () => {
    const err = expectIngestError(await outcome(await bad.headerOnlyPdf(), 'leeg-nvi.pdf'), 'leeg-nvi.pdf', ['no-table']);
    expect(err.page).toBe(1);
  });

  it('a question/answer table without a VraagID column (not supported: rows cannot be told apart)', async () => {
    const { pdf } = await makeNviPdf({ rows: 6, longRows: 0, columns: DEFAULT_COLUMNS.filter((c) => c.kind !== 'vid') });
    const err = expectIngestError(await outcome(pdf, 'zonder-id.pdf'), 'zonder-id.pdf', ['no-table']);
    expect(err.message).toMatch(/no VraagID column/);
  });

  it(
    'more pages than the limit (6000 blank pages), refused before any page is read',
    async () => {
      const data = bad.manyPagesPdf(6000);
      const pagesStarted: number[] = [];
      const result = await parsePdfBytes(new Uint8Array(data), { file: 'dik.pdf', onPageStart: (page) => pagesStarted.push(page) }).catch((e: unknown) => e);
      const err = expectIngestError(result as IngestError, 'dik.pdf', ['too-large']);
      expect(err.message).toMatch(/6000/);
      expect(pagesStarted).toEqual([]);
    },
    CASE_TIMEOUT,
  );
});

describe('damaged copies of the real NvI', () => {
  const offsets = bad.truncationOffsets(12);

  it.each(offsets)('cut off after %i bytes', async (length) => {
    const file = `afgebroken-${length}.pdf`;
    expectErrorOrGoldSubset(await outcome(bad.truncatedPdf(length), file), file, ['truncated']);
  });

  it.each(offsets)(
    'cut off after %i bytes, with an end-of-file marker appended',
    async (length) => {
      const file = `afgebroken-eof-${length}.pdf`;
      expectErrorOrGoldSubset(await outcome(bad.truncatedWithEofPdf(length), file), file, ['truncated', 'corrupt']);
    },
    CASE_TIMEOUT,
  );

  it.each(offsets)(
    'cut off after %i bytes, ending in the original trailer',
    async (length) => {
      const file = `afgebroken-trailer-${length}.pdf`;
      const result = await outcome(bad.truncatedWithTrailerPdf(length), file);
      // Cut before the cross-reference table, the startxref points past the end: certainly cut off.
      const codes: IngestErrorCode[] = length < 439_000 ? ['truncated'] : ['truncated', 'corrupt'];
      expectErrorOrGoldSubset(result, file, codes);
      if (length < 439_000) expect(result).toBeInstanceOf(IngestError);
    },
    CASE_TIMEOUT,
  );

  it(
    'the cross-reference table overwritten with zeros',
    async () => {
      expectErrorOrGoldSubset(await outcome(bad.zeroedXrefPdf(), 'xref.pdf'), 'xref.pdf', ['corrupt']);
    },
    CASE_TIMEOUT,
  );

  const flips = [1, 2, 3, 4].flatMap((seed) => [1, 10, 100].map((n) => [seed, n] as const));
  it.each(flips)(
    'random bytes flipped (seed %i, %i bytes)',
    async (seed, n) => {
      const file = `beschadigd-${seed}-${n}.pdf`;
      // A flip may hit a content stream (garbage text), the object structure (unreadable page), or
      // the table header (no table); what survives must be real records.
      expectErrorOrGoldSubset(await outcome(bad.byteFlippedPdf(seed, n), file), file, ['corrupt', 'truncated', 'no-table', 'no-text']);
    },
    CASE_TIMEOUT,
  );
});
