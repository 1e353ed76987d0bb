/**
 * Word processors set list bullets in Symbol or Wingdings. Without a Unicode map for such a font,
 * pdf.js reports the font's byte codes in the private use area (U+F020–U+F0FF), which no reader
 * (nor the list detection) recognises. The common ones are mapped to what they show.
 */
const SYMBOL_GLYPHS: Readonly<Record<string, string>> = {
  '\uf0b7': '•', // Symbol: bullet
  '\uf02d': '-', // Symbol: minus
  '\uf06c': '•', // Wingdings: filled circle
  '\uf06e': '•', // Wingdings: filled square
  '\uf071': '•', // Wingdings: hollow square
  '\uf076': '•', // Wingdings: diamond of four
  '\uf0a7': '•', // Wingdings: small square
  '\uf0a8': '•', // Wingdings: square
  '\uf0d8': '•', // Wingdings: arrowhead
  '\uf0fc': '•', // Wingdings: check mark
  '\uf0e0': '→', // Wingdings: arrow
};

const PATTERN = new RegExp(`[${Object.keys(SYMBOL_GLYPHS).join('')}]`, 'g');

export function normalizeGlyphs(text: string): string {
  return text.replace(PATTERN, (c) => SYMBOL_GLYPHS[c] ?? c);
}
