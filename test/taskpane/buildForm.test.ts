/**
 * The Build form's errors beside their fields: each refusal of the starter options lands beside
 * the field the core names by id (and on the rows it names by entry), whatever its words.
 */
import { CaseRateInputError } from "../../src/core/errors";
import { entryOf, field } from "../../src/core/fields";
import {
  type BuildForm,
  DEFAULT_FORM,
  fieldOf,
  levelsNamedBy,
  validateBuild,
  withLevelCount,
} from "../../src/taskpane/build/buildForm";

/** A custom-levels form without the example, with these levels (id, name). */
function customForm(levels: readonly (readonly [string, string])[]): BuildForm {
  return {
    ...DEFAULT_FORM,
    example: false,
    levelsMode: "custom",
    levelCount: String(levels.length),
    customLevels: levels.map(([id, name]) => ({ id, name })),
  };
}

const FOUR: readonly (readonly [string, string])[] = [
  ["A", "Maintenance"],
  ["B", "Skill building"],
  ["C", "Intensive"],
  ["D", "Crisis"],
];

describe("each kind of build-option error lands beside its field", () => {
  test("an unknown scenario: beside the scenario", () => {
    const { errors, options } = validateBuild({ ...DEFAULT_FORM, scenario: "Extreme" });
    expect(options).toBeUndefined();
    expect(errors).toEqual({ scenario: 'Scenario is "Extreme"; choose Low, Medium or High.' });
  });

  test("the example with other levels: beside the levels, no row singled out", () => {
    const validation = validateBuild({ ...customForm(FOUR.slice(0, 3)), example: true });
    expect(Object.keys(validation.errors)).toEqual(["levels"]);
    expect(validation.invalidLevels).toEqual([]);
  });

  test("a level with no name: beside the levels, on its row", () => {
    const validation = validateBuild(customForm([["A", "Maintenance"], ["B", " "], ...FOUR.slice(2)]));
    expect(validation.errors).toEqual({ levels: "Level 2 has no name; give every level of care a name." });
    expect(validation.invalidLevels).toEqual([1]);
  });

  test("a blank id: beside the levels, on its row", () => {
    const validation = validateBuild(customForm([...FOUR.slice(0, 2), [" ", "Intensive"], FOUR[3]]));
    expect(validation.errors).toEqual({
      levels: "Levels of care has a level with a blank id; give every level an id.",
    });
    expect(validation.invalidLevels).toEqual([2]);
  });

  test("an id twice: beside the levels, on both rows that hold it", () => {
    const validation = validateBuild(customForm([...FOUR.slice(0, 3), ["A", "Crisis"]]));
    expect(validation.errors).toEqual({
      levels: 'Levels of care lists level "A" twice; each level id must be unique.',
    });
    expect(validation.invalidLevels).toEqual([0, 3]);
  });

  test("a count the workbook cannot lay out: beside the levels, the count at fault", () => {
    const validation = validateBuild(withLevelCount(customForm(FOUR), "11"));
    expect(validation.errors).toEqual({ levels: "Levels of care has 11 levels; build with 1 to 10." });
    expect(validation.invalidCount).toBe(true);
  });
});

describe("fieldOf reads the id, not the words", () => {
  test("a renamed label keeps its field", () => {
    const scenario = new CaseRateInputError(
      field("scenario", "penetration case"),
      "out-of-range",
      "any words",
    );
    expect(fieldOf(scenario)).toBe("scenario");
    const levels = new CaseRateInputError(field("levels", "care tiers"), "empty", "any words");
    expect(fieldOf(levels)).toBe("levels");
  });

  test("a renamed per-level label keeps its field and its row", () => {
    const levels = FOUR.map(([id, name]) => ({ id, name }));
    const row = entryOf(field("levels", "care tiers"), 2, "(tier three)");
    const unnamed = new CaseRateInputError(row, "blank", "tier three is unnamed.");
    expect(fieldOf(unnamed)).toBe("levels");
    expect(levelsNamedBy(unnamed, levels)).toEqual([2]);
    const twice = new CaseRateInputError(row, "duplicate-id", "one tier twice.");
    expect(levelsNamedBy(twice, [...levels.slice(0, 3), { id: "C", name: "Again" }])).toEqual([2, 3]);
  });

  test("words that merely mention a field do not move the error there", () => {
    // The old reading of the label text sent these beside the scenario and the levels.
    expect(fieldOf(new CaseRateInputError("scenario", "out-of-range", "scenario is odd."))).toBe("form");
    const named = new CaseRateInputError(field("enrollees", "levels of enrollees"), "blank", "blank.");
    expect(fieldOf(named)).toBe("form");
  });
});
