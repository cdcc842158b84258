import { UsageError } from "./io";

/** Options a command accepts: flags (no value) and options that take a value. */
export interface ArgSpec {
  readonly flags: readonly string[];
  readonly valued: readonly string[];
}

/** Splits arguments into flags, valued options and positionals; unknown options are refused. */
export function parseArgs(
  command: string,
  args: readonly string[],
  spec: ArgSpec,
): { flags: Set<string>; values: Map<string, string>; positionals: string[] } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-")) positionals.push(arg);
    else if (spec.flags.includes(arg)) flags.add(arg);
    else if (spec.valued.includes(arg)) {
      const value = args[++i];
      if (value === undefined)
        throw new UsageError(`${arg} needs a value; see 'case-rate ${command} --help'.`);
      values.set(arg, value);
    } else throw new UsageError(`unknown option ${arg}; see 'case-rate ${command} --help'.`);
  }
  return { flags, values, positionals };
}
