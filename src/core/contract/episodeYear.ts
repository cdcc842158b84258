import { quoteText } from "../describeValue";
import { CaseRateInputError } from "../errors";
import type { EpisodeSummary } from "../history/episodeSummary";
import { type Settlement, type SettlementLevel, YearTally, settle } from "./settle";
import type { ContractTerms } from "./terms";

function problem(line: number, message: string): CaseRateInputError {
  return new CaseRateInputError(`line ${line}`, "out-of-range", `line ${line}: ${message}`);
}

/**
 * An episode's cost of care as a closed case: its hours × `costPerHour` when one is given, else
 * its amount; undefined when it has neither (the one episode-to-case rule: `contract --episodes`
 * and the pane's Settlement table both take it).
 * @example episodeCost({ clientId: "1", level: "B", episodeStart: 0, services: 3, hours: 30, amount: 4500 }, 100) // 3000
 * @example episodeCost({ clientId: "1", level: "B", episodeStart: 0, services: 3, hours: 30, amount: 4500 }, undefined) // 4500
 */
export function episodeCost(episode: EpisodeSummary, costPerHour: number | undefined): number | undefined {
  return costPerHour === undefined ? episode.amount : episode.hours * costPerHour;
}

/**
 * The year's closed cases as the history command's episode summaries, summed one episode at a
 * time (an episode file has any size): an episode's cost is its hours × the provider's
 * directCostPerHour when the model has one, else its amount; what fee-for-service paid for it
 * (the shared-savings spending) is its amount when it has one, else its cost.
 * @example (() => { const y = new EpisodeYear({}, [{ id: "B", caseRate: 4000 }], 100); y.add({ clientId: "1", level: "B", episodeStart: 0, services: 3, hours: 30 }, 2); return y.settle({}).providerMargin; })() // 1000
 */
export class EpisodeYear {
  private readonly tally: YearTally;
  private readonly ids: readonly string[];

  constructor(
    private readonly terms: ContractTerms,
    levels: readonly SettlementLevel[],
    private readonly directCostPerHour: number | undefined,
  ) {
    this.tally = new YearTally(terms, levels);
    this.ids = levels.map((level) => level.id);
  }

  /** Adds one episode, read at `line` of its file; refuses a level the model has not, or no cost. */
  add(episode: EpisodeSummary, line: number): void {
    const index = this.ids.indexOf(episode.level);
    if (index < 0) {
      throw problem(
        line,
        `level ${quoteText(episode.level)} is not among the model's levels (${this.ids.join(", ")}).`,
      );
    }
    const cost = episodeCost(episode, this.directCostPerHour);
    if (cost === undefined) {
      throw problem(
        line,
        "the episode has no amount and the model's provider has no directCostPerHour, so it has no cost; give provider.directCostPerHour or the episodes' amount.",
      );
    }
    this.tally.add(index, cost, episode.amount ?? cost);
  }

  /** The year's statement at the measures' values, drawn up by `settle`. */
  settle(measures: Readonly<Record<string, number>>): Settlement {
    return settle(this.terms, this.tally.take(), measures);
  }
}
