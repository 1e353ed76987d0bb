import { assembleRows } from './assemble-rows.ts';
import { buildRecords } from './build-records.ts';
import { describeNota } from './describe-nota.ts';
import { IngestError } from './errors.ts';
import { extractItems, type ExtractOptions } from './extract-items.ts';
import { findFurniture, type Furniture } from './furniture.ts';
import { readCover } from './read-cover.ts';
import { readHeadedTables } from './read-headed-tables.ts';
import { readProse } from './read-prose.ts';
import { linkReferences } from './references.ts';
import type { ColumnInfo, ExtractedPdf, NvIRecord, ParsedNota, ParseWarning } from './types.ts';

/** What a reader found: records, or why it found none (and where it looked). */
type ReaderResult =
  | { records: NvIRecord[]; warnings: ParseWarning[]; columns: readonly ColumnInfo[]; firstTablePage: number }
  | { miss: string; page?: number };

interface Reader {
  /** What the reader looks for, for the error when no reader finds anything. */
  lookedFor: string;
  read(pdf: ExtractedPdf, furniture: Furniture): ReaderResult;
}

/** The VraagID table: a header with VraagID-, question- and answer-like labels, a row per VID. */
const vraagIdTable: Reader = {
  lookedFor: 'a table with a VraagID/Vraag/Antwoord header',
  read(pdf, furniture) {
    const table = assembleRows(pdf.pages, furniture);
    if (table.firstTablePage === null) {
      return { miss: 'no page has a header row with at least VraagID/Vraag/Antwoord-like column labels' };
    }
    const { records, warnings } = buildRecords(table);
    if (records.length === 0) {
      const miss = table.columns.some((c) => c.role === 'vid')
        ? 'the header row is there but no row has a VraagID'
        : 'the table has no VraagID column, so its rows cannot be told apart';
      return { miss, page: table.firstTablePage };
    }
    const allWarnings = [...table.warnings, ...warnings];
    const lastPage = records[records.length - 1]!.pageEnd;
    for (const p of pdf.pages) {
      if (p.page > table.firstTablePage && p.page < lastPage && p.items.length === 0) {
        allWarnings.push({ kind: 'skipped-text', page: p.page, message: `page ${p.page} inside the table has no text layer (a scanned page?)` });
      }
    }
    return { records, warnings: allWarnings, columns: table.columns, firstTablePage: table.firstTablePage };
  },
};

/** Two-column "Vraag | Antwoord" tables under numbered headings, without ids (shape A). */
const headedTwoColumnTables: Reader = {
  lookedFor: 'a two-column Vraag | Antwoord table under headings',
  read(pdf, furniture) {
    const result = readHeadedTables(pdf.pages, furniture, (first) => documentLabel(pdf, first));
    if (result.records.length === 0 || result.firstTablePage === null) {
      return { miss: 'no two-column table with a Vraag | Antwoord header and question rows' };
    }
    return {
      records: result.records,
      warnings: result.warnings,
      columns: [
        { role: 'question', label: 'Vraag' },
        { role: 'answer', label: 'Antwoord' },
      ],
      firstTablePage: result.firstTablePage,
    };
  },
};

/** Questions and answers as running text under headings, after "Vraag 12" and "Antwoord" labels (shape C). */
const proseQuestions: Reader = {
  lookedFor: 'questions and answers as text after "Vraag"/"Antwoord" labels',
  read(pdf, furniture) {
    const result = readProse(pdf.pages, furniture);
    if (result.firstPage === null) return { miss: 'no line starts with a question label ("Vraag 12", "Vraag:")' };
    return { records: result.records, warnings: result.warnings, columns: [], firstTablePage: result.firstPage };
  },
};

/** Tried in this order; the first that yields records wins. A new NvI shape is one more line. */
const READERS: readonly Reader[] = [vraagIdTable, headedTwoColumnTables, proseQuestions];

function documentLabel(pdf: ExtractedPdf, firstTablePage: number | null): string {
  const title = readCover(pdf.pages, firstTablePage).title ?? pdf.metaTitle;
  return describeNota(pdf.pages, title, firstTablePage).subject ?? title ?? '';
}

/** From positioned text to records. Pure: no I/O, so tests can feed it any layout. */
export function parseExtracted(pdf: ExtractedPdf, file: string): ParsedNota {
  const withText = pdf.pages.filter((p) => p.items.length > 0);
  if (withText.length === 0) {
    throw new IngestError('no-text', file, 'no text layer: the pages hold no text (a scan? run OCR first)');
  }
  const furniture = findFurniture(pdf.pages);
  const misses: Array<{ reader: Reader; miss: string; page?: number }> = [];
  for (const reader of READERS) {
    const found = reader.read(pdf, furniture);
    if ('miss' in found) {
      misses.push({ reader, ...found });
      continue;
    }
    const cover = readCover(pdf.pages, found.firstTablePage);
    const title = cover.title ?? pdf.metaTitle;
    const description = describeNota(pdf.pages, title, found.firstTablePage);
    // Whatever the shape, answers may refer to other records, of this NvI or an earlier one.
    const linked = linkReferences(found.records, description.sequence);
    return {
      title,
      published: cover.published,
      pageCount: pdf.pageCount,
      records: found.records,
      warnings: [...found.warnings, ...linked].sort((a, b) => a.page - b.page),
      columns: found.columns,
      description,
    };
  }
  // Name what each reader looked for; the page of the first reader that got as far as a table.
  const reasons = misses.map((m) => `no ${m.reader.lookedFor.replace(/^an? /, '')} (${m.miss})`);
  const page = misses.find((m) => m.page !== undefined)?.page;
  throw new IngestError('no-table', file, `no NvI table found (no Q&A found): ${reasons.join('; ')}`, page);
}

/** Extract and parse in the current thread. Callers that must stay responsive use parseInWorker. */
export async function parsePdfBytes(data: Uint8Array, options: ExtractOptions): Promise<ParsedNota> {
  const extracted = await extractItems(data, options);
  return parseExtracted(extracted, options.file);
}
