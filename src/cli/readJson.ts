import { UsageError } from "./io";
import { type FileKind, MODEL_FILE, readRegularFile } from "./readFile";

/** JSON nested deeper than this is refused before parsing: a model or mapping needs four levels. */
export const MAX_JSON_NESTING = 64;

/** Reads and parses a JSON file (see readRegularFile for the limits), turning each way it can fail into one plain sentence. */
export function readJsonFile(path: string, kind: FileKind = MODEL_FILE): unknown {
  const bytes = readRegularFile(path, kind);
  // JSON saved as UTF-8 never holds a NUL byte; UTF-16 holds one in every ASCII character.
  if (isUtf16(bytes)) throw new UsageError(`${path}: the file is UTF-16; save it as UTF-8.`);
  if (bytes.includes(0)) {
    throw new UsageError(
      `${path}: not a text file (it holds NUL bytes); ${kind.noun} is JSON saved as UTF-8.`,
    );
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, ""); // a byte-order mark (Windows editors) is no JSON
  if (nestedTooDeep(text)) {
    throw new UsageError(
      `${path}: its lists and objects are nested more than ${MAX_JSON_NESTING} deep; ${kind.noun} can nest at most ${MAX_JSON_NESTING}.`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8 quotes the offending text, newlines included; keep the report to one line.
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message.replace(/\s+/g, " ")}).`);
  }
}

/** A UTF-16 byte-order mark (FF FE, FE FF), or text whose first character has one NUL byte of two. */
function isUtf16(bytes: Buffer): boolean {
  if (bytes.length < 2) return false;
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) return true;
  return (first === 0) !== (second === 0);
}

/** Whether brackets outside strings nest deeper than MAX_JSON_NESTING (a scan, so no parser recursion). */
function nestedTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_NESTING) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
