import type { CsvRowView } from "./csvRow";
import { grownInt32 } from "./grownInt32";

/**
 * Text values numbered in the order first seen, looked up by their bytes (an open-addressing hash
 * table over one byte pool), so a row's level, code or client costs no string unless it is new.
 * Bytes stand for text one to one (UTF-8, and a CSV field's bytes once its quoting is right).
 * @example const names = new ByteInterner(); const a = new TextEncoder().encode("A"); names.numberOf(a, 0, 1, "A"); names.find(a, 0, 1) // 0
 */
export class ByteInterner {
  /** The texts by number. */
  readonly names: string[] = [];
  private pool = new Uint8Array(1024);
  private poolSize = 0;
  private starts = new Int32Array(64);
  private hashes = new Int32Array(64);
  /** Slot → number + 1 (0: empty); a power of two, at most half full. */
  private slots = new Int32Array(128);
  /** The number found last: consecutive rows mostly repeat a level, a client. */
  private last = -1;
  /** Numbers found lately, by a key of their length and end bytes: a few codes or types alternate. */
  private readonly recent = new Int32Array(256).fill(-1);

  /** The number of the text with bytes[from, to), or -1 if it was never numbered. */
  find(bytes: Uint8Array, from: number, to: number): number {
    const last = this.last;
    if (last >= 0 && this.equals(last, bytes, from, to)) return last;
    const key = recentKey(bytes, from, to);
    const recent = this.recent[key];
    if (recent >= 0 && this.equals(recent, bytes, from, to)) {
      this.last = recent;
      return recent;
    }
    const hash = hashOf(bytes, from, to);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.equals(entry, bytes, from, to)) {
        this.last = entry;
        this.recent[key] = entry;
        return entry;
      }
    }
  }

  /** The number of the text `name`, whose bytes are bytes[from, to): found, or the next number. */
  numberOf(bytes: Uint8Array, from: number, to: number, name: string): number {
    const found = this.find(bytes, from, to);
    return found >= 0 ? found : this.add(bytes, from, to, name);
  }

  /** The number of field k of the row, its text made only when it is new. */
  numberOfField(row: CsvRowView, k: number): number {
    const found = this.find(row.bytes, row.starts[k], row.ends[k]);
    return found >= 0 ? found : this.add(row.bytes, row.starts[k], row.ends[k], row.text(k));
  }

  private add(bytes: Uint8Array, from: number, to: number, name: string): number {
    const entry = this.names.length;
    if (entry + 1 === this.starts.length) {
      this.starts = grownInt32(this.starts, this.starts.length * 2);
      this.hashes = grownInt32(this.hashes, this.hashes.length * 2);
    }
    const length = to - from;
    if (this.poolSize + length > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolSize + length));
      bigger.set(this.pool.subarray(0, this.poolSize));
      this.pool = bigger;
    }
    this.pool.set(bytes.subarray(from, to), this.poolSize);
    this.starts[entry] = this.poolSize;
    this.poolSize += length;
    this.starts[entry + 1] = this.poolSize;
    const hash = hashOf(bytes, from, to);
    this.hashes[entry] = hash;
    this.names.push(name);
    if (2 * this.names.length > this.slots.length) this.rehash();
    else this.place(entry, hash);
    this.last = entry;
    this.recent[recentKey(bytes, from, to)] = entry;
    return entry;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.names.length; entry++) this.place(entry, this.hashes[entry]);
  }

  private equals(entry: number, bytes: Uint8Array, from: number, to: number): boolean {
    const end = this.starts[entry + 1];
    if (end - this.starts[entry] !== to - from) return false;
    const pool = this.pool;
    // From the end: ids often share a prefix (C00012345, C00012346) and differ last.
    for (let i = to - 1, j = end - 1; i >= from; i--, j--) if (bytes[i] !== pool[j]) return false;
    return true;
  }
}

/** A cheap key of the bytes for the cache of recent numbers (the hash table decides when it misses). */
function recentKey(bytes: Uint8Array, from: number, to: number): number {
  return to === from ? 0 : ((to - from) * 31 + bytes[from] * 7 + bytes[to - 1]) & 255;
}

/** FNV-1a over the bytes, as a signed 32-bit integer (as the Int32Array of hashes keeps it). */
function hashOf(bytes: Uint8Array, from: number, to: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash;
}
