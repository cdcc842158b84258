/** The charts' series colours (RRGGBB): each pair tells its two series apart, also in greyscale. */
export const CHART_COLORS = {
  revenue: "2E7D5B",
  expense: "D9822B",
  driverDown: "8FAADC",
  driverUp: "1F4E79",
  fteNeeded: "ED7D31",
  ftePayroll: "4472C4",
} as const;
