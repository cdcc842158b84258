import { cellAddress, rangeAddress } from "../a1";
import { FIRST_VALUE_COLUMN } from "../layout";
import { type CellContent, formula, type SheetSpec } from "../spec";
import { NUMBER_FORMATS } from "../styles";
import type { StarterContext, StarterName } from "./context";
import { startSheet, TAB_COLORS } from "./sheetTop";

/** One check: what it shows, the value it looks at, and the test that must be TRUE. */
export interface Check {
  readonly label: string;
  readonly units: string;
  readonly value: string | null;
  readonly numberFormat: string;
  /** A name for the check's TRUE/FALSE cell, where other formulas use it. */
  readonly name?: StarterName;
  /** A formula giving TRUE when the check passes, given the address of the value cell. */
  readonly passes: (value: string) => string;
}

/** The Checks sheet: each check TRUE or FALSE, and the master check every sheet shows at its top. */
export function checksSheet(ctx: StarterContext, moreChecks: readonly Check[] = []): SheetSpec {
  const { n } = ctx;
  const sheet = startSheet(
    ctx,
    "Checks",
    "Every check must show TRUE (green). The master check is their AND.",
    TAB_COLORS.checks,
    // The label column fits the longest check's words on one line.
    [2, 92, 16, 18, 12],
  );
  const valueColumn = FIRST_VALUE_COLUMN;
  const passColumn = FIRST_VALUE_COLUMN + 1;
  const whenComplete = (test: string) => `IF(${n.InputsComplete},${test},FALSE)`;
  const checks: Check[] = [
    {
      label: "Every input is present",
      name: "InputsComplete",
      units: "",
      value: null,
      numberFormat: NUMBER_FORMATS.general,
      passes: () =>
        `AND(ISNUMBER(${n.Enrollees}),COUNT(${n.PenetrationRates})=COLUMNS(${n.PenetrationRates}),ISNUMBER(MATCH(${n.Scenario},${n.ScenarioNames},0)),COUNT(${n.CaseMix})=COLUMNS(${n.CaseMix}),COUNT(${n.AverageHours})=COLUMNS(${n.AverageHours}),ISNUMBER(${n.RatePerHour}),ISNUMBER(${n.MonthsPerYear}),ISNUMBER(${n.CaseMixTolerance}),ISNUMBER(${n.CheckTolerance}))`,
    },
    {
      label: "Every input is in range",
      units: "",
      value: null,
      numberFormat: NUMBER_FORMATS.general,
      passes: () =>
        whenComplete(
          `AND(${n.Enrollees}>0,MIN(${n.PenetrationRates})>=0,MAX(${n.PenetrationRates})<=1,MIN(${n.CaseMix})>=0,MAX(${n.CaseMix})<=1,MIN(${n.AverageHours})>=0,MIN(${n.LevelRatesPerHour})>=0,${n.RatePerHour}>=0,IF(ISNUMBER(${n.RiskReservePct}),AND(${n.RiskReservePct}>=0,${n.RiskReservePct}<=1),TRUE),${n.MonthsPerYear}>0)`,
        ),
    },
    {
      label: "Average hours lie within each level's minimum and maximum",
      units: "levels outside",
      value: `SUMPRODUCT((${n.AverageHours}<${n.MinimumHours})*ISNUMBER(${n.MinimumHours}))+SUMPRODUCT((${n.AverageHours}>${n.MaximumHours})*ISNUMBER(${n.MaximumHours}))`,
      numberFormat: NUMBER_FORMATS.count,
      passes: (value) => `${value}=0`,
    },
    {
      label: "Case mix sums to 100%",
      units: "% of cases",
      value: `SUM(${n.CaseMix})`,
      numberFormat: "0.00%",
      passes: (value) => `ABS(${value}-1)<=${n.CaseMixTolerance}`,
    },
    {
      // Against the mix as typed: a mix within the tolerance is accepted, not rescaled to 100%.
      label: "Cases by level sum to total cases × the case mix's sum",
      units: "cases difference",
      value: ctx.output(`SUM(${n.LevelCases})-${n.TotalCases}*SUM(${n.CaseMix})`),
      numberFormat: "#,##0.00",
      passes: (value) => whenComplete(`ABS(${value})<=${n.CheckTolerance}`),
    },
    {
      label: "Budget equals the sum of its levels (cases × case rate)",
      units: "$ difference",
      value: ctx.output(`SUMPRODUCT(${n.LevelCases},${n.CaseRates})-${n.TotalBudget}`),
      numberFormat: NUMBER_FORMATS.dollarsCents,
      passes: (value) => whenComplete(`ABS(${value})<=${n.CheckTolerance}`),
    },
    {
      label: "The driving scenario's budget on Scenarios equals the budget",
      units: "$ difference",
      value: ctx.output(
        `INDEX(${n.ScenarioBudgets},MATCH(${n.Scenario},${n.ScenarioNames},0))-${n.TotalBudget}`,
      ),
      numberFormat: NUMBER_FORMATS.dollarsCents,
      passes: (value) => whenComplete(`ABS(${value})<=${n.CheckTolerance}`),
    },
  ];

  checks.push(...moreChecks);
  /** Writes one check's row: label, units, value cell and its TRUE/FALSE cell. */
  const writeCheck = (check: Check): void => {
    const row = sheet.row;
    const valueCell = cellAddress(row, valueColumn);
    const cells: CellContent[] = [
      check.value === null ? null : formula(check.value),
      formula(check.passes(valueCell)),
    ];
    sheet.line(check.label, check.units, [], { style: "calc" });
    sheet.put(row, valueColumn, cells.slice(0, 1), { style: "calc", numberFormat: check.numberFormat });
    sheet.put(row, passColumn, cells.slice(1), { style: "check" });
    if (check.name) ctx.define(check.name, "Checks", cellAddress(row, passColumn, true), check.label);
  };
  sheet.section("Checks", 4);
  sheet.heading(["Check", "Units", "Value", "Passes"]);
  const firstCheckRow = sheet.row;
  checks.forEach(writeCheck);
  const lastCheckRow = sheet.row - 1;
  const passRange = rangeAddress(firstCheckRow, passColumn, lastCheckRow, passColumn);
  sheet.highlightCheck(passRange);

  // Notices flag what is accepted but worth a look; they are not part of the master check.
  sheet.section("Notices (not part of the master check)", 4);
  const firstNoticeRow = sheet.row;
  notices(ctx).forEach(writeCheck);
  sheet.highlightCheck(rangeAddress(firstNoticeRow, passColumn, sheet.row - 1, passColumn));

  sheet.section("Master check", 4);
  const masterRow = sheet.line("Master check: every check passes", "", [null, formula(`AND(${passRange})`)], {
    style: "check",
  });
  sheet.highlightCheck(cellAddress(masterRow, passColumn));
  ctx.define(
    "MasterCheck",
    "Checks",
    cellAddress(masterRow, passColumn, true),
    "TRUE when every check passes",
  );
  const statusRow = sheet.line(
    "Status",
    "",
    [
      formula(
        `IF(NOT(${n.InputsComplete}),"Inputs missing: fill the yellow cells on Inputs",IF(${n.MasterCheck},"All checks pass","A check fails: see Checks"))`,
      ),
    ],
    { style: "note" },
  );
  ctx.define("CheckStatus", "Checks", cellAddress(statusRow, valueColumn, true), "The master check in words");
  return sheet.build();
}

/**
 * Checks that flag without failing: a case mix within the tolerance but not exactly 100% is used as
 * typed (never rescaled), as the functions and `case-rate compute` use it (the core's
 * caseMixWarning). "Exactly" is judged by what it does to the budget, more than CheckTolerance
 * against the same shares rescaled to 100%, so that binary rounding of the sum never flags.
 */
function notices(ctx: StarterContext): Check[] {
  const { n } = ctx;
  const mix = `SUM(${n.CaseMix})`;
  const gap = `${n.TotalBudget}-${n.TotalBudget}/${mix}`;
  return [
    {
      label: "The exact figures on Risk were computed from the current inputs (rebuild to refresh)",
      units: "",
      value: null,
      numberFormat: NUMBER_FORMATS.general,
      passes: () => `IF(${n.InputsComplete},${n.RiskExactCurrent},TRUE)`,
    },
    {
      label:
        "The priced figures on Settlement were computed from the current terms and inputs (rebuild to refresh)",
      units: "",
      value: null,
      numberFormat: NUMBER_FORMATS.general,
      passes: () => `IF(${n.InputsComplete},${n.ContractFiguresCurrent},TRUE)`,
    },
    ...(ctx.options.provider
      ? [
          {
            label:
              "The exact figures on the Dashboard were computed from the current inputs (rebuild to refresh)",
            units: "",
            value: null,
            numberFormat: NUMBER_FORMATS.general,
            passes: () => `IF(${n.ProviderInputsComplete},${n.ProviderRiskCurrent},TRUE)`,
          },
        ]
      : []),
    {
      label: "The case mix is exactly 100% (within the tolerance, the budget uses the shares as typed)",
      units: "$ vs. 100% mix",
      // Differences within CheckTolerance show as 0: binary rounding differs between engines.
      value: ctx.output(`IF(${mix}>0,IF(ABS(${gap})>${n.CheckTolerance},${gap},0),0)`),
      numberFormat: NUMBER_FORMATS.dollarsCents,
      // TRUE outside the tolerance and without inputs: the checks above flag those.
      passes: (value) =>
        `IF(ABS(${mix}-1)>${n.CaseMixTolerance},TRUE,IF(${n.InputsComplete},${value}=0,TRUE))`,
    },
  ];
}
