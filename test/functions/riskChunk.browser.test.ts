/**
 * The risk functions in the built task pane page, in real Chromium, as Excel's shared runtime runs
 * them: office.js is replaced by a stand-in CustomFunctions that records the registrations, so
 * the page's own scripts, URLs and Content-Security-Policy are the shipped ones. The first
 * VBP.RISK_RESERVE call loads the risk chunk from the page's origin, with no CSP violation.
 */
import type { Page } from "playwright-core";
import { type ChromiumPane, chromiumForTests, openChromium, reportCspViolations } from "../browser/support";

const SUITE = "risk functions' chunk in Chromium";
const executablePath = chromiumForTests(SUITE);
const describeInChromium = executablePath ? describe : describe.skip;

/** office.js's place taken by what the functions need of it: associate() and Error. */
const CUSTOM_FUNCTIONS_STAND_IN = `
window.CustomFunctions = {
  registered: {},
  associate(id, fn) { this.registered[id] = fn; },
  Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
};`;

/** The page's window with the stand-in. */
interface StandInWindow {
  CustomFunctions: { registered: Record<string, (...args: unknown[]) => Promise<number>> };
}

const LEVEL_B = [[[1110]], [[239, 418, 251, 202]], [[8, 20, 40, 65]], [[158.61739]], 5281959, null];

describeInChromium(SUITE, () => {
  let pane: ChromiumPane | undefined;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    pane = await openChromium(executablePath as string, "risk-chunk-chromium-");
    const { context, server } = pane;
    page = pane.page;
    await context.route(/office\.js(\?|$)/, (route) =>
      route.fulfill({ contentType: "text/javascript", body: CUSTOM_FUNCTIONS_STAND_IN }),
    );
    context.on("request", (request) => requests.push(request.url()));
    await reportCspViolations(context);
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.text().startsWith("CSP violation")) problems.push(message.text());
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForFunction(
      () => "RISK_RESERVE" in (window as unknown as StandInWindow).CustomFunctions.registered,
    );
  }, 120_000);

  afterAll(async () => {
    await pane?.close();
  });

  const riskChunkRequests = () =>
    requests.filter((url) => new URL(url).pathname.match(/^\/risk(\.[0-9a-f]+)?\.js$/));

  test("the first call loads the risk chunk from the page's origin, and gives the core's reserve", async () => {
    expect(riskChunkRequests()).toEqual([]);
    const reserve = await page.evaluate(
      (args) => (window as unknown as StandInWindow).CustomFunctions.registered.RISK_RESERVE(...args),
      LEVEL_B,
    );
    expect(Math.round(reserve)).toBe(337697);
    const chunks = riskChunkRequests();
    expect(chunks).toHaveLength(1);
    expect(new URL(chunks[0]).origin).toBe(pane?.server.origin);
    const probability = await page.evaluate(
      (args) =>
        (window as unknown as StandInWindow).CustomFunctions.registered.LOSS_PROBABILITY(...args.slice(0, 5)),
      LEVEL_B,
    );
    expect(Math.round(probability * 1000) / 10).toBe(54.4);
    expect(riskChunkRequests()).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test("a bad table rejects the call's promise with #VALUE! and the message", async () => {
    const error = await page.evaluate(async (args) => {
      try {
        await (window as unknown as StandInWindow).CustomFunctions.registered.RISK_RESERVE(
          args[0],
          args[1],
          [[8, 20, 40]],
          ...args.slice(3),
        );
        return null;
      } catch (e) {
        return { code: (e as { code: string }).code, message: (e as Error).message };
      }
    }, LEVEL_B);
    expect(error).toEqual({
      code: "#VALUE!",
      message:
        "average_hours is 1 row × 3 columns but episodes is 1 row × 4 columns; give both in the same shape, a row per level and a column per cohort.",
    });
    expect(problems).toEqual([]);
  });
});
