/**
 * A growable list of doubles in one Float64Array: the per-episode figures of a level (8 bytes an
 * episode), so millions of episodes cost megabytes, not objects.
 */
export class NumberList {
  private data = new Float64Array(1024);
  private size = 0;

  /** Appends a value, doubling the storage when it is full. */
  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  /** A sorted copy, ascending: sums over it do not depend on the order the values came in. */
  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }
}

/** Σ of values in the order given. */
export function sumOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}
