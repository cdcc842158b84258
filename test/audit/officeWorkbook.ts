import { OfficeMockObject } from "office-addin-mock";
import { cellsOfRange, parseReference } from "../../src/audit";
import { cellAddress, parseCell } from "../../src/workbook/a1";
import { isFormula, type WorkbookSpec } from "../../src/workbook/spec";

/**
 * An open Excel workbook for the Office.js audit, on office-addin-mock: the request context, the
 * application and the sheets the code adds are mock objects; ranges record every write in call
 * order (as Office.js queues them) and answer loads at the next sync from a grid of cells. A
 * small engine stands in for Excel's recalculation.
 */

/** What a cell holds as the user typed it: a formula ("=…") or a constant. */
export type Content = string | number | boolean;

const NOT_LOADED = "Error, property was not loaded";
const ERROR = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!)$/;

export interface FakeOptions {
  /** Fill in values of formula cells from the grid, as Excel's recalculation would. */
  readonly engine?: (workbook: FakeWorkbook) => void;
  readonly calculationMode?: "Automatic" | "Manual";
  /** Make this sync (1-based) fail after its writes are applied, as a batch failing midway does. */
  readonly failSync?: number;
  /** Make getUsedRangeOrNullObject throw when the code asks for it. */
  readonly throwOnUsedRange?: boolean;
}

interface Write {
  readonly range: FakeRange;
  readonly prop: "values" | "formulas";
  readonly data: unknown[][];
}

/** A range of the fake workbook: loads are answered at sync; writes are queued in order. */
class FakeRange {
  private readonly loaded = new Set<string>();
  private readonly data = new Map<string, unknown>();
  private pending: string[] = [];
  isNullObject = false;
  selected = false;

  constructor(
    private readonly book: FakeWorkbook,
    readonly sheet: string,
    /** "D5:G5", or null for a sheet's used range (known at sync). */
    readonly range: string | null,
  ) {
    for (const prop of ["address", "formulas", "values", "valueTypes"] as const) {
      Object.defineProperty(this, prop, {
        get: () => (this.data.has(prop) ? this.data.get(prop) : NOT_LOADED),
        set: (value: unknown[][]) => {
          if (prop !== "formulas" && prop !== "values") throw new Error(`${prop} is read-only`);
          this.data.set(prop, value);
          book.queue({ range: this, prop, data: value });
        },
      });
    }
  }

  load(props: string): this {
    this.pending.push(...props.split(",").map((p) => p.trim()));
    return this;
  }

  select(): void {
    this.selected = true;
  }

  /** At sync: the loaded properties from the grid as it is now. */
  fulfil(): void {
    const address = this.range ?? this.book.usedRange(this.sheet);
    this.isNullObject = address === null;
    for (const prop of this.pending) {
      if (address === null) continue;
      this.data.set(prop, this.book.read(this.sheet, address, prop));
      this.loaded.add(prop);
    }
    this.pending = [];
  }
}

export class FakeWorkbook {
  /** Cell contents by sheet, then by address. */
  readonly contents = new Map<string, Map<string, Content>>();
  /** Calculated values of formula cells, by "sheet!address". */
  readonly values = new Map<string, unknown>();
  readonly names: { name: string; reference: string }[];
  readonly ranges: FakeRange[] = [];
  readonly addedSheets: { name: string; mock: OfficeMockObject & Record<string, unknown> }[] = [];
  readonly addedRanges: {
    sheet: string;
    address: string;
    mock: OfficeMockObject & Record<string, unknown>;
  }[] = [];
  readonly activated: string[] = [];
  /** The grid's inputs as the engine saw them at each recalculation, with the sync number. */
  readonly recalculations: { sync: number; snapshot: Map<string, Map<string, Content>> }[] = [];
  syncs = 0;
  private writes: Write[] = [];
  private calculateRequested = false;
  readonly context: Excel.RequestContext;

  constructor(
    sheets: Map<string, Map<string, Content>>,
    names: { name: string; reference: string }[],
    private readonly options: FakeOptions = {},
  ) {
    for (const [sheet, cells] of sheets) this.contents.set(sheet, new Map(cells));
    this.names = [...names];
    const worksheetStub = (name: string) => ({
      getRange: (address: string) => this.track(new FakeRange(this, name, address)),
      getUsedRangeOrNullObject: () => {
        if (this.options.throwOnUsedRange) throw new Error("used range unavailable");
        return this.track(new FakeRange(this, name, null));
      },
      activate: () => this.activated.push(name),
    });
    const context = new OfficeMockObject({
      workbook: {
        application: {
          calculationMode: options.calculationMode ?? "Automatic",
          calculate: () => {
            this.calculateRequested = true;
          },
        },
        worksheets: {
          getItem: (name: string) => worksheetStub(name),
          add: (name: string) => this.addSheet(name),
        },
        names: {},
      },
    }) as unknown as { workbook: Record<string, Record<string, unknown>>; sync: () => Promise<void> };
    // The mock cannot load "items/name" of a collection: answer it as Excel does after a sync.
    const worksheets = context.workbook.worksheets;
    worksheets.load = () => {
      worksheets.items = [...this.contents.keys()].map((name) => ({ name }));
      return worksheets;
    };
    const namesCollection = context.workbook.names;
    namesCollection.load = () => {
      namesCollection.items = this.names.map((n) => ({
        name: n.name,
        type: "Range",
        formula: `=${n.reference}`,
      }));
      return namesCollection;
    };
    const mockSync = context.sync.bind(context);
    context.sync = async () => {
      this.syncs++;
      this.flush();
      await mockSync();
      if (this.options.failSync === this.syncs) throw new Error(`sync ${this.syncs} failed`);
    };
    this.context = context as unknown as Excel.RequestContext;
    options.engine?.(this);
  }

  /** A copy of every cell's content, to compare before and after. */
  snapshot(): Map<string, Map<string, Content>> {
    return new Map([...this.contents].map(([sheet, cells]) => [sheet, new Map(cells)]));
  }

  queue(write: Write): void {
    this.writes.push(write);
  }

  track(range: FakeRange): FakeRange {
    this.ranges.push(range);
    return range;
  }

  private addSheet(name: string) {
    if (this.contents.has(name)) throw new Error(`A sheet named ${name} exists`);
    this.contents.set(name, new Map());
    const rangeSeed = () => ({
      format: { font: {}, fill: {}, borders: { getItem: () => ({}) } },
      dataValidation: {},
      conditionalFormats: { add: () => new OfficeMockObject({ custom: { rule: {}, format: { fill: {} } } }) },
    });
    const record = (address: string) => {
      const range = new OfficeMockObject(rangeSeed()) as OfficeMockObject & Record<string, unknown>;
      this.addedRanges.push({ sheet: name, address, mock: range });
      return range;
    };
    const mock = new OfficeMockObject({
      name,
      freezePanes: { freezeRows: () => undefined, freezeAt: () => undefined },
      pageLayout: {
        setPrintArea: () => undefined,
        setPrintTitleRows: () => undefined,
        headersFooters: { defaultForAllPages: { centerFooter: "" } },
      },
      horizontalPageBreaks: { add: () => undefined },
      activate: () => this.activated.push(name),
      getRange: (address: string) => record(address),
      // Range areas ("B5:D5,B9") record like a range: the writer sets one format on them.
      getRanges: (address: string) => record(address),
    }) as OfficeMockObject & Record<string, unknown>;
    this.addedSheets.push({ name, mock });
    return mock;
  }

  /** A sheet's used range ("A1:H40"), or null when the sheet is empty. */
  usedRange(sheet: string): string | null {
    const cells = [...(this.contents.get(sheet)?.keys() ?? [])].map(parseCell);
    if (cells.length === 0) return null;
    const rows = cells.map((c) => c.row);
    const columns = cells.map((c) => c.column);
    return `${cellAddress(Math.min(...rows), Math.min(...columns))}:${cellAddress(Math.max(...rows), Math.max(...columns))}`;
  }

  /** What a loaded property holds for a range, as Office.js gives it. */
  read(sheet: string, range: string, prop: string): unknown {
    if (prop === "address")
      return `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet}'`}!${range}`;
    const cells = cellsOfRange(sheet, range);
    const [first, last = first] = range.split(":").map(parseCell);
    const width = last.column - first.column + 1;
    const grid: unknown[][] = [];
    cells.forEach((cell, i) => {
      if (i % width === 0) grid.push([]);
      const content = this.contents.get(sheet)?.get(cell.address);
      const value = this.valueOf(sheet, cell.address);
      // Like Excel, formulas give a text constant without its quote prefix ("'2026" → "2026").
      const formula = typeof content === "string" && content.startsWith("'") ? content.slice(1) : content;
      grid[grid.length - 1].push(
        prop === "formulas"
          ? (formula ?? "")
          : prop === "values"
            ? (value ?? "")
            : value === undefined || value === ""
              ? "Empty"
              : typeof value === "number"
                ? "Double"
                : typeof value === "boolean"
                  ? "Boolean"
                  : ERROR.test(String(value))
                    ? "Error"
                    : "String",
      );
    });
    return grid;
  }

  /** A cell's calculated value: a constant, or what the engine computed for its formula. */
  valueOf(sheet: string, address: string): unknown {
    const content = this.contents.get(sheet)?.get(address);
    if (content === undefined) return undefined;
    if (typeof content === "string" && content.startsWith("=")) {
      const literal = /^=(-?\d+(?:\.\d+)?)$/.exec(content);
      return literal ? Number(literal[1]) : (this.values.get(`${sheet}!${address}`) ?? 0);
    }
    if (typeof content === "string" && content.startsWith("'")) return content.slice(1);
    return content;
  }

  /** Numbers (or text) a defined name's cells show. */
  named(name: string): unknown[] {
    const entry = this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    const parsed = entry ? parseReference(entry.reference) : null;
    if (!parsed || parsed.kind !== "range") return [];
    return cellsOfRange(parsed.sheet, parsed.range).map((cell) => this.valueOf(cell.sheet, cell.address));
  }

  setNamed(name: string, values: unknown[]): void {
    const entry = this.names.find((n) => n.name === name);
    const parsed = entry ? parseReference(entry.reference) : null;
    if (!parsed || parsed.kind !== "range") throw new Error(`no range name ${name}`);
    cellsOfRange(parsed.sheet, parsed.range).forEach((cell, i) =>
      this.values.set(`${cell.sheet}!${cell.address}`, values[i]),
    );
  }

  /** At sync: apply the queued writes in order, recalculate, then answer the loads. */
  private flush(): void {
    for (const write of this.writes) {
      const range = write.range;
      if (range.range === null) throw new Error("cannot write a used range");
      if (!this.contents.has(range.sheet)) throw new Error(`ItemNotFound: ${range.sheet}`);
      const cells = cellsOfRange(range.sheet, range.range);
      const flat = write.data.flat();
      cells.forEach((cell, i) => {
        const sheet = this.contents.get(cell.sheet)!;
        const value = flat[i];
        if (value === "" || value === null || value === undefined) sheet.delete(cell.address);
        // Excel reads what is written as if typed: "2026" becomes a number, "'2026" stays text.
        else if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value))
          sheet.set(cell.address, Number(value));
        else if (write.prop === "values" && typeof value === "string" && value.startsWith("=")) {
          sheet.set(cell.address, `'${value}`);
        } else sheet.set(cell.address, value as Content);
      });
    }
    const wrote = this.writes.length > 0;
    this.writes = [];
    if (
      this.options.engine &&
      wrote &&
      (this.options.calculationMode !== "Manual" || this.calculateRequested)
    ) {
      this.options.engine(this);
      this.recalculations.push({ sync: this.syncs, snapshot: this.snapshot() });
    }
    this.calculateRequested = false;
    for (const range of this.ranges) range.fulfil();
  }
}

/** A described workbook's cells as the user would have them: formulas with "=", constants as typed. */
export function contentsOf(spec: WorkbookSpec): Map<string, Map<string, Content>> {
  const sheets = new Map<string, Map<string, Content>>();
  for (const sheet of spec.sheets) {
    const cells = new Map<string, Content>();
    for (const block of sheet.blocks) {
      const origin = parseCell(block.address);
      block.rows.forEach((row, r) =>
        row.forEach((content, c) => {
          if (content === null) return;
          cells.set(
            cellAddress(origin.row + r, origin.column + c),
            isFormula(content) ? `=${content.formula}` : content,
          );
        }),
      );
    }
    sheets.set(sheet.name, cells);
  }
  return sheets;
}
