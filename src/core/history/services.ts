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
  /** Minutes by clinician type. */
  readonly clinicians: Map<string, number>;
}

/**
 * Step 6's figures tallied row by row: per service code its rows, hours, dollars and the mix of
 * clinician types in its hours. Memory grows with the codes, not the rows.
 * @example const t = new ServiceTally(true, true); t.add("90834", "Masters", 45, 100); t.figures()[0].ratePerHour // 133.33…
 */
export class ServiceTally {
  private readonly codes = new Map<string, CodeTally>();

  constructor(
    private readonly hasAmount: boolean,
    private readonly hasClinician: boolean,
  ) {}

  /** One valid row's service. */
  add(code: string, clinician: string, minutes: number, amount: number): void {
    let tally = this.codes.get(code);
    if (tally === undefined) {
      tally = { rows: 0, minutes: 0, amount: 0, clinicians: new Map() };
      this.codes.set(code, tally);
    }
    tally.rows++;
    tally.minutes += minutes;
    tally.amount += amount;
    tally.clinicians.set(clinician, (tally.clinicians.get(clinician) ?? 0) + minutes);
  }

  /** The codes sorted by code (by UTF-16 code units, as the model's other lists). */
  figures(): ServiceFigures[] {
    return [...this.codes.keys()].sort(byText).map((code) => {
      const tally = this.codes.get(code) as CodeTally;
      const hours = tally.minutes / 60;
      const mix = [...tally.clinicians.keys()]
        .sort(byText)
        .map((type) => [type, (tally.clinicians.get(type) as number) / tally.minutes]);
      return {
        code,
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
