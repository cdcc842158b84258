import { isCaseRateInputError } from "../core";
import type { ArgSpec } from "./args";
import { AUDIT_ARGS, AUDIT_HELP, audit, type CommandResult } from "./audit";
import { COMPUTE_HELP, compute } from "./compute";
import { CONTRACT_ARGS, CONTRACT_HELP, contract } from "./contract";
import { HISTORY_ARGS, HISTORY_HELP, history } from "./history";
import { type CommandIo, UsageError } from "./io";
import { RISK_HELP, risk } from "./risk";
import { STARTER_ARGS, STARTER_HELP, starter } from "./starter";

const EXIT_OK = 0;
const EXIT_USAGE = 2;

/** A command: its help text and what it does, given its arguments; returns what to print (exit 0) or a result. */
interface Command {
  readonly help: string;
  /** What it does, for the top-level help (after the usage line its own help starts with). */
  readonly summary: string;
  /** The options its parser accepts. */
  readonly args: ArgSpec;
  readonly run: (args: readonly string[]) => Promise<string | CommandResult>;
}

/** Commands that read one MODEL.json: their input errors are prefixed with the file's name. */
const MODEL_COMMANDS = new Set(["compute", "risk"]);

/** A model command's JSON on stdout and its warnings, one line each, on stderr; exit 0. */
function modelOutput(file: string, output: unknown, warnings: readonly string[]): CommandResult {
  const err = warnings.map((warning) => `case-rate: ${file}: warning: ${warning}\n`).join("");
  return { out: `${JSON.stringify(output, null, 2)}\n`, err, code: EXIT_OK };
}

const COMMANDS: Record<string, Command> = {
  compute: {
    help: COMPUTE_HELP,
    summary: "cases, case rates, the budget and PMPM of a rate-setting model, as JSON",
    args: { flags: [], valued: [] },
    run: async (args) => {
      if (args.length !== 1)
        throw new UsageError("compute takes one MODEL.json file; see 'case-rate compute --help'.");
      const { result, warnings } = compute(args[0]);
      return modelOutput(args[0], result, warnings);
    },
  },
  risk: {
    help: RISK_HELP,
    summary: "the spread of the year's cost around the budget: risk reserve, chance over budget",
    args: { flags: [], valued: [] },
    run: async (args) => {
      if (args.length !== 1)
        throw new UsageError("risk takes one MODEL.json file; see 'case-rate risk --help'.");
      const { report, warnings } = risk(args[0]);
      return modelOutput(args[0], report, warnings);
    },
  },
  contract: {
    help: CONTRACT_HELP,
    summary: "contract terms (outliers, corridors, withholds, shared savings): priced, the year settled",
    args: CONTRACT_ARGS,
    run: async (args) => {
      const { modelPath, report, warnings } = await contract(args);
      return modelOutput(modelPath, report, warnings);
    },
  },
  starter: {
    help: STARTER_HELP,
    summary:
      "write the starter workbook (live Excel formulas); -o can also be written --output;\n" +
      "      --history ENCOUNTERS.csv [--enrollees N] [--columns MAP.json] [--gap-days G]\n" +
      "      [--episode-days E] [--cohorts 10,30,50] [--strict] fills its inputs from encounters",
    args: STARTER_ARGS,
    run: async (args) => {
      const { path, notes } = await starter(args);
      return {
        out: `Wrote ${path}\n`,
        err: notes.map((note) => `case-rate: note: ${note}\n`).join(""),
        code: EXIT_OK,
      };
    },
  },
  audit: {
    help: AUDIT_HELP,
    summary: "check a workbook's formulas against the toolkit's worked example",
    args: AUDIT_ARGS,
    run: audit,
  },
  history: {
    help: HISTORY_HELP,
    summary:
      "a model (case mix, hours, rates) from encounters: [--gap-days G] [--episode-days E]\n" +
      "      [--cohorts 10,30,50] [--strict] [-o MODEL.json [--force]]; --episodes EPISODES.csv\n" +
      "      reads episode summaries; --sql prints the warehouse query that makes them",
    args: HISTORY_ARGS,
    run: history,
  },
};

/** A command's usage without "Usage: case-rate ": the first line of its own help, so it cannot drift. */
function usageOf(command: Command): string {
  return command.help.split("\n")[0].replace(/^Usage: case-rate /, "");
}

export const MAIN_HELP = `Usage: case-rate <command> [options]

Case Rate Workbench on the command line: the Case Rate Toolkit's arithmetic for behavioral-health
case rates (bundled payments).

Commands:
${Object.values(COMMANDS)
  .map((command) => `  ${usageOf(command)}\n      ${command.summary}\n`)
  .join("")}
Run 'case-rate <command> --help' for a command's options.
`;

/** The options each command's parser accepts, by command: the top-level help's test checks them. */
export const COMMAND_ARGS: Readonly<Record<string, ArgSpec>> = Object.fromEntries(
  Object.entries(COMMANDS).map(([name, command]) => [name, command.args]),
);

/** Runs one command line; resolves to the exit code. Bad input never throws: it is one line on stderr. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err("case-rate: no command given; see 'case-rate --help'.\n");
    return EXIT_USAGE;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(MAIN_HELP);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  try {
    if (command === undefined) throw new UsageError(`unknown command "${name}"; see 'case-rate --help'.`);
    if (args.includes("--help") || args.includes("-h")) {
      io.out(command.help);
      return EXIT_OK;
    }
    const result = await command.run(args);
    if (typeof result === "string") {
      io.out(result);
      return EXIT_OK;
    }
    if (result.err) io.err(result.err);
    io.out(result.out);
    return result.code;
  } catch (error) {
    if (error instanceof UsageError || isCaseRateInputError(error)) {
      const where = MODEL_COMMANDS.has(name) && isCaseRateInputError(error) ? `${args[0]}: ` : "";
      io.err(`case-rate: ${where}${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
