/**
 * Shape B: numbered tables as published in Dutch tender NvIs. One packs document, page and
 * paragraph into one cell ("Nr. | Onderwerp | Uw vraag | Antwoord"); one is printed from a
 * spreadsheet ("Nr | Blz. | Paragraaf | Vraag | Antwoord": landscape, thin gridlines, cells
 * aligned at the bottom, rows never split over pages).
 */
import type { ColumnSpec, NviPdfOptions } from './options.ts';

export const REFERENCE_CELL: ColumnSpec[] = [
  { kind: 'vid', label: 'Nr.', width: 0.06 },
  { kind: 'reference', label: 'Onderwerp', width: 0.2 },
  { kind: 'question', label: 'Uw vraag', width: 0.34 },
  { kind: 'answer', label: 'Antwoord', width: 0.4 },
];

export const REFERENCE_LABELLED: ColumnSpec[] = [
  { kind: 'vid', label: 'Nummer', width: 0.09 },
  { kind: 'reference', label: 'Document / pagina / paragraaf', width: 0.22 },
  { kind: 'question', label: 'Vraag van de inschrijver', width: 0.31 },
  { kind: 'answer', label: 'Antwoord aanbesteder', width: 0.38 },
];

export const SPREADSHEET: ColumnSpec[] = [
  { kind: 'vid', label: 'Nr', width: 0.05 },
  { kind: 'page', label: 'Blz.', width: 0.06 },
  { kind: 'paragraph', label: 'Paragraaf', width: 0.22 },
  { kind: 'question', label: 'Vraag', width: 0.31 },
  { kind: 'answer', label: 'Antwoord', width: 0.36 },
];

export const TOPICS: ColumnSpec[] = [
  { kind: 'vid', label: 'Nr.', width: 0.06 },
  { kind: 'subject', label: 'Onderwerp', width: 0.18 },
  { kind: 'question', label: 'Vraag', width: 0.34 },
  { kind: 'answer', label: 'Antwoord', width: 0.42 },
];

export const PARAGRAPH_AND_TOPIC: ColumnSpec[] = [
  { kind: 'vid', label: 'Nr.', width: 0.06 },
  { kind: 'paragraph', label: 'Paragraaf', width: 0.17 },
  { kind: 'subject', label: 'Thema', width: 0.14 },
  { kind: 'question', label: 'Vraag', width: 0.28 },
  { kind: 'answer', label: 'Antwoord', width: 0.35 },
];

/** How a spreadsheet prints: landscape, thin gridlines, bottom-aligned cells, rows kept whole. */
export const SPREADSHEET_PRINT: NviPdfOptions = {
  columns: SPREADSHEET,
  vidFormat: 'number',
  landscape: true,
  lineWidth: 0.25,
  shortCellAlign: 'bottom',
  longCellAlign: 'bottom',
  keepRowsTogether: true,
  longRows: 0,
  cover: false,
  intro: null,
};
