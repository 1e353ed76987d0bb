/**
 * Record ids. A printed id is kept as printed ("VID-0318", "12", "B-4"); its number is what a user
 * types ("1879", "vid 1879"). The number is the first digit run: a duplicate printed as
 * "VID-0318-2" is still question 318, not question 2.
 */
export function vidNumber(vid: string): number | null {
  const m = /\d+/.exec(vid);
  return m ? Number(m[0]) : null;
}
