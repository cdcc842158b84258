/**
 * The built task pane in real Chromium when office.js cannot load (offline, or blocked): no page
 * error ("CustomFunctions is not defined" before the guard), the pane says Office.js could not be
 * loaded, and the browser preview still works. office.js is refused by the browser itself.
 */
import type { Page } from "playwright-core";
import { type ChromiumPane, chromiumForTests, openChromium } from "./support";

const SUITE = "task pane in Chromium without office.js";
const executablePath = chromiumForTests(SUITE);
const describeInChromium = executablePath ? describe : describe.skip;

describeInChromium(SUITE, () => {
  let pane: ChromiumPane | undefined;
  let page: Page;
  const blocked: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    pane = await openChromium(executablePath as string, "taskpane-chromium-", {
      viewport: { width: 1280, height: 900 },
    });
    const { context, server } = pane;
    page = pane.page;
    // office.js (local in the dev build, Microsoft's CDN in production) never arrives.
    await context.route(/office\.js(\?|$)/, (route) => {
      blocked.push(route.request().url());
      return route.abort("internetdisconnected");
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      // The blocked script itself is reported as a failed load; anything else is a problem.
      if (message.type() === "error" && !/ERR_INTERNET_DISCONNECTED/.test(message.text()))
        problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
  }, 180_000);

  afterAll(async () => {
    await pane?.close();
  });

  test("the pane says Office.js could not be loaded, and nothing throws", async () => {
    expect(blocked.length).toBeGreaterThan(0);
    await page.waitForFunction(() =>
      /Office\.js could not be loaded/.test(document.getElementById("status")?.textContent ?? ""),
    );
    expect(await page.locator("#status").getAttribute("data-kind")).toBe("error");
    expect(problems).toEqual([]);
  });

  test("the browser preview still builds the starter workbook", async () => {
    await page.locator("#build-button").click();
    await page.waitForSelector("#build-summary:not([hidden])");
    expect(problems).toEqual([]);
  });
});
