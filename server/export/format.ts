import { pipeline, Readable, type Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { QaRow } from '../../core/store/qa-repository.ts';
import type { RecordContent } from '../../core/model.ts';
import { fold } from '../../core/text/fold.ts';
import type { Snapshot } from '../snapshot/snapshot.ts';
import { shortTitle } from '../loaders/question.ts';
import { safeBase, urls } from '../loaders/urls.ts';
import { neutralise } from './spreadsheet-guard.ts';


export type ExportFormat = 'csv' | 'json' | 'jsonl';
export type Delimiter = 'semicolon' | 'comma';

/**
 * The NvI's description and the record's place in the heading hierarchy sit beside the columns they
 * refine. Pages are two columns of whole numbers: a range written as one cell ("4-5") is a date to
 * Dutch Excel (4 May). The answer group came later and goes last, so columns read by position stay
 * where they were. See docs/csv-export.md.
 */
export const CSV_COLUMNS = [
  'VraagID', 'NvI', 'Uitgever', 'Sector', 'Ronde', 'Document', 'Hoofdstuk', 'Paragraaf', 'Subparagraaf', 'Vraag', 'Antwoord', 'Pagina van', 'Pagina t/m', 'Link',
  'Antwoordgroep',
] as const;

export interface ExportRecord extends RecordContent {
  vid: string;
  nota: string;
  notaTitle: string;
  publisher: string | null;
  sector: string | null;
  round: string | null;
  document: string;
  url: string;
  /**
   * The "same answer" group (core/store/same-answer-groups.ts): "<slug>/<id>" of the group's first
   * member, the same for every question with that answer; null when the answer stands alone.
   */
  answerGroup: string | null;
}

/** The last base checked: an export checks the same base for every record. */
let checked = { base: '', safe: '' };

/** A record as exported; links are absolute only from a safe base (see safeBase), else relative. */
export function toExportRecord(snapshot: Snapshot, row: QaRow, baseUrl: string, answerGroup: string | null = null): ExportRecord {
  if (checked.base !== baseUrl) checked = { base: baseUrl, safe: safeBase(baseUrl) };
  const nota = snapshot.notaById.get(row.notaId);
  const slug = nota?.slug ?? '';
  return {
    vid: row.vid,
    nota: slug,
    notaTitle: nota ? shortTitle(nota.title) : '',
    publisher: nota?.publisher ?? null,
    sector: nota?.sector ?? null,
    round: nota?.round ?? null,
    document: row.document,
    chapter: row.chapter,
    paragraph: row.paragraph,
    subparagraph: row.subparagraph,
    question: row.question,
    answer: row.answer,
    pageStart: row.pageStart,
    pageEnd: row.pageEnd,
    url: checked.safe + urls.question(snapshot, slug, row.vid),
    answerGroup,
  };
}

function csvRow(r: ExportRecord): string[] {
  const pageEnd = Math.max(r.pageStart, r.pageEnd);
  return [
    r.vid, r.notaTitle, r.publisher ?? '', r.sector ?? '', r.round ?? '', r.document, r.chapter, r.paragraph, r.subparagraph, r.question, r.answer,
    String(r.pageStart), String(pageEnd), r.url, r.answerGroup ?? '',
  ].map(neutralise);
}

/**
 * A byte stream of the export. CSV defaults to what Dutch Excel opens correctly by double-click:
 * UTF-8 with BOM, ";" between fields, CRLF between records; `comma` gives plain RFC 4180.
 * Quoting (delimiter, quote, line breaks inside a cell) is csv-stringify's, per RFC 4180.
 */
export function exportStream(records: Iterable<ExportRecord> | AsyncIterable<ExportRecord>, format: ExportFormat, delimiter: Delimiter = 'semicolon'): Readable {
  const source = Readable.from(records, { objectMode: true, highWaterMark: 64 });
  if (format === 'csv') {
    const csv: Transform = stringify({
      header: true,
      columns: [...CSV_COLUMNS],
      delimiter: delimiter === 'comma' ? ',' : ';',
      record_delimiter: 'windows',
      bom: delimiter !== 'comma',
      // RFC 4180 quotes fields with line breaks; a lone LF would otherwise pass unquoted.
      quoted_match: /[\r\n]/,
    });
    // pipeline, not pipe: an error while reading (a damaged page) must reach the stream that is
    // sent, where the response handles it; with pipe it went unhandled and ended the process.
    pipeline(source.map((r: ExportRecord) => csvRow(r)), csv, () => {});
    return csv;
  }
  if (format === 'jsonl') return source.map((r: ExportRecord) => JSON.stringify(r) + '\n');
  let first = true;
  const body = source.map((r: ExportRecord) => {
    const s = (first ? '[\n' : ',\n') + JSON.stringify(r);
    first = false;
    return s;
  });
  return Readable.from(
    (async function* () {
      for await (const chunk of body) yield chunk as string;
      yield first ? '[]\n' : '\n]\n';
    })(),
  );
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

function slugPart(text: string, max = 40): string {
  return fold(text)
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** Says what was exported: nvi-2021-2023_paragraaf-3.5_2026-11-23.csv, nvi-kennisbank_zoeken-kwaliteitsbudget_….csv */
export function exportFileName(
  parts: { nota?: string | null; document?: string | null; paragraph?: string | null; paragraphLabel?: string | null; q?: string | null },
  format: ExportFormat,
  today = new Date(),
): string {
  const name: string[] = [parts.nota ? slugPart(parts.nota, 60) : 'nvi-kennisbank'];
  if (parts.paragraph) {
    const num = /^(\d+(?:\.\d+)*)/.exec(parts.paragraphLabel ?? '')?.[1];
    name.push(`paragraaf-${num ?? slugPart(parts.paragraph)}`);
  } else if (parts.document) name.push(slugPart(parts.document));
  if (parts.q) name.push(`zoeken-${slugPart(parts.q) || 'zoekvraag'}`);
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  name.push(date);
  return `${name.filter(Boolean).join('_')}.${format}`;
}
