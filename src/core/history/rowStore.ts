/**
 * Valid rows kept column by column in typed arrays (40 bytes a row, where an object per row
 * costs several times that): the current client's rows for sorted input, every row otherwise.
 * Text values are kept as the row path's numbers for them (ByteInterner).
 */
export class RowStore {
  length = 0;
  client = new Uint32Array(1024);
  level = new Uint32Array(1024);
  day = new Int32Array(1024);
  code = new Uint32Array(1024);
  clinician = new Uint32Array(1024);
  line = new Uint32Array(1024);
  minutes = new Float64Array(1024);
  amount = new Float64Array(1024);

  /** Adds one row (of interned values); returns its index. */
  push(
    client: number,
    level: number,
    day: number,
    code: number,
    clinician: number,
    minutes: number,
    amount: number,
    line: number,
  ): number {
    const i = this.length;
    if (i === this.day.length) this.grow();
    this.client[i] = client;
    this.level[i] = level;
    this.day[i] = day;
    this.code[i] = code;
    this.clinician[i] = clinician;
    this.minutes[i] = minutes;
    this.amount[i] = amount;
    this.line[i] = line;
    this.length = i + 1;
    return i;
  }

  /** Forgets every row, keeping the memory for the next client's. */
  clear(): void {
    this.length = 0;
  }

  /** Orders rows i and j by level, day, code, clinician, minutes, amount: a client's rows in episode order, identical rows side by side. */
  compare(i: number, j: number): number {
    return (
      this.level[i] - this.level[j] ||
      this.day[i] - this.day[j] ||
      this.code[i] - this.code[j] ||
      this.clinician[i] - this.clinician[j] ||
      this.minutes[i] - this.minutes[j] ||
      this.amount[i] - this.amount[j] ||
      this.line[i] - this.line[j]
    );
  }

  /**
   * Puts the rows (indexes) in `compare`'s order, a total one (the line breaks ties), so any sort
   * gives the same: by insertion when few (a client's rows, mostly in order already), else by
   * the built-in sort.
   */
  sort(rows: Uint32Array): void {
    if (rows.length > 64) {
      rows.sort((i, j) => this.compare(i, j));
      return;
    }
    for (let k = 1; k < rows.length; k++) {
      const row = rows[k];
      let at = k;
      while (at > 0 && this.compare(rows[at - 1], row) > 0) {
        rows[at] = rows[at - 1];
        at--;
      }
      rows[at] = row;
    }
  }

  /** Rows i and j have the same value in every column read (the client is the caller's). */
  same(i: number, j: number): boolean {
    return (
      this.level[i] === this.level[j] &&
      this.day[i] === this.day[j] &&
      this.code[i] === this.code[j] &&
      this.clinician[i] === this.clinician[j] &&
      this.minutes[i] === this.minutes[j] &&
      this.amount[i] === this.amount[j]
    );
  }

  private grow(): void {
    const size = this.day.length * 2;
    const bigger = <T extends Uint32Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.client = bigger(this.client, (n) => new Uint32Array(n));
    this.level = bigger(this.level, (n) => new Uint32Array(n));
    this.day = bigger(this.day, (n) => new Int32Array(n));
    this.code = bigger(this.code, (n) => new Uint32Array(n));
    this.clinician = bigger(this.clinician, (n) => new Uint32Array(n));
    this.line = bigger(this.line, (n) => new Uint32Array(n));
    this.minutes = bigger(this.minutes, (n) => new Float64Array(n));
    this.amount = bigger(this.amount, (n) => new Float64Array(n));
  }
}
