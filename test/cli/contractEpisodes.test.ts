/**
 * `case-rate contract MODEL.json --episodes EPISODES.csv` through the command line's entry point
 * (in process): fixture (a)'s extract turned into episode summaries by the printed warehouse query
 * on DuckDB, settled, and the same statement as `--actuals` with those episodes written as cases.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { episodeQuery } from "../../src/core/history/query";
import { encounterCsv, toolkitFixture } from "../fixtures/history/generate";
import { caseRateInProcess as caseRate, exportEpisodes, fileIn } from "../helpers/caseRateCli";
import { scratchFolder } from "./scratchFolder";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = JSON.parse(readFileSync(path.join(ROOT, "examples", "contract.json"), "utf8")) as Model;
const MEASURES = (
  JSON.parse(readFileSync(path.join(ROOT, "examples", "actuals.json"), "utf8")) as {
    measures: Record<string, number>;
  }
).measures;

type Model = Record<string, unknown> & {
  provider: Record<string, unknown>;
  risk: Record<string, unknown>;
  contract: Record<string, unknown>;
};

const folder = scratchFolder("contract-episodes");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `content` written as `name` in the scratch folder; its path. */
const file = (name: string, content: unknown): string => fileIn(folder, name, content);

/** examples/contract.json with 200 simulated years and `change` applied. */
function modelFile(name: string, change: (model: Model) => void = () => undefined): string {
  const model = structuredClone(EXAMPLE);
  model.risk = { ...model.risk, simulationYears: 200 };
  change(model);
  return file(name, model);
}

/** The episode summaries as the test reads them: DuckDB's plain CSV, no quoting. */
function episodeRows(csv: string): { level: string; hours: number; amount: number }[] {
  const [header, ...rows] = csv.trimEnd().split("\n");
  const at = header.split(",");
  return rows.map((row) => {
    const fields = row.split(",");
    const column = (name: string) => fields[at.indexOf(name)];
    return { level: column("level"), hours: Number(column("hours")), amount: Number(column("amount")) };
  });
}

async function settlementOf(...argv: string[]) {
  const result = await caseRate("contract", ...argv);
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
  return (JSON.parse(result.out) as { settlement: unknown }).settlement;
}

/** Exit 2, nothing on stdout, one line on stderr with every part. */
function expectOneLine(result: Awaited<ReturnType<typeof caseRate>>, ...parts: string[]): void {
  expect(result.out).toBe("");
  expect(result.err).toMatch(/^case-rate: [^\n]+\n$/);
  for (const part of parts) expect(result.err).toContain(part);
  expect(result.code).toBe(2);
}

describe("case-rate contract --episodes, on DuckDB's run of the history query over fixture (a)", () => {
  let episodes = "";
  let rows: ReturnType<typeof episodeRows> = [];
  const measuresOnly = file("measures.json", { cases: [], measures: MEASURES });

  beforeAll(async () => {
    const extract = file("toolkit.csv", encounterCsv(toolkitFixture(), { shuffle: 3 }));
    episodes = path.join(folder, "episodes.csv");
    await exportEpisodes(extract, episodeQuery(), episodes);
    rows = episodeRows(readFileSync(episodes, "utf8"));
  }, 180_000);

  test("with the provider's directCostPerHour: each episode costs its hours × it, as the same cases in --actuals", async () => {
    expect(rows).toHaveLength(3000);
    const model = modelFile("direct.json");
    const perHour = EXAMPLE.provider.directCostPerHour as number;
    const cases = rows.map((row) => ({ level: row.level, cost: row.hours * perHour, paid: row.amount }));
    const actuals = file("direct-actuals.json", { cases, measures: MEASURES });
    const fromEpisodes = await settlementOf(model, "--episodes", episodes, "--actuals", measuresOnly);
    expect(fromEpisodes).toEqual(await settlementOf(model, "--actuals", actuals));
    expect(fromEpisodes).toMatchObject({
      costOfCare: expect.any(Number),
      outlierPayments: expect.any(Number),
    });
    expect((fromEpisodes as { lines: { text: string }[] }).lines[0].text).toContain("3000 cases");
  }, 120_000);

  test("without it: each episode costs its amount; the shared-savings spending is the amounts too", async () => {
    const noDirectCost = (model: Model) => {
      delete model.provider.directCostPerHour;
    };
    const cases = rows.map((row) => ({ level: row.level, cost: row.amount }));
    const actuals = file("amount-actuals.json", { cases, measures: MEASURES });
    const model = modelFile("amount.json", noDirectCost);
    expect(await settlementOf(model, "--episodes", episodes, "--actuals", measuresOnly)).toEqual(
      await settlementOf(model, "--actuals", actuals),
    );
    const shared = modelFile("shared.json", (m) => {
      noDirectCost(m);
      m.contract = {
        arrangement: "sharedSavings",
        sharedSavings: { sharingRate: 0.5, lossSharingRate: 0.5 },
      };
    });
    const settled = (await settlementOf(shared, "--episodes", episodes)) as Record<string, number>;
    expect(settled).toEqual(await settlementOf(shared, "--actuals", actuals));
    expect(settled.feeForServicePayments).toBe(settled.costOfCare);
  }, 120_000);

  test("an episode with no amount and no directCostPerHour: exit 2, one line naming the file and the line", async () => {
    const noAmount = file(
      "no-amount.csv",
      "client_id,level,episode_start,services,hours,amount\n1,A,20089,2,2,\n",
    );
    const model = modelFile("no-cost.json", (m) => {
      delete m.provider.directCostPerHour;
    });
    expectOneLine(
      await caseRate("contract", model, "--episodes", noAmount, "--actuals", measuresOnly),
      `${noAmount}: line 2: the episode has no amount and the model's provider has no directCostPerHour`,
    );
  });

  test("bad input: a level the model has not, measures missing, cases given twice", async () => {
    const model = modelFile("bad.json");
    const otherLevel = file(
      "level-e.csv",
      "client_id,level,episode_start,services,hours,amount\n1,A,20089,2,2,10\n2,E,20089,1,1,5\n",
    );
    expectOneLine(
      await caseRate("contract", model, "--episodes", otherLevel, "--actuals", measuresOnly),
      `${otherLevel}: line 3: level "E" is not among the model's levels (A, B, C, D).`,
    );
    expectOneLine(
      await caseRate("contract", model, "--episodes", otherLevel),
      "the contract's measures (withinRange",
      "give --actuals ACTUALS.json",
    );
    const withCases = file("with-cases.json", { cases: [{ level: "A", cost: 1 }], measures: MEASURES });
    expectOneLine(
      await caseRate("contract", model, "--episodes", otherLevel, "--actuals", withCases),
      `${withCases}: gives cases, and so does --episodes`,
    );
  });
});
