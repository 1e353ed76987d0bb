import { assembleRows } from './assemble-rows.ts';
import { buildRecords } from './build-records.ts';
import { IngestError } from './errors.ts';
import { extractItems, type ExtractOptions } from './extract-items.ts';
import { findFurniture } from './furniture.ts';
import { readCover } from './read-cover.ts';
import { readProse } from './read-prose.ts';
import { linkReferences, notaSequence } from './references.ts';
import type { ExtractedPdf, NvIRecord, ParsedNota, ParseWarning } from './types.ts';

/** From positioned text to records. Pure: no I/O, so tests can feed it any layout. */
export function parseExtracted(pdf: ExtractedPdf, file: string): ParsedNota {
  const withText = pdf.pages.filter((p) => p.items.length > 0);
  if (withText.length === 0) {
    throw new IngestError('no-text', file, 'no text layer: the pages hold no text (a scan? run OCR first)');
  }
  const furniture = findFurniture(pdf.pages);
  const table = assembleRows(pdf.pages, furniture);
  if (table.firstTablePage === null) {
    // No table: questions and answers as running text under headings.
    const prose = readProse(pdf.pages, furniture);
    if (prose.firstPage !== null) return finish(pdf, prose.firstPage, prose.records, prose.warnings, []);
    throw new IngestError(
      'no-table',
      file,
      'no NvI table found: no page has a header row with at least VraagID/Vraag/Antwoord-like column labels',
    );
  }
  const { records, warnings } = buildRecords(table);
  if (records.length === 0) {
    const reason = table.columns.some((c) => c.role === 'vid')
      ? 'no NvI table found: the header row is there but no row has a VraagID'
      : 'no NvI table found: the table has no VraagID column, so its rows cannot be told apart';
    throw new IngestError('no-table', file, reason, table.firstTablePage);
  }
  const allWarnings = [...table.warnings, ...warnings];
  const lastPage = records[records.length - 1]!.pageEnd;
  for (const p of pdf.pages) {
    if (p.page > table.firstTablePage && p.page < lastPage && p.items.length === 0) {
      allWarnings.push({ kind: 'skipped-text', page: p.page, message: `page ${p.page} inside the table has no text layer (a scanned page?)` });
    }
  }
  return finish(pdf, table.firstTablePage, records, allWarnings, table.columns);
}

/**
 * What every reader's records get: the title and date from the pages before them, and the links
 * between records (references and rectifications), resolved against this NvI's place in its series.
 */
function finish(pdf: ExtractedPdf, firstPage: number, records: NvIRecord[], warnings: ParseWarning[], columns: ParsedNota['columns']): ParsedNota {
  const cover = readCover(pdf.pages, firstPage);
  const title = cover.title ?? pdf.metaTitle;
  const linked = linkReferences(records, notaSequence(title));
  return {
    title,
    published: cover.published,
    pageCount: pdf.pageCount,
    records,
    warnings: [...warnings, ...linked].sort((a, b) => a.page - b.page),
    columns,
  };
}

/** Extract and parse in the current thread. Callers that must stay responsive use parseInWorker. */
export async function parsePdfBytes(data: Uint8Array, options: ExtractOptions): Promise<ParsedNota> {
  const extracted = await extractItems(data, options);
  return parseExtracted(extracted, options.file);
}
