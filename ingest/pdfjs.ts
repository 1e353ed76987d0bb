import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js as brought by pdf-parse: resolving through pdf-parse's own location guarantees one copy
 * of pdf.js in the tree, at the version pdf-parse was tested with. The legacy build is the one
 * meant for Node (no DOM, no canvas needed for text).
 */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<PdfJs> {
  const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
  const url = (spec: string) => pathToFileURL(fromPdfParse.resolve(spec)).href;
  // pdf.js ships multi-megabyte source maps; with source maps on (tsx turns them on) Node parses
  // them at load, which costs more than parsing a whole NvI. Nobody debugs pdf.js internals here.
  const hadSourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    const pdfjs = (await import(url('pdfjs-dist/legacy/build/pdf.mjs'))) as PdfJs;
    // Load the worker code up front: pdf.js then runs it in this thread without a dynamic import.
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import(url('pdfjs-dist/legacy/build/pdf.worker.mjs'));
    return pdfjs;
  } finally {
    process.setSourceMapsEnabled(hadSourceMaps);
  }
}
