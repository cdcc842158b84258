import {
  AuditInputError,
  cellsOfRange,
  exampleWrites,
  locateFields,
  parseAuditMapping,
  parseReference,
  restoreFormulas,
} from "../../src/audit";
import { TOOLKIT_RATE_PER_HOUR } from "../../src/core/toolkit/example";
import { STARTER_NAMES } from "./starterGrid";

const starterSheets = ["Guide", "Inputs", "Case Rates", "Scenarios", "Metrics", "Checks"];
const named = (name: string) => STARTER_NAMES.get(name);

describe("references", () => {
  test.each([
    ["Inputs!$D$5", { kind: "range", sheet: "Inputs", range: "D5" }],
    ["='Case Rates'!D12:G12", { kind: "range", sheet: "Case Rates", range: "D12:G12" }],
    ["'It''s'!a1", { kind: "range", sheet: "It's", range: "A1" }],
    ["CaseRates", { kind: "name", name: "CaseRates" }],
    ["D5", null],
    ["Inputs!", null],
    ["Inputs!D0", null],
    ["two words", null],
  ])("%s", (text, parsed) => {
    expect(parseReference(text)).toEqual(parsed);
  });

  test("a range's cells, row by row", () => {
    expect(cellsOfRange("S", "D5:E6").map((c) => c.address)).toEqual(["D5", "E5", "D6", "E6"]);
  });
});

describe("mapping and fields", () => {
  test("the starter workbook is found by its names, and the example goes into its inputs", () => {
    const { found, missing } = locateFields({}, starterSheets, named);
    expect([...missing].sort()).toEqual(
      ["cohortAverageHours", "cohortClients", "cohortHours", "penetrationRate"].sort(),
    );
    const writes = new Map(exampleWrites(found).map((w) => [w.field, w.values]));
    expect(writes.get("enrollees")).toEqual([30000]);
    expect(writes.get("penetrationRates")).toEqual([0.09, 0.1, 0.11]);
    expect(writes.get("scenario")).toEqual(["Medium"]);
    expect(writes.get("ratePerHour")).toEqual([TOOLKIT_RATE_PER_HOUR]);
    expect(writes.get("levelRatesPerHour")).toEqual([null, null, null, null]);
    expect(writes.has("penetrationRate")).toBe(false);
  });

  test("a mapping overrides a name, and a column works as well as a row", () => {
    const { found } = locateFields({ caseMix: "Inputs!K1:K4" }, starterSheets, named);
    expect(found.get("caseMix")!.cells.map((c) => c.address)).toEqual(["K1", "K2", "K3", "K4"]);
  });

  test.each([
    [[], "the mapping must be an object of field: reference"],
    [{ caseMixes: "Inputs!D5" }, 'the mapping has an unknown field "caseMixes"; fields are enrollees, '],
    [{ caseMix: 5 }, 'the mapping\'s caseMix is 5; give a range such as "Inputs!D5:G5" or a defined name.'],
    [{ caseMix: "Inputs!D5:" }, 'the mapping\'s caseMix is "Inputs!D5:"'],
  ])("refuses the mapping %j", (json, message) => {
    expect(() => parseAuditMapping(json)).toThrow(AuditInputError);
    expect(() => parseAuditMapping(json)).toThrow(message);
  });

  test.each([
    [
      { caseRates: "Rates!D12:G12" },
      `the mapping's caseRates points at sheet "Rates", which this workbook does not have.`,
    ],
    [
      { caseRates: "MyRates" },
      `the mapping's caseRates is the name "MyRates", which this workbook does not define.`,
    ],
    [
      { caseMix: "Inputs!D5:F5" },
      "Inputs!D5:F5 has 3 cells for case mix, one share per level of care; the toolkit's worked example has 4, so the audit cannot use this workbook as it is.",
    ],
    [{ caseMix: "Inputs!D5:E6" }, "Inputs!D5:E6 spans several rows and columns"],
  ])("refuses a workbook the mapping does not fit: %j", (mapping, message) => {
    expect(() => locateFields(mapping, starterSheets, named)).toThrow(message);
  });
});

describe("restoring inputs", () => {
  test("formulas and plain constants go back as they were; text that Excel would re-read keeps its text", () => {
    expect(
      restoreFormulas(
        [["=30000", 0.37, "Medium", "", "00123", "TRUE", "10%", "2024-01-31", "=A1", "-5"]],
        [["Double", "Double", "String", "Empty", "String", "String", "String", "String", "String", "String"]],
      ),
    ).toEqual([["=30000", 0.37, "Medium", "", "'00123", "'TRUE", "'10%", "'2024-01-31", "=A1", "'-5"]]);
  });
});
