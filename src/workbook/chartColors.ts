/** The charts' series colours (RRGGBB): each pair tells its two series apart, also in greyscale. */
export const CHART_COLORS = {
  revenue: "2E7D5B",
  expense: "D9822B",
  driverDown: "8FAADC",
  driverUp: "1F4E79",
  fteNeeded: "ED7D31",
  ftePayroll: "4472C4",
  // The year's cost: within the budget, within the reserve above it, and beyond (light to dark).
  withinBudget: "A9D18E",
  withinReserve: "F4B183",
  beyondReserve: "C00000",
} as const;
