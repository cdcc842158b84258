import { CaseRateInputError } from "../errors";

/** The extract's columns by their default names; `required` ones must be in the header. */
export const ENCOUNTER_COLUMNS = [
  { column: "client_id", required: true },
  { column: "level", required: true },
  { column: "service_date", required: true },
  { column: "service_code", required: true },
  { column: "clinician_type", required: false },
  { column: "minutes", required: true },
  { column: "amount", required: false },
] as const;

/** A column by its default name. */
export type EncounterColumn = (typeof ENCOUNTER_COLUMNS)[number]["column"];

/** The extract's own names for columns whose names differ, e.g. { client_id: "MemberID" }. */
export type ColumnMap = Partial<Record<EncounterColumn, string>>;

/** Each column's position in the header; -1 for an optional column the extract lacks. */
export type ColumnIndexes = Record<EncounterColumn, number>;

const COLUMN_NAMES: readonly string[] = ENCOUNTER_COLUMNS.map((spec) => spec.column);

/**
 * A column map checked: an object whose keys are columns and whose values are non-empty names.
 * @example columnMapOf({ client_id: "MemberID" }) // { client_id: "MemberID" }
 */
export function columnMapOf(value: unknown): ColumnMap {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CaseRateInputError(
      "columns",
      "wrong-type",
      `the column map must be an object such as {"client_id": "MemberID"}.`,
    );
  }
  const map: ColumnMap = {};
  for (const [key, name] of Object.entries(value)) {
    if (!COLUMN_NAMES.includes(key)) {
      throw new CaseRateInputError(
        "columns",
        "wrong-type",
        `the column map names "${key}", which is not a column; the columns are ${COLUMN_NAMES.join(", ")}.`,
      );
    }
    if (typeof name !== "string" || name === "") {
      throw new CaseRateInputError(
        "columns",
        "wrong-type",
        `the column map gives ${key} no column name (it must be text).`,
      );
    }
    map[key as EncounterColumn] = name;
  }
  return map;
}

/**
 * Where each column is in the header, matched by exact name (the map's, else the default); a
 * missing required column or a name found twice is an error naming it.
 * @example columnIndexes(["level", "client_id", "service_date", "service_code", "minutes"], {}).client_id // 1
 */
export function columnIndexes(header: readonly string[], map: ColumnMap): ColumnIndexes {
  const indexes = {} as ColumnIndexes;
  for (const { column, required } of ENCOUNTER_COLUMNS) {
    const name = map[column] ?? column;
    const index = header.indexOf(name);
    const renamed = name === column ? "" : ` (${column})`;
    if (index >= 0 && header.indexOf(name, index + 1) >= 0) {
      throw new CaseRateInputError(
        "columns",
        "duplicate-id",
        `line 1: the header has the column "${name}"${renamed} twice.`,
      );
    }
    if (index < 0 && required) {
      const hint =
        name === column ? `; if it has another name, map it with --columns, e.g. {"${column}": "…"}` : "";
      throw new CaseRateInputError(
        "columns",
        "blank",
        `line 1: the header has no column "${name}"${renamed}${hint}.`,
      );
    }
    indexes[column] = index;
  }
  return indexes;
}
