import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import {
  type AuditMapping,
  AuditInputError,
  type AuditReport,
  buildAuditReport,
  type Calculation,
  checkDefinedNameSizes,
  type DefinedName,
  type CellRef,
  exampleWrites,
  fieldSpec,
  fieldsHelp,
  type FieldLocations,
  type InputWrite,
  locateFields,
  overlayGrid,
  parseAuditMapping,
  renderText,
  reportJson,
} from "../audit";
import { readXlsx, type ReadWorkbook } from "../workbook/xlsx/readXlsx";
import { loadExcelJs, loadJsZip } from "./excelLibraries";
import { type ArgSpec, parseArgs } from "./args";
import { UsageError } from "./io";
import { findSoffice, LibreOfficeError, recalculateWithLibreOffice } from "./libreoffice";
import { MAPPING_FILE, readRegularFile, WORKBOOK_FILE } from "./readFile";
import { readJsonFile } from "./readJson";

export const AUDIT_HELP = `Usage: case-rate audit FILE.xlsx [--json] [--map MAPPING.json]

Checks a workbook's formulas against the Case Rate Toolkit's worked example. On a copy of FILE it
puts the example's inputs into the workbook's input cells, recalculates the copy with LibreOffice
(when installed), reads the outputs and compares each figure with the toolkit's printed value and
with the calculation core. FILE itself is only read, never written.

Each figure gets a verdict: pass (prints as the toolkit prints it and equals the core to 1e-9),
rounding (differs only by a rounding the toolkit made, such as its printed $158.62 rate or its
total of rounded rows) or fail; and one sentence of why. The workbook's formulas are also checked
for the FAST Standard's modelling faults: numbers typed inside formulas, rows whose formulas
differ across columns, numbers typed over formulas, references to empty cells, error values.

The audit fails when a figure fails, when a workbook audited without --map lacks one of the
starter workbook's outputs (a deleted CaseRates or PMPM name: its figures fail, naming the name),
or when any cell shows an error value (#NAME?, #REF!, #VALUE!, #DIV/0!…), which the report lists.

Ranges are counted from their corners before any cell is read: a field's range (mapped or named)
must have exactly the cells the field needs (at most 4), and a workbook whose defined names cover
more than 1,048,576 cells in all (one full column) is refused with exit 2.

  --json            print the report as JSON: summary, figures (figure, published, workbook, core,
                    difference, verdict, explanation, …), faults, sourceNotes, notes
  --map FILE.json   where a workbook of your own making keeps each field, e.g.
                    { "enrollees": "Inputs!C4", "caseRates": "'Rates'!C10:F10" }; fields not
                    mapped are looked up by the starter workbook's defined names:
${fieldsHelp()}

Without LibreOffice (soffice on PATH, or LIBREOFFICE_PATH) the audit reads the values last saved
in FILE, calculated with the file's own inputs, and says so on stderr and in the report. When
LibreOffice is installed but fails, or runs longer than CASE_RATE_LIBREOFFICE_TIMEOUT_MS
milliseconds (default 120000; it is then stopped), the audit judges nothing and exits with 2.
FILE can be at most ${WORKBOOK_FILE.maxMegabytes} MB and MAPPING.json ${MAPPING_FILE.maxMegabytes} MB (UTF-8 JSON).
Exit codes: 0 every figure is pass or rounding; 1 a figure fails; 2 FILE or the mapping is unusable.
`;

/** One workbook to audit. */
export interface AuditRequest {
  readonly path: string;
  readonly mapping?: AuditMapping;
}

export interface AuditFileResult {
  readonly path: string;
  readonly report: AuditReport;
}

/** A workbook read and prepared: where its fields are, and a copy with the example's inputs. */
interface Prepared {
  readonly request: AuditRequest;
  readonly original: ReadWorkbook;
  readonly locations: FieldLocations;
  readonly writes: readonly InputWrite[];
  readonly copy: string;
}

function unusable(path: string, reason: string): UsageError {
  return new UsageError(`${path}: ${reason}`);
}

/**
 * The workbook.xml of an .xlsx package; a file that is no zip package, or a package without a
 * workbook (a .docx), is refused in words, never with the zip reader's own message.
 */
async function workbookXml(path: string, bytes: Buffer): Promise<string> {
  const JSZip = await loadJsZip();
  const xml = await JSZip.loadAsync(bytes).then(
    (zip) => zip.file("xl/workbook.xml")?.async("string"),
    () => undefined,
  );
  if (xml === undefined) throw new UsageError(`${path} is not an Excel workbook (.xlsx).`);
  return xml;
}

/** The defined names in an .xlsx's workbook.xml. */
function definedNamesOf(xml: string): DefinedName[] {
  const entity: Record<string, string> = { amp: "&", apos: "'", quot: '"', lt: "<", gt: ">" };
  const decode = (text: string) => text.replace(/&(amp|apos|quot|lt|gt);/g, (_, e: string) => entity[e]);
  return [...xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
    name: decode(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ""),
    reference: decode(m[2]),
  }));
}

/**
 * Refuses, before ExcelJS reads the file, defined names too large to read: ExcelJS lists every
 * cell of a name, and one covering A1:XFD1048576 exhausts memory.
 */
async function refuseOversizedNames(path: string, bytes: Buffer): Promise<void> {
  const names = definedNamesOf(await workbookXml(path, bytes));
  try {
    checkDefinedNameSizes(names);
  } catch (error) {
    if (error instanceof AuditInputError) throw unusable(path, error.message);
    throw error;
  }
}

async function prepare(request: AuditRequest, work: string, index: number): Promise<Prepared> {
  const { path } = request;
  const bytes = readRegularFile(path, WORKBOOK_FILE);
  await refuseOversizedNames(path, bytes);
  let original: ReadWorkbook;
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    original = await readXlsx(new Uint8Array(bytes), ExcelJS);
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw unusable(
      path,
      `not an .xlsx workbook that can be read (${(error as Error).message.split("\n")[0]}).`,
    );
  }
  let locations: FieldLocations;
  try {
    locations = locateFields(request.mapping ?? {}, original.sheetNames, original.named);
  } catch (error) {
    if (error instanceof AuditInputError) throw unusable(path, error.message);
    throw error;
  }
  const outputs = [...locations.found.keys()].filter((field) => fieldSpec(field).kind === "output");
  if (outputs.length === 0) {
    throw unusable(
      path,
      "none of the cells the audit reads were found (no CaseRates, LevelBudgets, TotalBudget… names); give --map MAPPING.json (see 'case-rate audit --help').",
    );
  }
  const writes = exampleWrites(locations.found);
  for (const write of writes) {
    write.cells.forEach((ref, i) => {
      const worksheet = workbook.getWorksheet(ref.sheet);
      if (!worksheet) throw unusable(path, `sheet "${ref.sheet}" of ${write.field} cannot be written.`);
      worksheet.getCell(ref.address).value = write.values[i];
    });
  }
  const copy = join(work, `audit-${index + 1}.xlsx`);
  writeFileSync(copy, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  return { request, original, locations, writes, copy };
}

/** What the cached values stand for when nothing recalculated the file: its own inputs. */
function cachedNotes(prepared: Prepared): string[] {
  const differing = prepared.writes.filter((write) =>
    write.cells.some((ref, i) => {
      const value = prepared.original.cell(ref.sheet, ref.address)?.value ?? null;
      const wanted = write.values[i];
      return !(value === wanted || (value === "" && wanted === null));
    }),
  );
  const uncalculated = prepared.original
    .cells()
    .filter((cell) => cell.formula !== undefined && cell.value === null).length;
  const notes = [
    differing.length === 0
      ? "The file's inputs are the example's, so its saved values can be compared."
      : `The file's own inputs differ from the example's in ${differing.map((w) => prepared.locations.found.get(w.field)?.reference ?? w.field).join(", ")}: figures fed by them cannot match.`,
  ];
  if (uncalculated > 0) {
    notes.push(
      `${uncalculated} formula${uncalculated === 1 ? " has" : "s have"} no saved value: the file was written by a program and never calculated; open and save it in Excel, or install LibreOffice.`,
    );
  }
  return notes;
}

/**
 * Audits .xlsx files: each is read, a copy gets the example's inputs, every copy is recalculated
 * in one LibreOffice call (when installed), and each is judged. The files themselves are only read.
 * Throws LibreOfficeError when LibreOffice is installed but does not recalculate.
 */
export async function auditXlsxFiles(
  requests: readonly AuditRequest[],
  soffice: string | null = findSoffice(),
): Promise<AuditFileResult[]> {
  const work = mkdtempSync(join(tmpdir(), "case-rate-audit-"));
  const cleanup = [work];
  try {
    const prepared: Prepared[] = [];
    for (const [i, request] of requests.entries()) prepared.push(await prepare(request, work, i));
    let recalculated: ReadWorkbook[] | null = null;
    let calculation: Calculation;
    if (soffice === null) {
      calculation = {
        engine: "cached",
        note: "LibreOffice is not installed (no soffice on PATH or LIBREOFFICE_PATH), so nothing was recalculated: the audit read the values last saved in the file, calculated with the file's own inputs, not the toolkit's example.",
      };
    } else {
      // A LibreOffice that fails or hangs is a tool failure (LibreOfficeError, exit 2), not a
      // verdict on the workbook: the file's saved values are used only when it is not installed.
      const outputs = await recalculateWithLibreOffice(
        soffice,
        prepared.map((p) => p.copy),
      );
      cleanup.push(dirname(dirname(outputs[0])));
      const ExcelJS = await loadExcelJs();
      recalculated = await Promise.all(
        outputs.map((out) =>
          readXlsx(new Uint8Array(readFileSync(out)), ExcelJS).catch((error: Error) => {
            throw new LibreOfficeError(
              `LibreOffice wrote a copy that cannot be read (${error.message.split("\n")[0]}).`,
            );
          }),
        ),
      );
      calculation = { engine: "libreoffice" };
    }
    return prepared.map((p, i) => {
      const written: CellRef[] = p.writes.flatMap((write) => [...write.cells]);
      const values = recalculated?.[i];
      const grid = values ? overlayGrid(p.original, values, written) : p.original;
      const report = buildAuditReport({
        grid,
        locations: p.locations,
        calculation,
        notes: values ? [] : cachedNotes(p),
      });
      return { path: p.request.path, report };
    });
  } finally {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
}

/** What a command prints and the exit code it ends with. */
export interface CommandResult {
  readonly out: string;
  readonly err?: string;
  readonly code: number;
}

/** The options `audit` accepts; the top-level help's test holds them to its usage line. */
export const AUDIT_ARGS: ArgSpec = { flags: ["--json"], valued: ["--map"] };

/** `case-rate audit FILE.xlsx [--json] [--map MAPPING.json]`. */
export async function audit(args: readonly string[]): Promise<CommandResult> {
  const { flags, values, positionals } = parseArgs("audit", args, AUDIT_ARGS);
  if (positionals.length !== 1) {
    throw new UsageError("audit takes one FILE.xlsx; see 'case-rate audit --help'.");
  }
  const mapPath = values.get("--map");
  let mapping: AuditMapping = {};
  if (mapPath !== undefined) {
    try {
      mapping = parseAuditMapping(readJsonFile(mapPath, MAPPING_FILE));
    } catch (error) {
      if (error instanceof AuditInputError) throw new UsageError(`${mapPath}: ${error.message}`);
      throw error;
    }
  }
  let report: AuditReport;
  try {
    [{ report }] = await auditXlsxFiles([{ path: positionals[0], mapping }]);
  } catch (error) {
    if (!(error instanceof LibreOfficeError)) throw error;
    return {
      out: "",
      err: `case-rate: ${positionals[0]}: could not be audited: ${error.message}\n`,
      code: 2,
    };
  }
  const file = basename(positionals[0]);
  const out = flags.has("--json")
    ? `${JSON.stringify(reportJson(report, file), null, 2)}\n`
    : renderText(report, positionals[0]);
  return {
    out,
    ...(report.calculation.engine === "cached" ? { err: `case-rate: ${report.calculation.note}\n` } : {}),
    code: report.summary.result === "fail" ? 1 : 0,
  };
}
