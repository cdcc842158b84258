/** The one episode-to-case rule: an episode's cost of care, and EpisodeYear's use of it. */
import { EpisodeYear, episodeCost } from "../../../src/core/contract/episodeYear";
import type { EpisodeSummary } from "../../../src/core/history/episodeSummary";

const episode = (hours: number, amount?: number): EpisodeSummary => ({
  clientId: "1",
  level: "B",
  episodeStart: 0,
  services: 3,
  hours,
  ...(amount === undefined ? {} : { amount }),
});

describe("episodeCost", () => {
  test("hours × the cost per hour when one is given, over the amount", () => {
    expect(episodeCost(episode(30, 4500), 100)).toBe(3000);
    expect(episodeCost(episode(2.5), 78.25)).toBe(195.625);
  });

  test("else the episode's amount; undefined when it has none", () => {
    expect(episodeCost(episode(30, 4500), undefined)).toBe(4500);
    expect(episodeCost(episode(30), undefined)).toBeUndefined();
  });

  test("EpisodeYear costs its cases by it: cost of care Σ amounts, or Σ hours × directCostPerHour", () => {
    const year = (directCostPerHour: number | undefined) => {
      const y = new EpisodeYear({}, [{ id: "B", caseRate: 4000 }], directCostPerHour);
      y.add(episode(30, 4500), 2);
      y.add(episode(10, 1000), 3);
      return y.settle({}).costOfCare;
    };
    expect(year(undefined)).toBe(5500);
    expect(year(100)).toBe(4000);
  });
});
