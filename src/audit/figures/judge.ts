import { excelRound } from "../../core/round";
import { count, hoursText, listWords, money, rate, share } from "../format";
import { intervalText, PRINTED_RATE } from "../source";
import {
  type AuditCell,
  type AuditValue,
  cellName,
  type Fault,
  type FigureUnit,
  type Verdict,
} from "../types";
import { type FigureDef, matches } from "./defs";

function formatValue(unit: FigureUnit, value: number, decimals: number): string {
  switch (unit) {
    case "dollars":
      return money(value, decimals);
    case "ratePerHour":
      return rate(value);
    case "share":
      return share(value);
    case "hours":
      return hoursText(value);
    case "cases":
      return count(value);
  }
}

/** The workbook's value as a sentence shows it: exact, with the decimals it has. */
function formatExact(unit: FigureUnit, value: number): string {
  if (unit === "dollars") return money(value, Number.isInteger(value) ? 0 : 2);
  return formatValue(unit, value, 4);
}

const FAULT_WORDS: Record<Fault["kind"], string> = {
  "number-in-formula": "a number typed inside its formula",
  "inconsistent-row": "a formula that differs from its row",
  "number-over-formula": "a number typed over a formula",
  "empty-reference": "a reference to an empty cell",
  "error-value": "an error value",
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The verdict and its sentence for one figure, given the verdicts of the figures before it. */
export function judge(
  def: FigureDef,
  cell: AuditCell | undefined,
  verdicts: ReadonlyMap<string, Verdict>,
  faults: readonly Fault[],
  coreRate: number,
  labels: ReadonlyMap<string, string> = new Map(),
): { verdict: Verdict; explanation: string } {
  const where = cell ? cellName(cell) : "its cell";
  const value: AuditValue = cell?.value ?? null;
  const printed = def.published === null ? null : formatValue(def.unit, def.published, def.decimals);
  const faultHere = cell ? faults.filter((f) => f.sheet === cell.sheet && f.cell === cell.address) : [];
  const faultClause =
    faultHere.length > 0
      ? `; ${where} has ${listWords([...new Set(faultHere.map((f) => FAULT_WORDS[f.kind]))])} (see the faults)`
      : "";
  const fail = (explanation: string) => ({ verdict: "fail" as const, explanation });
  if (value === null || value === "") {
    return fail(`${where} is empty, where the ${def.label} should be (${def.how}).`);
  }
  if (typeof value !== "number") {
    const shown = typeof value === "object" ? value.error : JSON.stringify(value);
    return fail(`${where} shows ${shown} instead of the ${def.label} (${def.how})${faultClause}.`);
  }
  if (!Number.isFinite(value)) {
    return fail(
      `${where} shows a number that is not finite instead of the ${def.label} (${def.how})${faultClause}.`,
    );
  }
  const w = value;
  if (def.output && cell?.formula === undefined) {
    return fail(
      `${where} holds the typed number ${formatExact(def.unit, w)}, not a formula, so the ${def.label} cannot follow the inputs (${def.how}).`,
    );
  }
  const matchesCore = matches(w, def.core);
  const printedMatch = def.published === null || excelRound(w, def.decimals) === def.published;
  const upstreamFails = def.dependsOn.filter((id) => verdicts.get(id) === "fail");
  const printsAs = (v: number) => formatValue(def.unit, excelRound(v, def.decimals), def.decimals);

  if (matchesCore && printedMatch) {
    if (def.sentences?.pass) return { verdict: "pass", explanation: def.sentences.pass(w) };
    const printedPhrase =
      def.published === null
        ? "; the toolkit prints none, so the workbook is checked against the toolkit's arithmetic alone"
        : w === def.published
          ? ", as printed"
          : `, which prints as the published ${printed}`;
    return {
      verdict: "pass",
      explanation: `${capitalize(def.how)}${printedPhrase}${def.passNote ? `; ${def.passNote}` : ""}${faultClause}.`,
    };
  }
  if (
    matchesCore &&
    def.published !== null &&
    def.atToolkitRate !== undefined &&
    excelRound(coreRate, 2) === PRINTED_RATE &&
    excelRound(def.atToolkitRate, def.decimals) === def.published
  ) {
    const equals = def.how.indexOf(" = ");
    const computed =
      equals >= 0
        ? `${capitalize(def.how.slice(0, equals))} = ${formatExact(def.unit, w)}`
        : `The ${def.label}, ${formatExact(def.unit, w)},`;
    return {
      verdict: "rounding",
      explanation: `${computed} prints as ${printsAs(w)}, not ${printed}; the toolkit computed with an unrounded rate: any rate from ${intervalText()} reproduces every printed figure.`,
    };
  }
  if (!matchesCore && upstreamFails.length === 0) {
    const rounding = def.roundings.find((r) => matches(w, r.value) && !matches(r.value, def.core));
    if (rounding) {
      if (def.sentences?.rounding) return { verdict: "rounding", explanation: def.sentences.rounding(w) };
      const toolkit =
        def.published === null
          ? `the core keeps it unrounded: ${def.how}`
          : `the toolkit's is unrounded: ${def.how}, which prints as ${printed}`;
      return {
        verdict: "rounding",
        explanation: `${capitalize(formatExact(def.unit, w))} is ${rounding.why}; ${toolkit}${def.id === "step7.budget.total" && def.passNote ? ` (${def.passNote})` : ""}.`,
      };
    }
    if (printedMatch && def.roundedInSource) {
      return { verdict: "rounding", explanation: def.sentences?.rounding?.(w) ?? `${def.how}.` };
    }
  }
  if (def.sentences?.fail) return fail(def.sentences.fail(w));
  if (matchesCore) {
    return fail(
      `${capitalize(def.how)}, as the core computes, but it prints as ${printsAs(w)}, not the published ${printed}: ${
        def.atToolkitRate !== undefined
          ? `the workbook's rate per hour, ${rate(coreRate)}, is not the toolkit's (see step6.ratePerHour)`
          : "the workbook's inputs are not the example's"
      }${faultClause}.`,
    );
  }
  const diagnosis = def.diagnose?.(w) ?? null;
  if (upstreamFails.length > 0 && diagnosis === null) {
    return fail(
      `The workbook's ${formatExact(def.unit, w)} follows from ${listWords(upstreamFails.map((id) => `the ${labels.get(id) ?? id}`))}, which fail${upstreamFails.length === 1 ? "s" : ""}; ${def.how}${faultClause}.`,
    );
  }
  return fail(
    `The workbook's ${formatExact(def.unit, w)} differs from the core's ${formatExact(def.unit, def.core)}: ${diagnosis ?? def.how}${faultClause}.`,
  );
}

/** A difference without binary noise: kept to 12 significant digits of the figures compared. */
export function difference(workbook: number, reference: number): number {
  const magnitude = Math.max(Math.abs(workbook), Math.abs(reference));
  if (magnitude === 0) return 0;
  return excelRound(workbook - reference, Math.max(0, 12 - Math.ceil(Math.log10(magnitude))));
}
