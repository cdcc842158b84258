/**
 * Picks names that do not clash with what the user's workbook already has, so nothing of theirs is
 * overwritten: a taken sheet name becomes "Case Rates (2)", a taken defined name "Enrollees_2".
 */

/** Longest sheet name Excel accepts. */
const MAX_SHEET_NAME = 31;

/** What the writer will call each sheet and defined name, and what had to change. */
export interface Naming {
  readonly sheet: (wanted: string) => string;
  readonly name: (wanted: string) => string;
  /** Every name that differs from the one wanted, for the user to be told. */
  readonly renamed: readonly { kind: "sheet" | "name"; wanted: string; used: string }[];
}

/** Names as wanted: for a new workbook, or a test. */
export const IDENTITY_NAMING: Naming = { sheet: (s) => s, name: (n) => n, renamed: [] };

function freeName(wanted: string, taken: Set<string>, variant: (n: number) => string): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = variant(n);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Chooses free names (Excel compares names without regard to case). */
export function resolveNaming(
  existingSheets: readonly string[],
  existingNames: readonly string[],
  wantedSheets: readonly string[],
  wantedNames: readonly string[],
): Naming {
  const takenSheets = new Set(existingSheets.map((s) => s.toLowerCase()));
  const takenNames = new Set(existingNames.map((n) => n.toLowerCase()));
  const sheets = new Map<string, string>();
  const names = new Map<string, string>();
  const renamed: { kind: "sheet" | "name"; wanted: string; used: string }[] = [];
  for (const wanted of wantedSheets) {
    const used = freeName(wanted, takenSheets, (n) => `${wanted.slice(0, MAX_SHEET_NAME - 4)} (${n})`);
    takenSheets.add(used.toLowerCase());
    sheets.set(wanted, used);
    if (used !== wanted) renamed.push({ kind: "sheet", wanted, used });
  }
  for (const wanted of wantedNames) {
    const used = freeName(wanted, takenNames, (n) => `${wanted}_${n}`);
    takenNames.add(used.toLowerCase());
    names.set(wanted, used);
    if (used !== wanted) renamed.push({ kind: "name", wanted, used });
  }
  return {
    sheet: (wanted) => sheets.get(wanted) ?? wanted,
    name: (wanted) => names.get(wanted) ?? wanted,
    renamed,
  };
}
