import { documentKey, paragraphKey } from '../../core/text/keys.ts';
import type { NotaDescription } from '../../core/model.ts';
import type { NvIRecord, ParsedNota } from '../../ingest/types.ts';
import { NO_DESCRIPTION, writeNota, type NotaSource, type WriteResult } from '../../core/store/write-nota.ts';
import { openDatabase } from '../../core/store/database.ts';
import { publishChange, type PublishResult } from '../../core/publish/publish.ts';
import { indexPathFor } from '../../core/config.ts';

export type RecordInput = Partial<NvIRecord> & Pick<NvIRecord, 'question' | 'answer'>;

export interface NotaOptions {
  title?: string;
  published?: string;
  /** Publisher, sector, round, subject, sequence; unknown (null) where left out. */
  description?: Partial<NotaDescription>;
}

/**
 * Adds a nota with the given records to a database, as an ingest would. Every field of the record
 * model can be given (id kind, chapter, sub-paragraph, references, …); keys are derived from the
 * labels. The search index file is left stale on purpose: the app rebuilds it at load, like after
 * a crash between the two. A string as fourth argument is the title (the older form).
 */
export function addNota(dbPath: string, slug: string, inputs: RecordInput[], options: string | NotaOptions = {}): void {
  const db = openDatabase(dbPath);
  try {
    const { parsed, source } = notaInput(slug, inputs, options);
    writeNota(db, parsed, source);
  } finally {
    db.close();
  }
}

/**
 * Adds (or replaces) a nota as the ingest command does: through publishChange, so the links of
 * "the same question elsewhere" and the search index are published with it.
 */
export function publishNota(dbPath: string, slug: string, inputs: RecordInput[], options: string | NotaOptions = {}): PublishResult<WriteResult> {
  const db = openDatabase(dbPath);
  try {
    const { parsed, source } = notaInput(slug, inputs, options);
    return publishChange(db, indexPathFor(dbPath), () => writeNota(db, parsed, source));
  } finally {
    db.close();
  }
}

/** The parsed nota and its source, as the parser and the ingest would hand them to writeNota. */
export function notaInput(slug: string, inputs: RecordInput[], options: string | NotaOptions = {}): { parsed: ParsedNota; source: NotaSource } {
  const { title = `Nota van Inlichtingen ${slug}`, published = '2024-01-01', description } = typeof options === 'string' ? { title: options } : options;
  const records: NvIRecord[] = inputs.map((r, i) => {
    const document = r.document ?? 'Testdocument 2024';
    const paragraph = r.paragraph ?? '1.1 Testparagraaf';
    return {
      ...r,
      vid: r.vid ?? `T-${String(i + 1).padStart(4, '0')}`,
      document,
      paragraph,
      question: r.question,
      answer: r.answer,
      pageStart: r.pageStart ?? 1,
      pageEnd: r.pageEnd ?? r.pageStart ?? 1,
      seq: i + 1,
      documentKey: documentKey(document),
      paragraphKey: paragraphKey(paragraph),
    };
  });
  return {
    parsed: { title, published, pageCount: 1, records, warnings: [], columns: [], description: { ...NO_DESCRIPTION, ...description } },
    source: { slug, title, sourceFile: `${slug}.pdf`, sha256: `test-${slug}-${Date.now()}-${Math.random()}`, pdf: new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n')) },
  };
}
