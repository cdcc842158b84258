import { OfficeMockObject } from "office-addin-mock";
import { parseCell } from "../../src/workbook/a1";

/** One range the code under test touched, with what it set. */
export interface RecordedRange {
  readonly sheet: string;
  readonly address: string;
  readonly mock: OfficeMockObject & Record<string, unknown>;
  /** The borders set through format.borders.getItem(edge), by edge. */
  readonly borders: Map<string, Record<string, unknown>>;
  /** The conditional formats added to the range, in order: their type and what was set on them. */
  readonly conditionalFormats: { type: string; mock: OfficeMockObject & Record<string, unknown> }[];
}

/** A sheet the code under test added, with what it set on it. */
export interface RecordedSheet {
  readonly mock: OfficeMockObject & Record<string, unknown>;
  /** The frozen panes: freezeRows(n), freezeColumns(n) or freezeAt(range) as rows and columns. */
  frozen?: { rows: number; columns: number };
  printArea?: string;
  /** The rows given to pageLayout.setPrintTitleRows, e.g. "$1:$3". */
  printTitleRows?: string;
  /** The ranges given to horizontalPageBreaks.add, in order. */
  readonly pageBreaks: string[];
}

/** A chart series the code under test added, with the ranges ("Sheet!A1:B2") it was given. */
export interface RecordedSeries {
  readonly name: string;
  values?: string;
  xAxisValues?: string;
  /** format.fill.setSolidColor's colour. */
  fill?: string;
  overlap?: number;
  gapWidth?: number;
}

/** One chart the code under test added, with what it set. */
export interface RecordedChart {
  readonly sheet: string;
  /** The arguments of `charts.add`; the source range as "Sheet!A1:B2". */
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string | undefined;
  /** The series calls in order: "delete 0", "add Name". */
  readonly steps: string[];
  readonly series: RecordedSeries[];
  position?: { from: string; to?: string };
  /** The chart object, for what was set on it (title.text, legend, axes). */
  readonly mock: OfficeMockObject & Record<string, unknown>;
}

/** An Excel workbook as office-addin-mock objects, recording sheets, names, ranges and syncs. */
export interface ExcelMock {
  readonly context: Excel.RequestContext;
  readonly syncs: () => number;
  readonly addedSheets: string[];
  readonly addedNames: { name: string; reference: string; comment?: string }[];
  readonly ranges: RecordedRange[];
  readonly charts: RecordedChart[];
  readonly activated: string[];
  /** The sheets added, by name. */
  readonly sheets: Map<string, RecordedSheet>;
  /** Sheets and names the code under test deleted (a loaded item's delete()). */
  readonly deletedSheets: string[];
  readonly deletedNames: string[];
}

/** How the mock misbehaves: `failSync: 2` makes the second context.sync() reject with `failure`. */
export interface ExcelMockFaults {
  readonly failSync?: number;
  readonly failure?: string;
}

function rangeSeed(
  borders: RecordedRange["borders"],
  conditionalFormats: RecordedRange["conditionalFormats"],
) {
  const edge = (name: string) => {
    if (!borders.has(name)) borders.set(name, {});
    return borders.get(name);
  };
  return {
    format: { font: {}, fill: {}, borders: { getItem: edge } },
    dataValidation: {},
    conditionalFormats: {
      add: (type: string) => {
        const mock = new OfficeMockObject({
          custom: { rule: {}, format: { fill: {} } },
        }) as OfficeMockObject & Record<string, unknown>;
        conditionalFormats.push({ type, mock });
        return mock;
      },
    },
  };
}

/**
 * A mock workbook that already holds `existingSheets` and `existingNames`. Collections answer
 * `load("items/name")` with the sheets and names there at that moment (those plus what was added,
 * less what was deleted), as Excel does after a sync; each item can be deleted.
 */
export function excelMock(
  existingSheets: string[] = ["Sheet1"],
  existingNames: string[] = [],
  faults: ExcelMockFaults = {},
): ExcelMock {
  const addedSheets: string[] = [];
  const addedNames: { name: string; reference: string; comment?: string }[] = [];
  const ranges: RecordedRange[] = [];
  const charts: RecordedChart[] = [];
  const activated: string[] = [];
  const deletedSheets: string[] = [];
  const deletedNames: string[] = [];
  /** A range object handed back to the mock, as "Sheet!address". */
  const addressOf = (range: unknown) => {
    const recorded = ranges.find((r) => r.mock === range);
    if (!recorded) throw new Error("Not a range of this workbook");
    return `${recorded.sheet}!${recorded.address}`;
  };
  const chart = (sheet: string, type: string, source: unknown, seriesBy?: string) => {
    const steps: string[] = [];
    const series: RecordedSeries[] = [];
    const mock = new OfficeMockObject({
      title: {},
      legend: {},
      axes: { categoryAxis: {}, valueAxis: {} },
      series: {
        getItemAt: (index: number) => ({ delete: () => steps.push(`delete ${index}`) }),
        add: (name: string) => {
          steps.push(`add ${name}`);
          const added: RecordedSeries = { name };
          series.push(added);
          return {
            setValues: (range: unknown) => (added.values = addressOf(range)),
            setXAxisValues: (range: unknown) => (added.xAxisValues = addressOf(range)),
            format: { fill: { setSolidColor: (color: string) => (added.fill = color) } },
            set overlap(value: number) {
              added.overlap = value;
            },
            set gapWidth(value: number) {
              added.gapWidth = value;
            },
          };
        },
      },
      setPosition: (from: string, to?: string) => (recorded.position = { from, to }),
    }) as OfficeMockObject & Record<string, unknown>;
    const recorded: RecordedChart = { sheet, type, source: addressOf(source), seriesBy, steps, series, mock };
    charts.push(recorded);
    return mock;
  };
  const recordRange = (sheet: string, address: string) => {
    const borders: RecordedRange["borders"] = new Map();
    const conditionalFormats: RecordedRange["conditionalFormats"] = [];
    const mock = new OfficeMockObject(rangeSeed(borders, conditionalFormats)) as OfficeMockObject &
      Record<string, unknown>;
    ranges.push({ sheet, address, mock, borders, conditionalFormats });
    return mock;
  };
  const sheets = new Map<string, RecordedSheet>();
  const worksheet = (name: string) => {
    const record: Omit<RecordedSheet, "mock"> = { pageBreaks: [] };
    const freezeAt = (range: unknown) => {
      const corner = parseCell(addressOf(range).split("!")[1].split(":").pop()!);
      record.frozen = { rows: corner.row, columns: corner.column };
    };
    const mock = new OfficeMockObject({
      name,
      freezePanes: {
        freezeRows: (rows: number) => (record.frozen = { rows, columns: 0 }),
        freezeColumns: (columns: number) => (record.frozen = { rows: 0, columns }),
        freezeAt,
      },
      horizontalPageBreaks: { add: (range: string) => record.pageBreaks.push(range) },
      pageLayout: {
        setPrintArea: (area: string) => (record.printArea = area),
        setPrintTitleRows: (rows: string) => (record.printTitleRows = rows),
        headersFooters: { defaultForAllPages: { centerFooter: "" } },
      },
      activate: () => activated.push(name),
      delete: () => deletedSheets.push(name),
      getRange: (address: string) => recordRange(name, address),
      // Range areas ("B5:D5,B9") record like a range: the writer sets the same format on them.
      getRanges: (address: string) => recordRange(name, address),
      charts: {
        add: (type: string, source: unknown, seriesBy?: string) => chart(name, type, source, seriesBy),
      },
    }) as OfficeMockObject & Record<string, unknown>;
    return Object.assign(record, { mock }) as RecordedSheet;
  };
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        add: (name: string) => {
          addedSheets.push(name);
          const added = worksheet(name);
          sheets.set(name, added);
          return added.mock;
        },
        getItem: (name: string) => worksheet(name).mock,
      },
      names: {
        add: (name: string, reference: string, comment?: string) =>
          addedNames.push({ name, reference, comment }),
      },
    },
  }) as unknown as { workbook: Record<string, Record<string, unknown>>; sync: () => Promise<void> };
  // The mock cannot load "items/name" of a collection: answer it with the names there now.
  const collection = (present: () => string[], deleted: string[]) => ({
    load() {
      (this as unknown as { items: unknown }).items = present().map((name) => ({
        name,
        delete: () => deleted.push(name),
      }));
      return this;
    },
  });
  const present = (existing: string[], added: string[], deleted: string[]) => () =>
    [...existing, ...added].filter((name) => !deleted.includes(name));
  Object.assign(
    context.workbook.worksheets,
    collection(present(existingSheets, addedSheets, deletedSheets), deletedSheets),
  );
  const addedNameList = () => addedNames.map((n) => n.name);
  Object.assign(
    context.workbook.names,
    collection(() => present(existingNames, addedNameList(), deletedNames)(), deletedNames),
  );
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await sync();
    if (syncs === faults.failSync) throw new Error(faults.failure ?? "The request failed.");
  };
  return {
    context: context as unknown as Excel.RequestContext,
    syncs: () => syncs,
    addedSheets,
    addedNames,
    ranges,
    charts,
    activated,
    sheets,
    deletedSheets,
    deletedNames,
  };
}
