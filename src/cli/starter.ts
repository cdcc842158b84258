import ExcelJS from "exceljs";
import { type ScenarioName, describeStarterWorkbook, starterOptions } from "../workbook/starter";
import { xlsxBytes } from "../workbook/xlsx/writeXlsx";
import { type ArgSpec, parseArgs } from "./args";
import { UsageError } from "./io";
import { writeFileAtomically } from "./writeAtomically";

export const STARTER_HELP = `Usage: case-rate starter [--example] [--provider] [--scenario Low|Medium|High] -o FILE.xlsx [--force]

Writes the starter workbook: the toolkit's eight rate-setting steps as live Excel formulas
(Guide, Inputs, Case Rates, Scenarios, Metrics, Checks), with named inputs and checks.

  --example            fill the inputs with the toolkit's worked example (else blank, to fill in)
  --provider           add the provider's clinical-financial model: caseloads, FTEs, costs, revenue,
                       dashboard, sensitivity and monthly monitoring
  --scenario NAME      the penetration scenario that drives the model (default Medium)
  -o, --output FILE    where to write the .xlsx
  --force              replace FILE if it exists and you may write it: a read-only FILE is never
                       replaced (otherwise an existing file is never touched)

The workbook is written in full to a temporary file beside FILE (.NAME.PID.RANDOM.tmp), flushed to
disk, checked, and only then put in place: FILE is the old file or the whole new one, never half
written. If the disk is full or the folder cannot be written, FILE is left as it was and no
temporary file stays behind; one left by a run that was killed is removed by the next run.
Exit codes: 0 written; 2 bad options or the file cannot be written (one line on stderr says why).
`;

/** The options `starter` accepts; the top-level help's test holds them to its usage line. */
export const STARTER_ARGS: ArgSpec = {
  flags: ["--example", "--provider", "--force"],
  valued: ["-o", "--output", "--scenario"],
};

/** `case-rate starter`: writes the starter workbook; returns the path written. */
export async function starter(args: readonly string[]): Promise<string> {
  const { flags, values, positionals } = parseArgs("starter", args, STARTER_ARGS);
  if (positionals.length > 0)
    throw new UsageError(`unexpected "${positionals[0]}"; see 'case-rate starter --help'.`);
  const output = values.get("-o") ?? values.get("--output");
  if (output === undefined)
    throw new UsageError("starter needs -o FILE.xlsx; see 'case-rate starter --help'.");
  if (!output.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(`${output}: the output file must end in .xlsx.`);
  const options = starterOptions({
    example: flags.has("--example"),
    provider: flags.has("--provider"),
    scenario: (values.get("--scenario") ?? "Medium") as ScenarioName,
  });
  writeFileAtomically(
    output,
    await xlsxBytes(describeStarterWorkbook(options), ExcelJS),
    flags.has("--force"),
  );
  return output;
}
