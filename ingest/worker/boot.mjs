// Entry of the parse worker thread. pdf.js is imported before the TypeScript loader is registered:
// run through the loader it takes over a second longer to load, on every ingest.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
const url = (spec) => pathToFileURL(fromPdfParse.resolve(spec)).href;
process.setSourceMapsEnabled(false);
await import(url('pdfjs-dist/legacy/build/pdf.mjs'));
globalThis.pdfjsWorker = await import(url('pdfjs-dist/legacy/build/pdf.worker.mjs'));

const { register } = await import('tsx/esm/api');
register();
await import('./extract-worker.ts');
