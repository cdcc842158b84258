/**
 * The History section's column dropdowns: each of the extract's columns matched by name in the
 * header (the core's rule: exact name), re-mappable by the user, and checked by the core.
 */
import { isCaseRateInputError } from "../../core/errors";
import {
  type ColumnMap,
  type EncounterColumn,
  ENCOUNTER_COLUMNS,
  columnIndexes,
} from "../../core/history/columns";

/** The header name chosen for each column; "" for none. */
export type ColumnChoice = Readonly<Record<EncounterColumn, string>>;

/**
 * Each column matched by its default name in the header, "" where the header lacks it.
 * @example matchColumns(["level", "client_id"]).client_id // "client_id"
 */
export function matchColumns(header: readonly string[]): ColumnChoice {
  const choice = {} as Record<EncounterColumn, string>;
  for (const { column } of ENCOUNTER_COLUMNS) choice[column] = header.includes(column) ? column : "";
  return choice;
}

/** The choice as the core's column map: only the columns given a header name. */
export function columnMapOfChoice(choice: ColumnChoice): ColumnMap {
  const map: ColumnMap = {};
  for (const { column } of ENCOUNTER_COLUMNS) if (choice[column] !== "") map[column] = choice[column];
  return map;
}

/** What is wrong with the choice, by column: a required column left unchosen, or the core's refusal. */
export function columnProblems(
  header: readonly string[],
  choice: ColumnChoice,
): Partial<Record<EncounterColumn, string>> {
  const problems: Partial<Record<EncounterColumn, string>> = {};
  for (const { column, required } of ENCOUNTER_COLUMNS) {
    if (required && choice[column] === "")
      problems[column] = `Choose the column that holds ${column}: the analysis needs it.`;
  }
  if (Object.keys(problems).length > 0) return problems;
  const names = ENCOUNTER_COLUMNS.map(({ column }) => choice[column]).filter((name) => name !== "");
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) {
    for (const { column } of ENCOUNTER_COLUMNS) {
      if (choice[column] === twice)
        problems[column] = `"${twice}" is chosen for two columns; each column needs its own.`;
    }
    return problems;
  }
  try {
    columnIndexes(header, columnMapOfChoice(choice));
  } catch (error) {
    if (!isCaseRateInputError(error)) throw error;
    const column = ENCOUNTER_COLUMNS.find(({ column }) => error.message.includes(`"${choice[column]}"`));
    problems[column?.column ?? "client_id"] = error.message;
  }
  return problems;
}
