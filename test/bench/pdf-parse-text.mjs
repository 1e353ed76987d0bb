// Reference for the ingest benchmark: pdf-parse's own plain-text extraction (no positions).
import fs from 'node:fs';
import { PDFParse } from 'pdf-parse';

const parser = new PDFParse({ data: fs.readFileSync(process.argv[2]) });
const result = await parser.getText();
await parser.destroy();
process.stdout.write(`${result.total} pages, ${result.text.length} chars\n`);
