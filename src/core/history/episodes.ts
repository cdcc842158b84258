import { grownInt32 } from "../csv/grownInt32";
import type { EpisodeSummary } from "./episodeSummary";
import { RowStore } from "./rowStore";

/** The episode rule's settings: the longest gap within a run, and the episode length, in days. */
export interface EpisodeRule {
  readonly gapDays: number;
  readonly episodeDays: number;
}

/** What the rows say beyond the episodes: possible duplicates and clients seen at two levels at once. */
export interface EpisodeFindings {
  readonly episodes: EpisodeSummary[];
  /** Rows with the same client and values in every column read as an earlier row (counted, still used). */
  readonly duplicateRows: number;
  /** The line of the first such row, when there is one. */
  readonly firstDuplicateLine?: number;
  /** Clients with an episode at one level overlapping in time (first to last service) an episode at another. */
  readonly clientsWithOverlappingLevels: number;
}

/**
 * Turns valid rows into episodes by the history issue's rule: a client's services at one level
 * in date order form runs where no gap between consecutive service days exceeds gapDays, and a
 * service on day d belongs to episode floor((d − run start) / episodeDays) of its run.
 *
 * Rows come with their texts as numbers (the client's, level's, code's and clinician type's, each
 * numbered in the order first seen; `names` gives the clients' and levels' texts).
 * With `holdAllRows` false the rows must come client by client (an extract sorted by client):
 * only the current client's rows are kept and each client's episodes are made when the next
 * client starts; `add` returns false when a client's rows come back after another's, and the
 * input must then be read again with `holdAllRows`, which keeps every row.
 * @example const b = new EpisodeBuilder({ gapDays: 90, episodeDays: 182 }, false, false, { clients: ["1"], levels: ["A"] }); b.add(0, 0, 0, 0, 0, 60, 0, 2); b.finish().episodes // [{ clientId: "1", level: "A", episodeStart: 0, services: 1, hours: 1 }]
 */
export class EpisodeBuilder {
  private readonly store = new RowStore();
  /** Streaming: the client whose rows are being gathered (clients are numbered as they come). */
  private current = -1;
  /** Streaming: the current client's rows, in order (reused from client to client). */
  private order = new Uint32Array(1024);
  private readonly episodes: EpisodeSummary[] = [];
  private duplicateRows = 0;
  private firstDuplicateLine = Infinity;
  private overlapping = 0;
  /** The current client's episodes' levels and first and last days (reused from client to client). */
  private spanCount = 0;
  private spanLevel = new Int32Array(16);
  private spanFrom = new Int32Array(16);
  private spanTo = new Int32Array(16);

  constructor(
    private readonly rule: EpisodeRule,
    private readonly holdAllRows: boolean,
    private readonly hasAmount: boolean,
    private readonly names: { readonly clients: readonly string[]; readonly levels: readonly string[] },
  ) {}

  /** One valid row, by its texts' numbers; false when streaming and its client's rows were already closed. */
  add(
    client: number,
    level: number,
    day: number,
    code: number,
    clinician: number,
    minutes: number,
    amount: number,
    line: number,
  ): boolean {
    if (!this.holdAllRows && client !== this.current) {
      // A client numbered before the current one came earlier: its rows are already closed.
      if (client < this.current) return false;
      this.closeStreamedClient();
      this.current = client;
    }
    this.store.push(client, level, day, code, clinician, minutes, amount, line);
    return true;
  }

  /** Every client's episodes, and what the rows showed beyond them. */
  finish(): EpisodeFindings {
    if (this.holdAllRows) this.closeHeldClients();
    else this.closeStreamedClient();
    return {
      episodes: this.episodes,
      duplicateRows: this.duplicateRows,
      ...(this.duplicateRows > 0 ? { firstDuplicateLine: this.firstDuplicateLine } : {}),
      clientsWithOverlappingLevels: this.overlapping,
    };
  }

  private closeStreamedClient(): void {
    if (this.current < 0) return;
    const length = this.store.length;
    if (this.order.length < length) this.order = new Uint32Array(Math.max(length, 2 * this.order.length));
    const rows = this.order.subarray(0, length);
    for (let i = 0; i < length; i++) rows[i] = i;
    this.closeClient(this.current, rows);
    this.store.clear();
  }

  /**
   * Groups the held rows by client (a counting sort of their indexes: linear in the rows) and
   * closes each client. The rows stay where they lie: reading a client's few rows there measured
   * no slower than first moving every row beside its client's.
   */
  private closeHeldClients(): void {
    const { store } = this;
    const count = this.names.clients.length;
    const starts = new Uint32Array(count + 1);
    for (let i = 0; i < store.length; i++) starts[store.client[i] + 1]++;
    for (let c = 0; c < count; c++) starts[c + 1] += starts[c];
    const order = new Uint32Array(store.length);
    const next = starts.slice(0, count);
    for (let i = 0; i < store.length; i++) order[next[store.client[i]]++] = i;
    for (let c = 0; c < count; c++) this.closeClient(c, order.subarray(starts[c], starts[c + 1]));
  }

  /** One client's rows (indexes into the store) into episodes, duplicates and overlaps. */
  private closeClient(client: number, rows: Uint32Array): void {
    const { store } = this;
    const { gapDays, episodeDays } = this.rule;
    const clientId = this.names.clients[client];
    store.sort(rows);
    // Rows in level and day order; the open episode's level, run start, number and running sums.
    this.spanCount = 0;
    let level = -1;
    let runStart = 0;
    let number = 0;
    let first = 0;
    let last = 0;
    let services = 0;
    let minutes = 0;
    let amount = 0;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const rowLevel = store.level[row];
      const day = store.day[row];
      if (k > 0 && store.same(row, rows[k - 1])) {
        this.duplicateRows++;
        this.firstDuplicateLine = Math.min(this.firstDuplicateLine, store.line[row]);
      }
      // A new level, or a gap past gapDays, starts a run; its days are cut into episodes from its start.
      const newRun = rowLevel !== level || day - last > gapDays;
      if (newRun) runStart = day;
      const rowNumber = Math.floor((day - runStart) / episodeDays);
      if (newRun || rowNumber !== number) {
        if (k > 0) this.closeEpisode(clientId, level, first, last, services, minutes, amount);
        level = rowLevel;
        number = rowNumber;
        first = day;
        services = 0;
        minutes = 0;
        amount = 0;
      }
      last = day;
      services++;
      minutes += store.minutes[row];
      amount += store.amount[row];
    }
    if (rows.length > 0) this.closeEpisode(clientId, level, first, last, services, minutes, amount);
    if (this.overlapsAcrossLevels()) this.overlapping++;
  }

  /** Records one episode, and its span (level, first and last day) for the client's overlap check. */
  private closeEpisode(
    clientId: string,
    level: number,
    first: number,
    last: number,
    services: number,
    minutes: number,
    amount: number,
  ): void {
    const levelId = this.names.levels[level];
    const hours = minutes / 60;
    // One object shape for each kind of extract (with amounts or without), built without spreads.
    this.episodes.push(
      this.hasAmount
        ? { clientId, level: levelId, episodeStart: first, services, hours, amount }
        : { clientId, level: levelId, episodeStart: first, services, hours },
    );
    const k = this.spanCount++;
    if (k === this.spanLevel.length) {
      this.spanLevel = grownInt32(this.spanLevel, 2 * k);
      this.spanFrom = grownInt32(this.spanFrom, 2 * k);
      this.spanTo = grownInt32(this.spanTo, 2 * k);
    }
    this.spanLevel[k] = level;
    this.spanFrom[k] = first;
    this.spanTo[k] = last;
  }

  /** Whether two of the client's episodes at different levels share a day. */
  private overlapsAcrossLevels(): boolean {
    const { spanLevel, spanFrom, spanTo } = this;
    for (let a = 0; a < this.spanCount; a++) {
      for (let b = a + 1; b < this.spanCount; b++) {
        if (spanLevel[a] !== spanLevel[b] && spanFrom[a] <= spanTo[b] && spanFrom[b] <= spanTo[a])
          return true;
      }
    }
    return false;
  }
}
