/**
 * Edit distance between two words counting an insertion, a deletion, a substitution or a swap of
 * neighbours as one edit (optimal string alignment), so "nmae" is one edit from "name".
 */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** Longest typed word we compare: a longer one is no typo of a key, and comparing it would be slow. */
const MAX_COMPARED_LENGTH = 64;

/**
 * The known word a typed one most likely meant: the same word in other letter case first, else the
 * closest within two edits (one for words of three or four letters); undefined when none is close.
 */
export function nearestWord(typed: string, known: readonly string[]): string | undefined {
  if (typed.length > MAX_COMPARED_LENGTH) return undefined;
  const lower = typed.toLowerCase();
  // A word of one or two letters is one edit from too much: only its other letter case counts.
  const allowed = typed.length <= 2 ? 0 : typed.length <= 4 ? 1 : 2;
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    if (word.length > MAX_COMPARED_LENGTH) continue;
    const distance = word.toLowerCase() === lower ? 0 : editDistance(lower, word.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}
