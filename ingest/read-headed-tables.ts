/**
 * Reader for NvIs that print no VraagID: two-column "Vraag | Antwoord" tables, one under each
 * numbered heading (shape A). Headings first, then the tables, then records in document order.
 */
import { buildHeadedRecords } from './build-headed-records.ts';
import { findHeadings } from './find-headings.ts';
import type { Furniture } from './furniture.ts';
import { insideRuledTables, readTwoColumnTables } from './read-two-column-tables.ts';
import type { NvIRecord, PageItems, ParseWarning } from './types.ts';

export interface HeadedTablesResult {
  records: NvIRecord[];
  warnings: ParseWarning[];
  firstTablePage: number | null;
}

export function readHeadedTables(pages: readonly PageItems[], furniture: Furniture, document: (firstTablePage: number | null) => string): HeadedTablesResult {
  const visible = pages.map((p) => {
    const drop = furniture.byPage.get(p.page);
    return drop ? { ...p, items: p.items.filter((it) => !drop.has(it)) } : p;
  });
  const inTable = new Map(visible.map((p) => [p.page, insideRuledTables(p)]));
  const headings = findHeadings(visible, { skip: (page, item) => inTable.get(page)?.(item) ?? false });
  const tables = readTwoColumnTables(visible, { byPage: new Map() }, headings);
  const firstTablePage = tables.find((t) => t.rows.some((r) => r.kind === 'qa'))?.page ?? null;
  const { records, warnings } = buildHeadedRecords(tables, headings, document(firstTablePage));
  return { records, warnings, firstTablePage };
}
