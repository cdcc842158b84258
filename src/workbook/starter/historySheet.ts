import type { HistoryLevelStatistics } from "../../core/history/analysis";
import type { ServiceFigures } from "../../core/history/services";
import { LABEL_COLUMN } from "../layout";
import type { CellContent, SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import { type StarterContext, HISTORY_SHEET } from "./context";
import { clinicianTypesOf } from "./fromHistory";
import type { StarterHistory } from "./options";
import { TAB_COLORS, TOP_ROWS } from "./sheetTop";
import { StarterSheetBuilder } from "./starterSheet";

/** Columns a cohort table takes: from, to, episodes, average hours. */
const COHORT_COLUMNS = 4;
/** The service-code table's figures before its clinician mix: hours, amount, rate per hour. */
const SERVICE_FIGURES = 3;

/** A per-level statistic of `history.levels[]` as a line of the sheet. */
interface LevelLine {
  readonly label: string;
  readonly units: string;
  readonly value: (level: HistoryLevelStatistics) => number | undefined;
  readonly numberFormat: string;
}

const LEVEL_LINES: readonly LevelLine[] = [
  { label: "Episodes", units: "episodes", value: (l) => l.episodes, numberFormat: NUMBER_FORMATS.count },
  { label: "Clients", units: "clients", value: (l) => l.clients, numberFormat: NUMBER_FORMATS.count },
  { label: "Hours", units: "hours", value: (l) => l.hours, numberFormat: NUMBER_FORMATS.hours },
  { label: "Average", units: "hours per episode", value: (l) => l.averageHours, numberFormat: "0.00" },
  { label: "Median", units: "hours per episode", value: (l) => l.medianHours, numberFormat: "0.00" },
  { label: "10th percentile", units: "hours per episode", value: (l) => l.p10Hours, numberFormat: "0.00" },
  { label: "25th percentile", units: "hours per episode", value: (l) => l.p25Hours, numberFormat: "0.00" },
  { label: "75th percentile", units: "hours per episode", value: (l) => l.p75Hours, numberFormat: "0.00" },
  { label: "90th percentile", units: "hours per episode", value: (l) => l.p90Hours, numberFormat: "0.00" },
  { label: "Standard deviation", units: "hours per episode", value: (l) => l.sdHours, numberFormat: "0.00" },
  { label: "Minimum", units: "hours per episode", value: (l) => l.minHours, numberFormat: "0.00" },
  { label: "Maximum", units: "hours per episode", value: (l) => l.maxHours, numberFormat: "0.00" },
  {
    label: "Rate per hour (the level's own)",
    units: "$ per hour",
    value: (l) => l.ratePerHour,
    numberFormat: NUMBER_FORMATS.dollarsCents,
  },
];

/** The episode rule in words, with the settings the history used. */
function episodeRuleInWords(gapDays: number, episodeDays: number): string[] {
  return [
    `A run is one client's services at one level, in date order, with no gap between service dates longer than ${gapDays} days.`,
    `Each run is cut into episodes of ${episodeDays} days from its first service: a service on day d is in episode floor((d − run start) ÷ ${episodeDays}).`,
  ];
}

/**
 * The Encounter History sheet: a record (values, not formulas) of what `case-rate history` found in the
 * encounter data: the file, the episode rule, data quality, each level's hours per episode, the
 * cohort tables and the service codes with their clinician mix. It reads no name, so it can be
 * written into any workbook.
 */
export function historySheet(ctx: StarterContext, { model, source }: StarterHistory): SheetSpec {
  const record = model.history;
  const levels = record.levels;
  const services = (record.services ?? []) as readonly ServiceFigures[];
  const clinicians = clinicianTypesOf(services);
  const valueColumns = Math.max(levels.length, COHORT_COLUMNS, SERVICE_FIGURES + clinicians.length);
  const widest = valueColumns + 2;
  const sheet = new StarterSheetBuilder(
    ctx,
    HISTORY_SHEET,
    TAB_COLORS.docs,
    [2, 46, 22, ...Array<number>(valueColumns).fill(21)],
    { rows: TOP_ROWS, columns: 0 },
  );
  sheet.heading([HISTORY_SHEET], "title");
  sheet.note("A record of the encounter data, as values: it is not recalculated and nothing reads it.");
  sheet.heading(
    ["What the inputs of steps 1, 2, 4, 5 and 6 and the Risk cohorts were taken from (case-rate history)."],
    "subtitle",
  );
  const value = (label: string, units: string, cell: CellContent, numberFormat: string) =>
    sheet.line(label, units, [cell], { style: "calc", numberFormat });

  sheet.section("Encounter file", widest);
  if (source !== undefined && "sha256" in source) {
    value("File", "", source.name, NUMBER_FORMATS.general);
    value("SHA-256", "", source.sha256, NUMBER_FORMATS.general);
  } else if (source !== undefined) {
    value(source.excel === "table" ? "Excel table" : "Excel range", "", source.name, NUMBER_FORMATS.general);
  }
  if (record.rows !== undefined) value("Data rows", "rows", record.rows, NUMBER_FORMATS.count);

  if (record.gapDays !== undefined && record.episodeDays !== undefined) {
    sheet.section("Episode rule", widest);
    value("Longest gap within a run", "days", record.gapDays, NUMBER_FORMATS.count);
    value("Episode length", "days", record.episodeDays, NUMBER_FORMATS.count);
    for (const line of episodeRuleInWords(record.gapDays, record.episodeDays)) sheet.note(line);
  }

  sheet.section("Data quality", widest);
  if (record.rows !== undefined) value("Rows read", "rows", record.rows, NUMBER_FORMATS.count);
  if (record.validRows !== undefined) value("Rows used", "rows", record.validRows, NUMBER_FORMATS.count);
  if (record.rejected !== undefined) {
    if (record.rejected.length === 0) sheet.note("No row was rejected.");
    else {
      sheet.line("Rejected, by reason", "", ["Rows", "First line"], { style: "header" });
      for (const rejected of record.rejected) {
        sheet.line(rejected.reason, "", [rejected.count, rejected.firstLine], {
          style: "calc",
          numberFormat: NUMBER_FORMATS.count,
        });
      }
    }
  }
  if (record.duplicateRows !== undefined) {
    value("Possible duplicates (identical rows)", "rows", record.duplicateRows, NUMBER_FORMATS.count);
  }
  if (record.clientsWithOverlappingLevels !== undefined) {
    value(
      "Clients with overlapping levels",
      "clients",
      record.clientsWithOverlappingLevels,
      NUMBER_FORMATS.count,
    );
  }
  value("Clients, all levels", "clients", record.clients, NUMBER_FORMATS.count);
  value("Episodes, all levels", "episodes", record.episodes, NUMBER_FORMATS.count);

  sheet.section("Hours per episode, by level of care", widest);
  sheet.line(
    "Level of care",
    "",
    levels.map((level) => level.id),
    { style: "header" },
  );
  for (const line of LEVEL_LINES) {
    sheet.line(
      line.label,
      line.units,
      levels.map((level) => line.value(level) ?? null),
      { style: "calc", numberFormat: line.numberFormat },
    );
  }

  sheet.section("Cohorts of hours per episode, by level of care", widest);
  for (const level of levels) {
    sheet.line(`Level ${level.id}`, "", ["From hours", "To hours", "Episodes", "Average hours"], {
      style: "header",
    });
    level.cohorts.forEach((cohort, k) => {
      const row = sheet.line(`Cohort ${k + 1}`, "hours per episode", [cohort.fromHours, cohort.toHours], {
        style: "calc",
        numberFormat: "0.00",
      });
      sheet.put(row, LABEL_COLUMN + 4, [cohort.episodes], {
        style: "calc",
        numberFormat: NUMBER_FORMATS.count,
      });
      sheet.put(row, LABEL_COLUMN + 5, [cohort.averageHours], { style: "calc", numberFormat: "0.00" });
    });
  }

  if (services.length > 0) {
    sheet.section("Service codes (step 6)", widest);
    sheet.heading(["Service code", "Rows", "Hours", "Amount paid", "Rate per hour", ...clinicians]);
    for (const service of services) {
      const row = sheet.row;
      sheet.put(row, LABEL_COLUMN, [service.code], { style: "label" });
      sheet.put(row, LABEL_COLUMN + 1, [service.rows], { style: "calc", numberFormat: NUMBER_FORMATS.count });
      sheet.put(row, LABEL_COLUMN + 2, [service.hours], {
        style: "calc",
        numberFormat: NUMBER_FORMATS.hours,
      });
      sheet.put(row, LABEL_COLUMN + 3, [service.amount ?? null, service.ratePerHour ?? null], {
        style: "calc",
        numberFormat: NUMBER_FORMATS.dollarsCents,
      });
      sheet.put(
        row,
        LABEL_COLUMN + 2 + SERVICE_FIGURES,
        clinicians.map((type) => service.clinicianMix?.[type] ?? 0),
        { style: "calc", numberFormat: NUMBER_FORMATS.percent },
      );
      sheet.skip();
    }
    if (clinicians.length > 0) sheet.note("Clinician columns: each type's share of the code's hours.");
  }
  return sheet.build();
}
