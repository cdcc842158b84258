import { isCaseRateInputError } from "../core";
import { COMPUTE_HELP, compute } from "./compute";
import { type CommandIo, UsageError } from "./io";

export const MAIN_HELP = `Usage: case-rate <command> [options]

Case Rate Workbench on the command line: the Case Rate Toolkit's arithmetic for behavioral-health
case rates (bundled payments).

Commands:
  compute MODEL.json   compute cases, case rates, the budget and PMPM of a rate-setting model

Run 'case-rate <command> --help' for a command's options.
`;

const EXIT_OK = 0;
const EXIT_USAGE = 2;

function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

/** Runs one command line; returns the exit code. Never throws for bad input. */
export function run(argv: readonly string[], io: CommandIo): number {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.out(MAIN_HELP);
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (command === "compute") {
      if (wantsHelp(args)) return (io.out(COMPUTE_HELP), EXIT_OK);
      if (args.length !== 1) throw new UsageError("compute takes one MODEL.json file; see 'case-rate compute --help'.");
      const [modelPath] = args;
      try {
        io.out(`${JSON.stringify(compute(modelPath), null, 2)}\n`);
      } catch (error) {
        if (isCaseRateInputError(error)) throw new UsageError(`${modelPath}: ${error.message}`);
        throw error;
      }
      return EXIT_OK;
    }
    throw new UsageError(`unknown command "${command}"; see 'case-rate --help'.`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`case-rate: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
