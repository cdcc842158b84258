import type { EpisodeSummary } from "./episodeSummary";
import type { Encounter } from "./rows";
import { Interner, RowStore } from "./rowStore";

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
 * With `holdAllRows` false the rows must come client by client (an extract sorted by client):
 * only the current client's rows are kept and each client's episodes are made when the next
 * client starts; `add` returns false when a client's rows come back after another's, and the
 * input must then be read again with `holdAllRows`, which keeps every row.
 * @example const b = new EpisodeBuilder({ gapDays: 90, episodeDays: 182 }, false, false); b.add({ clientId: "1", level: "A", day: 0, code: "x", clinician: "", minutes: 60, amount: 0 }, 2); b.finish().episodes // [{ clientId: "1", level: "A", episodeStart: 0, services: 1, hours: 1 }]
 */
export class EpisodeBuilder {
  private readonly store = new RowStore();
  private readonly levels = new Interner();
  private readonly codes = new Interner();
  private readonly clinicians = new Interner();
  private readonly clients = new Interner();
  /** Streaming: the client whose rows are being gathered, and those already done. */
  private current: string | undefined;
  private readonly done = new Set<string>();
  private readonly episodes: EpisodeSummary[] = [];
  private duplicateRows = 0;
  private firstDuplicateLine = Infinity;
  private overlapping = 0;

  constructor(
    private readonly rule: EpisodeRule,
    private readonly holdAllRows: boolean,
    private readonly hasAmount: boolean,
  ) {}

  /** One valid row; false when streaming and its client's rows were already closed. */
  add(row: Encounter, line: number): boolean {
    let client = 0;
    if (this.holdAllRows) client = this.clients.numberOf(row.clientId);
    else if (row.clientId !== this.current) {
      if (this.done.has(row.clientId)) return false;
      this.closeStreamedClient();
      this.current = row.clientId;
    }
    this.store.push(
      client,
      this.levels.numberOf(row.level),
      row.day,
      this.codes.numberOf(row.code),
      this.clinicians.numberOf(row.clinician),
      row.minutes,
      row.amount,
      line,
    );
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
    if (this.current === undefined) return;
    const rows = new Uint32Array(this.store.length);
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    this.closeClient(this.current, rows);
    this.done.add(this.current);
    this.store.clear();
  }

  /** Groups the held rows by client (a counting sort: linear in the rows) and closes each client. */
  private closeHeldClients(): void {
    const { store } = this;
    const count = this.clients.names.length;
    const starts = new Uint32Array(count + 1);
    for (let i = 0; i < store.length; i++) starts[store.client[i] + 1]++;
    for (let c = 0; c < count; c++) starts[c + 1] += starts[c];
    const order = new Uint32Array(store.length);
    const next = starts.slice(0, count);
    for (let i = 0; i < store.length; i++) order[next[store.client[i]]++] = i;
    for (let c = 0; c < count; c++)
      this.closeClient(this.clients.names[c], order.subarray(starts[c], starts[c + 1]));
  }

  /** One client's rows (indexes into the store) into episodes, duplicates and overlaps. */
  private closeClient(clientId: string, rows: Uint32Array): void {
    const { store } = this;
    const { gapDays, episodeDays } = this.rule;
    rows.sort((i, j) => store.compare(i, j));
    const spans: { level: number; from: number; to: number }[] = [];
    let start = 0;
    while (start < rows.length) {
      const level = store.level[rows[start]];
      let end = start;
      while (end < rows.length && store.level[rows[end]] === level) end++;
      // One level's rows, in day order: runs, cut into episodes from each run's start.
      let runStart = 0;
      let previousDay = 0;
      let episode:
        | { number: number; first: number; last: number; services: number; minutes: number; amount: number }
        | undefined;
      const flush = () => {
        if (episode === undefined) return;
        this.episodes.push({
          clientId,
          level: this.levels.names[level],
          episodeStart: episode.first,
          services: episode.services,
          hours: episode.minutes / 60,
          ...(this.hasAmount ? { amount: episode.amount } : {}),
        });
        spans.push({ level, from: episode.first, to: episode.last });
      };
      for (let k = start; k < end; k++) {
        const row = rows[k];
        const day = store.day[row];
        if (k > start && store.same(row, rows[k - 1])) {
          this.duplicateRows++;
          this.firstDuplicateLine = Math.min(this.firstDuplicateLine, store.line[row]);
        }
        const newRun = k === start || day - previousDay > gapDays;
        if (newRun) runStart = day;
        const number = Math.floor((day - runStart) / episodeDays);
        if (newRun || episode === undefined || number !== episode.number) {
          flush();
          episode = { number, first: day, last: day, services: 0, minutes: 0, amount: 0 };
        }
        episode.last = day;
        episode.services++;
        episode.minutes += store.minutes[row];
        episode.amount += store.amount[row];
        previousDay = day;
      }
      flush();
      start = end;
    }
    if (overlapsAcrossLevels(spans)) this.overlapping++;
  }
}

/** Whether two spans at different levels share a day. */
function overlapsAcrossLevels(spans: readonly { level: number; from: number; to: number }[]): boolean {
  for (let a = 0; a < spans.length; a++) {
    for (let b = a + 1; b < spans.length; b++) {
      const x = spans[a];
      const y = spans[b];
      if (x.level !== y.level && x.from <= y.to && y.from <= x.to) return true;
    }
  }
  return false;
}
