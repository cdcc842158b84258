import { OfficeMockObject } from "office-addin-mock";

/** One range the code under test touched, with what it set. */
export interface RecordedRange {
  readonly sheet: string;
  readonly address: string;
  readonly mock: OfficeMockObject & Record<string, unknown>;
}

/** An Excel workbook as office-addin-mock objects, recording sheets, names, ranges and syncs. */
export interface ExcelMock {
  readonly context: Excel.RequestContext;
  readonly syncs: () => number;
  readonly addedSheets: string[];
  readonly addedNames: { name: string; reference: string; comment?: string }[];
  readonly ranges: RecordedRange[];
  readonly activated: string[];
}

function rangeSeed() {
  return {
    format: { font: {}, fill: {}, borders: { getItem: () => ({}) } },
    dataValidation: {},
    conditionalFormats: {
      add: () => new OfficeMockObject({ custom: { rule: {}, format: { fill: {} } } }),
    },
  };
}

/**
 * A mock workbook that already holds `existingSheets` and `existingNames`. Collections answer
 * `load("items/name")` with those names, as Excel does after a sync.
 */
export function excelMock(existingSheets: string[] = ["Sheet1"], existingNames: string[] = []): ExcelMock {
  const addedSheets: string[] = [];
  const addedNames: { name: string; reference: string; comment?: string }[] = [];
  const ranges: RecordedRange[] = [];
  const activated: string[] = [];
  const worksheet = (name: string) =>
    new OfficeMockObject({
      name,
      freezePanes: { freezeRows: () => undefined, freezeAt: () => undefined },
      pageLayout: { setPrintArea: () => undefined },
      activate: () => activated.push(name),
      getRange: (address: string) => {
        const mock = new OfficeMockObject(rangeSeed()) as OfficeMockObject & Record<string, unknown>;
        ranges.push({ sheet: name, address, mock });
        return mock;
      },
    });
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        add: (name: string) => {
          addedSheets.push(name);
          return worksheet(name);
        },
      },
      names: {
        add: (name: string, reference: string, comment?: string) =>
          addedNames.push({ name, reference, comment }),
      },
    },
  }) as unknown as { workbook: Record<string, Record<string, unknown>>; sync: () => Promise<void> };
  // The mock cannot load "items/name" of a collection: answer it with the existing names.
  const collection = (names: string[]) => ({
    load() {
      (this as unknown as { items: unknown }).items = names.map((name) => ({ name }));
      return this;
    },
  });
  Object.assign(context.workbook.worksheets, collection(existingSheets));
  Object.assign(context.workbook.names, collection(existingNames));
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await sync();
  };
  return {
    context: context as unknown as Excel.RequestContext,
    syncs: () => syncs,
    addedSheets,
    addedNames,
    ranges,
    activated,
  };
}
