/**
 * Bad inputs for the ingest: damaged copies of the real fixture and small PDFs made on the spot
 * (pdfkit, or written byte by byte where pdfkit would be slow). Every generator is deterministic
 * and returns the file's bytes; nothing is read from the network.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { BORDERED_PDF } from './gold.ts';
import { makeNviPdf } from './nvi-pdf.ts';
import { prng } from './prng.ts';

export function fixtureBytes(): Buffer {
  return fs.readFileSync(BORDERED_PDF);
}

/** The fixture cut off after `length` bytes, as an interrupted download leaves it. */
export function truncatedPdf(length: number): Buffer {
  return Buffer.from(fixtureBytes().subarray(0, length));
}

/** Offsets spread over the whole file, from inside the header to just before the end marker. */
export function truncationOffsets(count: number, seed = 1): number[] {
  const size = fixtureBytes().length;
  const rand = prng(seed);
  // One cut in the header, one in the first object, one halfway, one in the last line.
  const fixed = [8, 1024, Math.floor(size / 2), size - 7];
  const random = Array.from({ length: Math.max(0, count - fixed.length) }, () => 16 + Math.floor(rand() * (size - 32)));
  return [...fixed, ...random].sort((a, b) => a - b);
}

/**
 * Cut off, then given back an end-of-file marker, so that the cheap structural check passes and
 * pdf.js has to cope with the missing objects and the dangling cross-reference offset.
 */
export function truncatedWithEofPdf(length: number): Buffer {
  return Buffer.concat([truncatedPdf(length), Buffer.from('\n%%EOF\n', 'latin1')]);
}

/**
 * Cut off in the middle but ending in the original trailer: the last startxref points past the
 * end of what is left, the signature of a download that lost a piece.
 */
export function truncatedWithTrailerPdf(length: number): Buffer {
  const full = fixtureBytes();
  const text = full.toString('latin1');
  const trailer = full.subarray(text.lastIndexOf('trailer'));
  return Buffer.concat([full.subarray(0, length), Buffer.from('\n', 'latin1'), trailer]);
}

/** `flips` random bytes of the fixture XOR-ed with a random non-zero value. */
export function byteFlippedPdf(seed: number, flips: number): Buffer {
  const data = Buffer.from(fixtureBytes());
  const rand = prng(seed);
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(rand() * data.length);
    data[at]! ^= 1 + Math.floor(rand() * 255);
  }
  return data;
}

/** The classic cross-reference table overwritten with zeros (its length kept). */
export function zeroedXrefPdf(): Buffer {
  const data = Buffer.from(fixtureBytes());
  const text = data.toString('latin1');
  const start = text.lastIndexOf('\nxref') + 1;
  const end = text.indexOf('trailer', start);
  if (start <= 0 || end < 0) throw new Error('the fixture has no classic xref table');
  data.fill(0x30, start, end);
  return data;
}

/** A generated NvI locked with a user password: nothing can be read without it. */
export async function encryptedPdf(): Promise<Buffer> {
  return (await makeNviPdf({ rows: 6, longRows: 0, userPassword: 'geheim', ownerPassword: 'beheer' })).pdf;
}

/** Only an owner password: the content is encrypted but opens without one (copy/print limits). */
export async function ownerOnlyEncryptedPdf(): Promise<Buffer> {
  return (await makeNviPdf({ rows: 6, longRows: 0, ownerPassword: 'beheer' })).pdf;
}

/** A scanned NvI: one page holding only an image, no text layer. */
export async function imageOnlyPdf(): Promise<Buffer> {
  const png = scanLikePng(400, 560, 7);
  return pdfkitBuffer((doc) => {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(png, 0, 0, { width: 595.28, height: 841.89 });
  });
}

/** A PDF with running text and even a small table, but no NvI question/answer table. */
export async function noTablePdf(): Promise<Buffer> {
  return pdfkitBuffer((doc) => {
    doc.addPage({ size: 'A4', margin: 56 });
    doc.font('Helvetica-Bold').fontSize(16).text('Kamerbrief over het Wlz-zorginkoopkader 2025-2027');
    doc.moveDown();
    doc.font('Helvetica').fontSize(10);
    for (let i = 0; i < 3; i++) {
      doc.text(
        'Met deze brief informeer ik u over het nieuwe meerjarige zorginkoopkader van de zorgkantoren. ' +
          'Zorgkantoren zetten in op passende zorg, innovatie, bedrijfsvoering en duurzaamheid, en voeren ' +
          'hierover het gesprek met zorgaanbieders in hun regio.',
      );
      doc.moveDown();
    }
    const y = doc.y + 10;
    const cols: Array<[string, number]> = [
      ['Nr.', 56],
      ['Onderwerp', 100],
      ['Toelichting', 260],
    ];
    doc.font('Helvetica-Bold');
    for (const [label, x] of cols) doc.text(label, x, y, { lineBreak: false });
    doc.font('Helvetica');
    for (let r = 1; r <= 4; r++) {
      const ry = y + r * 14;
      doc.text(String(r), 56, ry, { lineBreak: false });
      doc.text(`Kernelement ${r}`, 100, ry, { lineBreak: false });
      doc.text('Zie paragraaf 2 van het inkoopkader.', 260, ry, { lineBreak: false });
    }
  });
}

/** The NvI header row is printed, but not a single row under it has a VraagID. */
export async function headerOnlyPdf(): Promise<Buffer> {
  return pdfkitBuffer((doc) => {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.font('Helvetica-Bold').fontSize(9);
    const labels: Array<[string, number]> = [
      ['VraagID', 45],
      ['Document', 100],
      ['Paragraaf', 180],
      ['Vraag', 280],
      ['Antwoord', 430],
    ];
    for (const [label, x] of labels) doc.text(label, x, 60, { lineBreak: false });
    doc.font('Helvetica').fontSize(9).text('Er zijn geen vragen gesteld over deze documenten.', 45, 90, { lineBreak: false });
  });
}

export function emptyPdf(): Buffer {
  return Buffer.alloc(0);
}

/** A web page saved under a .pdf name: what a download link that needs a login returns. */
export function htmlAsPdf(): Buffer {
  return Buffer.from(
    '<!DOCTYPE html>\n<html lang="nl"><head><title>Inloggen</title></head>\n' +
      '<body><h1>Nota van Inlichtingen</h1><p>U moet inloggen om dit document te downloaden.</p></body></html>\n',
    'utf8',
  );
}

/** A PDF signature and end marker with garbage between: passes the cheap checks, fails in pdf.js. */
export function garbagePdf(seed = 3): Buffer {
  const rand = prng(seed);
  const noise = Buffer.alloc(20_000);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(rand() * 256);
  return Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), noise, Buffer.from('\n%%EOF\n', 'latin1')]);
}

/**
 * A valid PDF with `pageCount` blank pages, written directly: pdfkit takes seconds for thousands
 * of pages, this takes milliseconds.
 */
export function manyPagesPdf(pageCount = 6000): Buffer {
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  const kids = Array.from({ length: pageCount }, (_, i) => `${i + 3} 0 R`).join(' ');
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`;
  for (let i = 0; i < pageCount; i++) objects[i + 3] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';
  return rawPdf(objects);
}

/**
 * A valid one-page PDF whose page takes pdf.js a very long time: its (compressed, small) content
 * stream shows a single character `shows` times. Stands in for "a page that never finishes".
 */
export function slowPagePdf(shows = 3_000_000): Buffer {
  const content = zlib.deflateSync(Buffer.from(`BT /F1 1 Tf 10 10 Td ${'(x) Tj '.repeat(shows)}ET`, 'latin1'));
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
  objects[3] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>';
  objects[4] = `<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n${content.toString('latin1')}\nendstream`;
  objects[5] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  return rawPdf(objects);
}

/** Serialises numbered objects (index = object number, 1-based) with a correct xref table. */
function rawPdf(objects: readonly (string | undefined)[]): Buffer {
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = Buffer.byteLength(body, 'latin1');
    body += `${n} 0 obj\n${objects[n] ?? 'null'}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, 'latin1');
  const entries = offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`);
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n${entries.join('')}`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pdfkitBuffer(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------
// A grey-scale PNG built in code: a white page with dark bars where lines of text would be.

export function scanLikePng(width: number, height: number, seed: number): Buffer {
  const rand = prng(seed);
  const raw = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter type: none
  for (let top = 40; top < height - 40; top += 14) {
    const len = Math.floor(width * (0.5 + rand() * 0.4));
    for (let y = top; y < top + 6; y++) {
      for (let x = 30; x < 30 + len; x++) raw[y * (width + 1) + 1 + x] = 0x20 + Math.floor(rand() * 0x30);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
