/** One service code's row of the toolkit's step 6 table (`history.services[]`). */
export interface ServiceFigures {
  readonly code: string;
  readonly rows: number;
  readonly hours: number;
  readonly amount?: number;
  /** Σ amount ÷ Σ hours of the code. */
  readonly ratePerHour?: number;
  /** Share of the code's hours by clinician type; absent without a clinician_type column. */
  readonly clinicianMix?: Readonly<Record<string, number>>;
}

interface CodeTally {
  rows: number;
  minutes: number;
  amount: number;
  /**
   * Minutes by clinician type's number, 0 for a type the code never had (a row's minutes are
   * above 0); typed, so adding to it allocates nothing.
   */
  clinicians: Float64Array;
}

/**
 * Step 6's figures tallied row by row: per service code its rows, hours, dollars and the mix of
 * clinician types in its hours. Codes and types come as the row path's numbers, named by
 * `codes` and `clinicians` (lists that grow as the rows are read). Memory grows with the codes,
 * not the rows.
 * @example const t = new ServiceTally(true, true, ["90834"], ["Masters"]); t.add(0, 0, 45, 100); t.figures()[0].ratePerHour // 133.33…
 */
export class ServiceTally {
  private readonly tallies: (CodeTally | undefined)[] = [];

  constructor(
    private readonly hasAmount: boolean,
    private readonly hasClinician: boolean,
    private readonly codes: readonly string[],
    private readonly clinicians: readonly string[],
  ) {}

  /** One valid row's service. */
  add(code: number, clinician: number, minutes: number, amount: number): void {
    let tally = this.tallies[code];
    if (tally === undefined) {
      tally = { rows: 0, minutes: 0, amount: 0, clinicians: new Float64Array(8) };
      this.tallies[code] = tally;
    }
    tally.rows++;
    tally.minutes += minutes;
    tally.amount += amount;
    if (clinician >= tally.clinicians.length) {
      const grown = new Float64Array(Math.max(2 * tally.clinicians.length, clinician + 1));
      grown.set(tally.clinicians);
      tally.clinicians = grown;
    }
    tally.clinicians[clinician] += minutes;
  }

  /** The codes sorted by code (by UTF-16 code units, as the model's other lists). */
  figures(): ServiceFigures[] {
    const byName = (a: number, b: number) => byText(this.codes[a], this.codes[b]);
    const codes = [...this.tallies.keys()].filter((code) => this.tallies[code] !== undefined).sort(byName);
    return codes.map((code) => {
      const tally = this.tallies[code] as CodeTally;
      const hours = tally.minutes / 60;
      const mix = [...tally.clinicians.keys()]
        .filter((type) => tally.clinicians[type] > 0)
        .sort((a, b) => byText(this.clinicians[a], this.clinicians[b]))
        .map((type) => [this.clinicians[type], tally.clinicians[type] / tally.minutes]);
      return {
        code: this.codes[code],
        rows: tally.rows,
        hours,
        ...(this.hasAmount ? { amount: tally.amount, ratePerHour: tally.amount / hours } : {}),
        ...(this.hasClinician ? { clinicianMix: Object.fromEntries(mix) } : {}),
      };
    });
  }
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
