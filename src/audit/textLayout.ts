/** Plain text laid out for a terminal of a given width: wrapped paragraphs and padded tables. */

/** The width the audit's text report fits: no line is longer. */
export const TEXT_WIDTH = 100;

/**
 * A paragraph wrapped at word boundaries to `width`, the first line after `first`, the others after
 * `rest` (a hanging indent); a word longer than a line (a long path) is cut, never left sticking out.
 */
export function wrap(text: string, width = TEXT_WIDTH, first = "", rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const push = () => {
    lines.push(line);
    line = rest;
    empty = true;
  };
  for (let word of text.split(/\s+/).filter((w) => w !== "")) {
    if (!empty && line.length + 1 + word.length > width) push();
    while (empty && line.length + word.length > width && line.length < width) {
      const cut = width - line.length;
      line += word.slice(0, cut);
      word = word.slice(cut);
      push();
    }
    if (word !== "") {
      line += `${empty ? "" : " "}${word}`;
      empty = false;
    }
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * A table whose first column is wrapped to the room the other columns leave in `width`; every
 * column is padded but the last, two spaces apart. The lines of the header, then of each row.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width = TEXT_WIDTH,
): string[][] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? "").length)));
  const others = widths.slice(1).reduce((sum, w) => sum + w + 2, 0);
  widths[0] = Math.max(12, Math.min(widths[0], width - others));
  return all.map((row) => {
    const first = wrap(row[0] ?? "", widths[0]);
    return first.map((part, i) =>
      [part, ...row.slice(1).map((cell) => (i === 0 ? cell : ""))]
        .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c])))
        .join("  ")
        .trimEnd(),
    );
  });
}
