import { NUMBER_FORMATS } from "../styles";
import type { Check } from "../starter/checks";
import type { StarterContext } from "../starter/context";

/** The provider model's checks; they feed the master check like the payor's. */
export function providerChecks(ctx: StarterContext): Check[] {
  const { n } = ctx;
  const whenComplete = (test: string) => `IF(${n.ProviderInputsComplete},${test},FALSE)`;
  const all = (names: readonly string[]) => names.map((name) => `COUNT(${name})=COLUMNS(${name})`).join(",");
  const each = (names: readonly string[]) => names.map((name) => `ISNUMBER(${name})`).join(",");
  const difference = (expression: string) => ctx.providerOutput(expression);
  return [
    {
      label: "Every provider input is present and usable",
      name: "ProviderInputsComplete",
      units: "",
      value: null,
      numberFormat: NUMBER_FORMATS.general,
      passes: () =>
        `AND(${n.InputsComplete},${all([n.ConsumerScenarios, n.ProviderCaseMix, n.GuidelineLow, n.GuidelineHigh, n.PlannedHours])},` +
        `ISNUMBER(MATCH(${n.ProviderScenario},${n.ProviderScenarioNames},0)),` +
        `${each([n.PaidHoursPerFte, n.TimeOffAndTrainingHours, n.Productivity, n.NoShowRate, n.FteOnPayroll, n.DirectSalaryPerFte, n.BenefitsPct, n.PayrollTaxPct, n.OtherStaffSalaries, n.ContractorFees, n.SensitivityStep])},` +
        `COUNT(${n.OverheadItems})=ROWS(${n.OverheadItems}),COUNT(${n.OtherRevenueItems})=ROWS(${n.OtherRevenueItems}),` +
        `${n.PaidHoursPerFte}>${n.TimeOffAndTrainingHours},${n.Productivity}>0,${n.NoShowRate}<1,SUMPRODUCT(${n.ProviderCaseMix},${n.PlannedHours})>0)`,
    },
    {
      label: "Every provider input is in range",
      units: "",
      value: null,
      numberFormat: NUMBER_FORMATS.general,
      passes: () =>
        whenComplete(
          `AND(MIN(${n.ConsumerScenarios})>=0,MIN(${n.ProviderCaseMix})>=0,MAX(${n.ProviderCaseMix})<=1,${n.Productivity}<=1,${n.NoShowRate}>=0,` +
            `${n.BenefitsPct}>=0,${n.PayrollTaxPct}>=0,${n.FteOnPayroll}>=0,${n.TimeOffAndTrainingHours}>=0,MIN(${n.OverheadItems})>=0,MIN(${n.OtherRevenueItems})>=0,` +
            `SUMPRODUCT(--(${n.GuidelineLow}>${n.PlannedHours}))+SUMPRODUCT(--(${n.PlannedHours}>${n.GuidelineHigh}))=0)`,
        ),
    },
    {
      label: "Provider consumer mix sums to 100%",
      units: "% of consumers",
      value: `SUM(${n.ProviderCaseMix})`,
      numberFormat: "0.00%",
      passes: (value) => `ABS(${value}-1)<=${n.CaseMixTolerance}`,
    },
    {
      label: "Case-rate revenue = consumers × Σ mix × case rate",
      units: "$ difference",
      value: difference(
        `${n.ConsumersPerYear}*SUMPRODUCT(${n.ProviderCaseMix},${n.CaseRates})-${n.CaseRateRevenue}`,
      ),
      numberFormat: NUMBER_FORMATS.dollarsCents,
      passes: (value) => whenComplete(`ABS(${value})<=${n.CheckTolerance}`),
    },
    {
      label: "FTEs needed × direct hours per FTE = hours needed",
      units: "hours difference",
      value: difference(`${n.FteNeed}*${n.DirectHoursPerFte}-${n.HoursNeeded}`),
      numberFormat: "#,##0.00",
      passes: (value) => whenComplete(`ABS(${value})<=${n.CheckTolerance}`),
    },
    {
      label: "Margin = revenue − expense, part by part",
      units: "$ difference",
      value: difference(
        `${n.TotalRevenue}-${n.TotalExpense}-${n.Margin}+(${n.TotalExpense}-${n.DirectStaffCost}-${n.OtherStaffCost}-${n.ContractorFees}-${n.Overhead})`,
      ),
      numberFormat: NUMBER_FORMATS.dollarsCents,
      passes: (value) => whenComplete(`ABS(${value})<=${n.CheckTolerance}`),
    },
    {
      label: "Value bonus + other revenue − other staff, contractors, overhead = margin",
      units: "$ difference",
      value: difference(`${n.BridgedMargin}-${n.Margin}`),
      numberFormat: NUMBER_FORMATS.dollarsCents,
      passes: (value) => whenComplete(`ABS(${value})<=${n.CheckTolerance}`),
    },
  ];
}
