import { readFileSync } from "node:fs";
import { UsageError } from "./io";

/** Reads and parses a JSON file, turning each way it can fail into one plain sentence. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : "cannot be read";
    throw new UsageError(`${path}: ${reason}.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")) as unknown; // a byte-order mark (Windows editors) is no JSON
  } catch (error) {
    // V8 quotes the offending text, newlines included; keep the report to one line.
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message.replace(/\s+/g, " ")}).`);
  }
}
