/** The calculation of a workbook description: what the preview shows, with Excel's rules. */
export { type Calculated, type CalculatedWorkbook, calculateWorkbook } from "./workbook";
export { type CellValue, ExcelError, NotCalculated } from "./values";
export { FUNCTIONS } from "./functions";
