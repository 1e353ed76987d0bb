// Baseline for the ingest benchmark: bare pdf.js text extraction of every page, single-threaded,
// with the pdf.js that pdf-parse brings. Nothing else: no layout analysis, no storage.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
const { getDocument } = await import(pathToFileURL(fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);
const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(process.argv[2])), verbosity: 0 }).promise;
let items = 0;
for (let p = 1; p <= doc.numPages; p++) {
  const content = await (await doc.getPage(p)).getTextContent();
  items += content.items.length;
}
process.stdout.write(`${doc.numPages} pages, ${items} items\n`);
