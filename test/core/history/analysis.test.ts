/** The per-level analysis of episode summaries, on figures worked out by hand. */
import { analyzeEpisodes } from "../../../src/core/history/analysis";
import type { EpisodeSummary } from "../../../src/core/history/episodeSummary";
import { inputError } from "../../helpers/inputError";

/** Level A: hours 0.5, 1, 2.5, 3, 13 (Σ 20, mean 4) over 4 clients; level B: one episode of 5 hours. */
const EPISODES: EpisodeSummary[] = [
  { clientId: "c1", level: "B", episodeStart: 20100, services: 5, hours: 5, amount: 600 },
  { clientId: "c1", level: "A", episodeStart: 20089, services: 1, hours: 0.5, amount: 50 },
  { clientId: "c1", level: "A", episodeStart: 20300, services: 1, hours: 1, amount: 100 },
  { clientId: "c2", level: "A", episodeStart: 20089, services: 3, hours: 2.5, amount: 250 },
  { clientId: "c3", level: "A", episodeStart: 20089, services: 3, hours: 3, amount: 300 },
  { clientId: "c4", level: "A", episodeStart: 20089, services: 13, hours: 13, amount: 1300 },
];

describe("analyzeEpisodes", () => {
  const result = analyzeEpisodes(EPISODES, { hasAmount: true, enrollees: 60 });

  test("the model's figures: case mix, hours, the 1-hour histogram, penetration and rate", () => {
    expect(result.enrollees).toBe(60);
    expect(result.penetrationRate).toBe(0.1);
    expect(result.ratePerHour).toBe(104); // 2,600 dollars over 25 hours
    expect(result.levels).toEqual([
      {
        id: "A",
        caseMix: 5 / 6,
        averageHours: 4,
        minHours: 0.5,
        maxHours: 13,
        hoursDistribution: {
          cohorts: [
            { episodes: 2, averageHours: 0.75 }, // (0, 1]
            { episodes: 2, averageHours: 2.75 }, // (2, 3]
            { episodes: 1, averageHours: 13 }, // (12, 13]
          ],
        },
      },
      {
        id: "B",
        caseMix: 1 / 6,
        averageHours: 5,
        minHours: 5,
        maxHours: 5,
        hoursDistribution: { cohorts: [{ episodes: 1, averageHours: 5 }] },
      },
    ]);
    expect(result.levels[0]).not.toHaveProperty("ratePerHour");
  });

  test("history.levels: PERCENTILE.INC, STDEV.S, clients, the level's rate, quartile cohorts", () => {
    expect(result.history.clients).toBe(4);
    expect(result.history.episodes).toBe(6);
    expect(result.history.levels).toEqual([
      {
        id: "A",
        episodes: 5,
        clients: 4,
        hours: 20,
        averageHours: 4,
        medianHours: 2.5,
        p10Hours: 0.5 + 0.4 * 0.5, // rank (5 − 1) × 0.1 = 0.4
        p25Hours: 1,
        p75Hours: 3,
        p90Hours: 3 + 0.6 * 10, // rank 3.6
        sdHours: Math.sqrt(105.5 / 4), // squares 12.25 + 9 + 2.25 + 1 + 81
        minHours: 0.5,
        maxHours: 13,
        ratePerHour: 100,
        cohorts: [
          { fromHours: 0.5, toHours: 1, episodes: 2, averageHours: 0.75 }, // (−∞, p25 = 1]
          { fromHours: 2.5, toHours: 2.5, episodes: 1, averageHours: 2.5 }, // (1, median = 2.5]
          { fromHours: 3, toHours: 3, episodes: 1, averageHours: 3 }, // (2.5, p75 = 3]
          { fromHours: 13, toHours: 13, episodes: 1, averageHours: 13 }, // (3, ∞)
        ],
      },
      {
        id: "B",
        episodes: 1,
        clients: 1,
        hours: 5,
        averageHours: 5,
        medianHours: 5,
        p10Hours: 5,
        p25Hours: 5,
        p75Hours: 5,
        p90Hours: 5,
        sdHours: 0,
        minHours: 5,
        maxHours: 5,
        ratePerHour: 120,
        cohorts: [{ fromHours: 5, toHours: 5, episodes: 1, averageHours: 5 }],
      },
    ]);
  });

  test("given cut points 10, 30, 50 give (−∞, 10], (10, 30], …: the non-empty cohorts only", () => {
    const cut = analyzeEpisodes(EPISODES, { hasAmount: false, cohortCuts: [10, 30, 50] });
    expect(cut.history.levels[0].cohorts).toEqual([
      { fromHours: 0.5, toHours: 3, episodes: 4, averageHours: 1.75 },
      { fromHours: 13, toHours: 13, episodes: 1, averageHours: 13 },
    ]);
  });

  test("a cut point equal to an episode's hours keeps it in the cohort below: (k − 1, k]", () => {
    const cut = analyzeEpisodes(EPISODES, { hasAmount: false, cohortCuts: [2.5] });
    expect(cut.history.levels[0].cohorts.map((cohort) => cohort.episodes)).toEqual([3, 2]);
  });

  test("without amounts or enrollees there is no rate and no penetration", () => {
    const plain = analyzeEpisodes(EPISODES, { hasAmount: false });
    expect(plain).not.toHaveProperty("ratePerHour");
    expect(plain).not.toHaveProperty("enrollees");
    expect(plain).not.toHaveProperty("penetrationRate");
    expect(plain.history.levels[0]).not.toHaveProperty("ratePerHour");
  });

  test("the order the episodes come in changes nothing, to the last bit", () => {
    const shuffled = [...EPISODES].reverse();
    expect(analyzeEpisodes(shuffled, { hasAmount: true, enrollees: 60 })).toEqual(result);
    const thirds = Array.from({ length: 3000 }, (_, i): EpisodeSummary => ({
      clientId: String(i),
      level: "A",
      episodeStart: 0,
      services: 1,
      hours: 0.1 * ((i * 7919) % 3001) + 1 / 3,
      amount: 0.01 * i,
    }));
    expect(analyzeEpisodes([...thirds].reverse(), { hasAmount: true })).toEqual(
      analyzeEpisodes(thirds, { hasAmount: true }),
    );
  });

  test("a one-pass iterable is read once (a stream of episodes)", () => {
    function* stream(): Generator<EpisodeSummary> {
      yield* EPISODES;
    }
    expect(analyzeEpisodes(stream(), { hasAmount: true, enrollees: 60 })).toEqual(result);
  });

  test.each([
    ["no episodes", [], {}, "there are no episodes to analyze."],
    [
      "an episode of 0 hours",
      [{ ...EPISODES[0], hours: 0 }],
      {},
      "episode 1 (client c1, level B) has 0 hours; hours must be above 0.",
    ],
    [
      "an episode without its amount",
      [EPISODES[1], { ...EPISODES[0], amount: undefined }],
      { hasAmount: true },
      "episode 2 (client c1, level B) has no amount of 0 or more.",
    ],
    [
      "cut points out of order",
      EPISODES,
      { cohortCuts: [30, 10] },
      "cohort cut points must rise: 10 comes after 30.",
    ],
    ["enrollees of 0", EPISODES, { enrollees: 0 }, "enrollees is 0; it must be more than 0."],
  ])("%s is refused", (_label, episodes, options, message) => {
    expect(inputError(() => analyzeEpisodes(episodes, { hasAmount: false, ...options })).message).toBe(
      message,
    );
  });
});
