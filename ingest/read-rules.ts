/**
 * Ruling lines of a page from pdf.js's operator list: table borders and separators as horizontal
 * and vertical rules, in the same top-down page coordinates as the text items.
 *
 * Producers draw borders in two ways: as stroked lines (or stroked rectangles), or, as Word does,
 * as thin filled rectangles. Both become rules. Filled areas that are not thin (cell shading, the
 * white background Word paints under every cell and line) and anything painted white are no rules.
 *
 * pdf.js (5.x) hands every path over as one `constructPath` op whose arguments are
 * `[paintOp, [Float32Array path], minMax]`: the path is a flat list of DrawOPS codes (moveTo 0,
 * lineTo 1, curveTo 2, closePath 3) each followed by its coordinates, in the user space of the
 * current transform. The transform follows save/restore/transform ops (and form XObjects), which
 * this walk tracks. Colours arrive as `setFillRGBColor`/`setStrokeRGBColor` with a "#rrggbb"
 * string (pdf.js converts grey and CMYK to that).
 */
import { RULE_MAX_THICKNESS, RULE_MIN_LENGTH, RULE_MERGE_GAP, RULE_INVISIBLE_LIGHTNESS } from './tolerances.ts';
import type { HRule, PageRules, VRule } from './types.ts';

type Matrix = [number, number, number, number, number, number];

/** The op codes this walk needs, looked up once from pdf.js's OPS table. */
export interface RuleOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  setLineWidth: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 3;

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = m;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = n;
  return [a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d, e2 * a + f2 * c + e, e2 * b + f2 * d + f];
}

/** Whether a "#rrggbb" colour is so light it cannot be seen on white paper. */
function invisible(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16));
  return Math.min(r!, g!, b!) >= RULE_INVISIBLE_LIGHTNESS;
}

/**
 * Collects the rules of one page. `viewport` is pdf.js's viewport transform (PDF space to
 * top-down page space), so the rules line up with the text items.
 */
export function readRules(fnArray: ArrayLike<number>, argsArray: ReadonlyArray<unknown>, ops: RuleOps, viewport: readonly number[]): PageRules {
  const horizontal: HRule[] = [];
  const vertical: VRule[] = [];
  let ctm: Matrix = viewport.slice(0, 6) as Matrix;
  let fill = '#000000';
  let stroke = '#000000';
  let lineWidth = 1;
  const stack: Array<{ ctm: Matrix; fill: string; stroke: string; lineWidth: number }> = [];

  const addBox = (x0: number, y0: number, x1: number, y1: number) => {
    const w = x1 - x0;
    const h = y1 - y0;
    if (h <= RULE_MAX_THICKNESS && w >= RULE_MIN_LENGTH) horizontal.push({ y: (y0 + y1) / 2, x0, x1 });
    else if (w <= RULE_MAX_THICKNESS && h >= RULE_MIN_LENGTH) vertical.push({ x: (x0 + x1) / 2, y0, y1 });
  };
  const point = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push({ ctm, fill, stroke, lineWidth });
    else if (fn === ops.restore) {
      const s = stack.pop();
      if (s) ({ ctm, fill, stroke, lineWidth } = s);
    } else if (fn === ops.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push({ ctm, fill, stroke, lineWidth });
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>));
    } else if (fn === ops.paintFormXObjectEnd) {
      const s = stack.pop();
      if (s) ({ ctm, fill, stroke, lineWidth } = s);
    } else if (fn === ops.setFillRGBColor && args) fill = String(args[0]);
    else if (fn === ops.setStrokeRGBColor && args) stroke = String(args[0]);
    else if (fn === ops.setLineWidth && args) lineWidth = Number(args[0]) || 0;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const path = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
      if (!path) continue;
      const fills = paint === ops.fill || paint === ops.eoFill || paint === ops.fillStroke || paint === ops.eoFillStroke || paint === ops.closeFillStroke || paint === ops.closeEOFillStroke;
      const strokes = paint === ops.stroke || paint === ops.closeStroke || paint === ops.fillStroke || paint === ops.eoFillStroke || paint === ops.closeFillStroke || paint === ops.closeEOFillStroke;
      if (fills && !invisible(fill)) fillRules(path, point, addBox);
      if (strokes && !invisible(stroke)) {
        // Line width in page units: the transform's scale (uniform in the cases that matter).
        const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) || 1;
        strokeRules(path, point, Math.max(lineWidth * scale, 0.1), addBox);
      }
    }
  }
  return { horizontal: mergeH(horizontal), vertical: mergeV(vertical) };
}

/** Each closed sub-path of a fill: its bounding box is a rule when it is thin and long enough. */
function fillRules(path: ArrayLike<number>, point: (x: number, y: number) => [number, number], add: (x0: number, y0: number, x1: number, y1: number) => void): void {
  let box: [number, number, number, number] | null = null;
  let curved = false;
  const flush = () => {
    if (box && !curved) add(box[0], box[1], box[2], box[3]);
    box = null;
    curved = false;
  };
  const extend = (x: number, y: number) => {
    const [px, py] = point(x, y);
    if (!box) box = [px, py, px, py];
    else box = [Math.min(box[0], px), Math.min(box[1], py), Math.max(box[2], px), Math.max(box[3], py)];
  };
  for (let k = 0; k < path.length; ) {
    const op = path[k++];
    if (op === MOVE) {
      flush();
      extend(path[k]!, path[k + 1]!);
      k += 2;
    } else if (op === LINE) {
      extend(path[k]!, path[k + 1]!);
      k += 2;
    } else if (op === CURVE) {
      // Rounded shapes (bullets, logos) are no rules.
      curved = true;
      k += 6;
    } else if (op === CLOSE) {
      flush();
    } else break;
  }
  flush();
}

/** Each straight, axis-parallel segment of a stroke is a rule as thick as the line. */
function strokeRules(path: ArrayLike<number>, point: (x: number, y: number) => [number, number], width: number, add: (x0: number, y0: number, x1: number, y1: number) => void): void {
  let start: [number, number] | null = null;
  let last: [number, number] | null = null;
  const segment = (a: [number, number], b: [number, number]) => {
    const half = width / 2;
    if (Math.abs(a[1] - b[1]) < 0.5) add(Math.min(a[0], b[0]), a[1] - half, Math.max(a[0], b[0]), a[1] + half);
    else if (Math.abs(a[0] - b[0]) < 0.5) add(a[0] - half, Math.min(a[1], b[1]), a[0] + half, Math.max(a[1], b[1]));
  };
  for (let k = 0; k < path.length; ) {
    const op = path[k++];
    if (op === MOVE) {
      last = start = point(path[k]!, path[k + 1]!);
      k += 2;
    } else if (op === LINE) {
      const p = point(path[k]!, path[k + 1]!);
      if (last) segment(last, p);
      last = p;
      k += 2;
    } else if (op === CURVE) {
      last = point(path[k + 4]!, path[k + 5]!);
      k += 6;
    } else if (op === CLOSE) {
      if (last && start) segment(last, start);
      last = start;
    } else break;
  }
}

/** Word draws a border as several abutting pieces (one per cell edge): join collinear pieces. */
function mergeH(rules: HRule[]): HRule[] {
  rules.sort((a, b) => Math.round(a.y) - Math.round(b.y) || a.x0 - b.x0);
  const out: HRule[] = [];
  for (const r of rules) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - r.y) <= RULE_MAX_THICKNESS && r.x0 <= last.x1 + RULE_MERGE_GAP) {
      last.x0 = Math.min(last.x0, r.x0);
      last.x1 = Math.max(last.x1, r.x1);
    }
    else out.push({ ...r });
  }
  return out.map((r) => ({ y: round(r.y), x0: round(r.x0), x1: round(r.x1) }));
}

function mergeV(rules: VRule[]): VRule[] {
  rules.sort((a, b) => Math.round(a.x) - Math.round(b.x) || a.y0 - b.y0);
  const out: VRule[] = [];
  for (const r of rules) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - r.x) <= RULE_MAX_THICKNESS && r.y0 <= last.y1 + RULE_MERGE_GAP) {
      last.y0 = Math.min(last.y0, r.y0);
      last.y1 = Math.max(last.y1, r.y1);
    }
    else out.push({ ...r });
  }
  return out.map((r) => ({ x: round(r.x), y0: round(r.y0), y1: round(r.y1) }));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
