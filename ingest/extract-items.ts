import { createRequire } from 'node:module';
import path from 'node:path';
import { IngestError } from './errors.ts';
import { normalizeGlyphs } from './glyphs.ts';
import { loadPdfJs } from './pdfjs.ts';
import { readRules, type RuleOps } from './read-rules.ts';
import type { ExtractedPdf, PageItems, PageRules, TextItem } from './types.ts';
import { findHeader } from './detect-columns.ts';

export interface ExtractOptions {
  /** Name used in error messages. */
  file: string;
  /** Refuse documents with more pages than this. */
  maxPages?: number;
  /** Read only the pages this returns true for (parallel extraction splits the pages over workers). */
  pageFilter?: (page: number) => boolean;
  /** Before a page is read: a stuck page can then be named. */
  onPageStart?: (page: number, pageCount: number) => void;
  onPage?: (page: number, pageCount: number) => void;
}

const DEFAULT_MAX_PAGES = 5000;

/** Local font data for pdf.js: nothing is fetched from outside. */
function pdfJsAssetDirs(): { standardFontDataUrl: string; cMapUrl: string } {
  const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
  const root = path.dirname(fromPdfParse.resolve('pdfjs-dist/package.json'));
  return {
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
  };
}

/** Cheap structural checks that give a precise reason before pdf.js gives a vague one. */
export function checkPdfBytes(data: Uint8Array, file: string): void {
  if (data.length === 0) throw new IngestError('not-pdf', file, 'not a PDF: the file is empty');
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new IngestError('not-pdf', file, 'not a PDF: no %PDF- signature at the start of the file');
  }
  const tail = Buffer.from(data.subarray(Math.max(0, data.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new IngestError('truncated', file, 'truncated or corrupt: the end-of-file marker (%%EOF) is missing');
  }
}

/**
 * Reads every page's text items with their positions, normalised to upright top-down coordinates
 * whatever the page rotation. Text that is not horizontal (watermarks, rotated labels) is dropped:
 * it never belongs to a table cell.
 */
export async function extractItems(data: Uint8Array, options: ExtractOptions): Promise<ExtractedPdf> {
  const { file } = options;
  checkPdfBytes(data, file);
  // pdf.js takes over (detaches) the buffer, so look at it for error reporting first.
  const cutOff = endsEarly(data);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...pdfJsAssetDirs(),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    throw classifyLoadError(err, cutOff, file);
  }
  try {
    const pageCount = doc.numPages;
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    if (pageCount > maxPages) {
      throw new IngestError('too-large', file, `too many pages: ${pageCount} (the limit is ${maxPages})`);
    }
    const metaTitle = await readMetaTitle(doc);
    const pages: PageItems[] = [];
    // Rules and faces cost a second pass over each page's content (pdf.js's operator list). Only
    // readers other than the VraagID table need them; once a page shows a VraagID table header,
    // the rest of the document is that table and is read as text only.
    let vraagIdTable = false;
    for (let n = 1; n <= pageCount; n++) {
      if (options.pageFilter && !options.pageFilter(n)) continue;
      options.onPageStart?.(n, pageCount);
      const page = await readPage(doc, n, file, !vraagIdTable);
      vraagIdTable ||= findHeader(page) !== null;
      pages.push(page);
      options.onPage?.(n, pageCount);
    }
    return { pageCount, pages, metaTitle };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

type PdfDoc = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']>['promise']>;

async function readMetaTitle(doc: PdfDoc): Promise<string | null> {
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' ? info.Title.trim() : '';
    return title || null;
  } catch {
    return null;
  }
}

/**
 * Characters no text layer holds: C0/C1 controls and the replacement character. pdf.js does not
 * check the zlib checksum of a content stream, so a damaged one decodes to random operators and
 * strings full of these instead of failing; a few stray ones (an odd font) are only dropped.
 */
// eslint-disable-next-line no-control-regex
const GARBAGE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

async function readPage(doc: PdfDoc, n: number, file: string, withRules: boolean): Promise<PageItems> {
  const pdfjs = await loadPdfJs();
  try {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    // The operator list first: it also loads the page's fonts, whose names tell bold from regular.
    let rules: PageRules | undefined;
    if (withRules) {
      const opList = await page.getOperatorList();
      rules = readRules(opList.fnArray, opList.argsArray, ruleOps(pdfjs.OPS), viewport.transform);
    }
    const content = await page.getTextContent();
    const faces = new Map<string, Face>();
    const faceOf = (fontName: string): Face => {
      let face = faces.get(fontName);
      if (!face) faces.set(fontName, (face = readFace(page.commonObjs, fontName)));
      return face;
    };
    const items: TextItem[] = [];
    let chars = 0;
    let garbage = 0;
    for (const raw of content.items) {
      if (!('str' in raw) || raw.str.trim() === '') continue;
      chars += raw.str.length;
      const bad = raw.str.match(GARBAGE)?.length ?? 0;
      if (bad > 0) {
        garbage += bad;
        continue;
      }
      const m = pdfjs.Util.transform(viewport.transform, raw.transform) as number[];
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
      // Upright, left-to-right text only: the x axis of the glyphs must point right.
      if (a <= 0 || Math.abs(b) > Math.abs(a) * 0.05) continue;
      const size = Math.hypot(c, d);
      if (!(size > 0)) continue;
      const scaleX = Math.hypot(a, b) / Math.hypot(raw.transform[0] ?? 1, raw.transform[1] ?? 0);
      const w = raw.width * (Number.isFinite(scaleX) && scaleX > 0 ? scaleX : 1);
      const item: TextItem = { str: normalizeGlyphs(raw.str), x: e, y: f - size, w, size };
      const face = faceOf(raw.fontName);
      if (face.bold) item.bold = true;
      if (face.italic) item.italic = true;
      items.push(item);
    }
    page.cleanup();
    if (garbage > Math.max(3, chars * 0.01)) {
      throw new IngestError('corrupt', file, 'corrupt page: its text decodes to control characters (a damaged content stream, or a font without a usable character map)', n);
    }
    return { page: n, width: viewport.width, height: viewport.height, items, ...(rules ? { rules } : {}) };
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError('corrupt', file, `corrupt page: ${describe(err)}`, n);
  }
}

interface Face {
  bold: boolean;
  italic: boolean;
}

const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|-bd\b|,bold/i;
const ITALIC_NAME = /italic|oblique|-it\b|,italic/i;

/**
 * Bold and italic from the loaded font: pdf.js's flags (from the font descriptor) or, as many
 * embedded subsets carry no flags, the PostScript name ("ABCDEF+Arial-BoldMT", "Helvetica-Bold").
 */
function readFace(commonObjs: { has(id: string): boolean; get(id: string): unknown }, fontName: string): Face {
  type LoadedFont = { name?: unknown; bold?: unknown; black?: unknown; italic?: unknown };
  const font = ((): LoadedFont | null => {
    try {
      return commonObjs.has(fontName) ? (commonObjs.get(fontName) as LoadedFont) : null;
    } catch {
      return null;
    }
  })();
  const name = typeof font?.name === 'string' ? font.name : '';
  return {
    bold: font?.bold === true || font?.black === true || BOLD_NAME.test(name),
    italic: font?.italic === true || ITALIC_NAME.test(name),
  };
}

let cachedOps: RuleOps | undefined;

function ruleOps(OPS: Record<string, number>): RuleOps {
  cachedOps ??= {
    save: OPS.save!,
    restore: OPS.restore!,
    transform: OPS.transform!,
    constructPath: OPS.constructPath!,
    setFillRGBColor: OPS.setFillRGBColor!,
    setStrokeRGBColor: OPS.setStrokeRGBColor!,
    setLineWidth: OPS.setLineWidth!,
    paintFormXObjectBegin: OPS.paintFormXObjectBegin!,
    paintFormXObjectEnd: OPS.paintFormXObjectEnd!,
    stroke: OPS.stroke!,
    closeStroke: OPS.closeStroke!,
    fill: OPS.fill!,
    eoFill: OPS.eoFill!,
    fillStroke: OPS.fillStroke!,
    eoFillStroke: OPS.eoFillStroke!,
    closeFillStroke: OPS.closeFillStroke!,
    closeEOFillStroke: OPS.closeEOFillStroke!,
  };
  return cachedOps;
}

function classifyLoadError(err: unknown, cutOff: boolean, file: string): IngestError {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') {
    return new IngestError('encrypted', file, 'password-protected: the PDF cannot be opened without a password');
  }
  if (name === 'InvalidPDFException') {
    if (cutOff) {
      return new IngestError('truncated', file, 'truncated: the file ends before the cross-reference table it points to (an incomplete download?)');
    }
    return new IngestError('corrupt', file, `truncated or corrupt: ${describe(err)}`);
  }
  return new IngestError('corrupt', file, `cannot be read as a PDF: ${describe(err)}`);
}

/**
 * Whether the last startxref points past the end of the file: certainly cut off, even when
 * something appended an end-of-file marker. (Without a startxref at all a file may be cut off or
 * just damaged: that stays "corrupt".)
 */
function endsEarly(data: Uint8Array): boolean {
  const tail = Buffer.from(data.subarray(Math.max(0, data.length - 2048))).toString('latin1');
  const m = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(tail);
  return m !== null && Number(m[1]) >= data.length;
}

function describe(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}
