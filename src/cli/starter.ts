import { createHash, type Hash } from "node:crypto";
import { basename } from "node:path";
import {
  type ScenarioName,
  type StarterOptions,
  describeStarterWorkbook,
  starterOptions,
  starterOptionsOfHistory,
} from "../workbook/starter";
import { xlsxBytes } from "../workbook/xlsx/writeXlsx";
import { type ArgSpec, parseArgs } from "./args";
import { loadExcelJs } from "./excelLibraries";
import { HISTORY_EXTRACT_ARGS, historyOfExtract } from "./history";
import { UsageError } from "./io";
import { writeFileAtomically } from "./writeAtomically";

export const STARTER_HELP = `Usage: case-rate starter [--example] [--provider] [--scenario Low|Medium|High] -o FILE.xlsx [--force]
       case-rate starter --history ENCOUNTERS.csv [--enrollees N] [--columns MAP.json]
           [--gap-days G] [--episode-days E] [--cohorts 10,30,50] [--strict] [--provider]
           [--scenario S] -o FILE.xlsx [--force]

Writes the starter workbook: the toolkit's eight rate-setting steps as live Excel formulas
(Guide, Inputs, Case Rates, Scenarios, Metrics, Checks), with named inputs and checks.

  --example            fill the inputs with the toolkit's worked example (else blank, to fill in)
  --provider           add the provider's clinical-financial model: caseloads, FTEs, costs, revenue,
                       dashboard, sensitivity and monthly monitoring
  --scenario NAME      the penetration scenario that drives the model (default Medium)
  --history FILE       fill the inputs from an encounter extract read as 'case-rate history' reads
                       it (its options: --enrollees, --columns, --gap-days, --episode-days,
                       --cohorts, --strict): the levels, case mix and hours (steps 4, 5), the
                       service codes, clinician types and rate per hour (step 6), with --enrollees
                       the enrollees and penetration rate as Medium, Low and High at 0.9x and 1.1x
                       of it, to review (steps 1, 2), and the Risk cohorts; an Encounter History
                       sheet records the file (name, rows, SHA-256) and what was found in it
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
  flags: ["--example", "--provider", "--force", ...HISTORY_EXTRACT_ARGS.flags],
  valued: ["-o", "--output", "--scenario", "--history", ...HISTORY_EXTRACT_ARGS.valued],
};

/** The starter's options from the extract at `path` (hashed as it streams), and the history's notes. */
async function fromExtract(
  path: string,
  values: ReadonlyMap<string, string>,
  strict: boolean,
): Promise<{ options: Partial<StarterOptions>; notes: string[] }> {
  let hash: Hash = createHash("sha256");
  // The extract may be read twice (when not sorted by client): the hash is of the pass that finished.
  const watcher = {
    start: () => (hash = createHash("sha256")),
    chunk: (bytes: Uint8Array) => hash.update(bytes),
  };
  const { model, notes } = await historyOfExtract(path, values, strict, watcher);
  const options = starterOptionsOfHistory(model, { name: basename(path), sha256: hash.digest("hex") });
  return { options, notes };
}

/** `case-rate starter`: writes the starter workbook; returns the path written and notes for stderr. */
export async function starter(args: readonly string[]): Promise<{ path: string; notes: string[] }> {
  const { flags, values, positionals } = parseArgs("starter", args, STARTER_ARGS);
  if (positionals.length > 0)
    throw new UsageError(`unexpected "${positionals[0]}"; see 'case-rate starter --help'.`);
  const output = values.get("-o") ?? values.get("--output");
  if (output === undefined)
    throw new UsageError("starter needs -o FILE.xlsx; see 'case-rate starter --help'.");
  if (!output.toLowerCase().endsWith(".xlsx"))
    throw new UsageError(`${output}: the output file must end in .xlsx.`);
  const historyPath = values.get("--history");
  const historyOnly = [...HISTORY_EXTRACT_ARGS.flags, ...HISTORY_EXTRACT_ARGS.valued].find(
    (option) => flags.has(option) || values.has(option),
  );
  if (historyPath === undefined && historyOnly !== undefined)
    throw new UsageError(`${historyOnly} reads an encounter extract: give it with --history ENCOUNTERS.csv.`);
  if (historyPath !== undefined && flags.has("--example"))
    throw new UsageError("--example and --history each fill the inputs; choose one.");
  const history =
    historyPath === undefined
      ? { options: {}, notes: [] }
      : await fromExtract(historyPath, values, flags.has("--strict"));
  const options = starterOptions({
    example: flags.has("--example"),
    provider: flags.has("--provider"),
    scenario: (values.get("--scenario") ?? "Medium") as ScenarioName,
    ...history.options,
  });
  writeFileAtomically(
    output,
    await xlsxBytes(describeStarterWorkbook(options), await loadExcelJs()),
    flags.has("--force"),
  );
  return { path: output, notes: history.notes };
}
