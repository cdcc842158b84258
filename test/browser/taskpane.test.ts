/**
 * The built task pane in real Chromium, outside Office: the browser preview a new user sees on a
 * machine without Excel. Builds the example, downloads the .xlsx and has LibreOffice recalculate
 * it, checks the Functions list against functions.json, uses the pane by keyboard alone, and
 * watches every request (nothing may leave 127.0.0.1), page error, console error and CSP violation.
 * Screenshots of each section go to test-artifacts/ (gitignored).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { recalculateWithLibreOffice } from "../../src/cli/libreoffice";
import { excelRound } from "../../src/core/round";
import { sofficeForTests } from "../helpers/libreoffice";
import { numbersOf, readFile } from "../helpers/starterFiles";
import {
  artifactsDir,
  type ChromiumPane,
  chromiumForTests,
  devBuild,
  openChromium,
  reportCspViolations,
} from "./support";

const SUITE = "task pane in Chromium";
const executablePath = chromiumForTests(SUITE);
const describeInChromium = executablePath ? describe : describe.skip;

describeInChromium(SUITE, () => {
  let built: string;
  let pane: ChromiumPane | undefined;
  let server: ChromiumPane["server"];
  let page: Page;
  let loadedAt = 0;
  const requests: string[] = [];
  const problems: string[] = [];
  const shots = artifactsDir();

  beforeAll(async () => {
    built = devBuild();
    pane = await openChromium(
      executablePath as string,
      "taskpane-chromium-",
      { acceptDownloads: true, viewport: { width: 1280, height: 900 } },
      built,
    );
    const { context } = pane;
    server = pane.server;
    page = pane.page;
    context.on("request", (request) => requests.push(request.url()));
    await reportCspViolations(context);
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`${server.origin}/taskpane.html`);
    loadedAt = Date.now();
    await page.waitForSelector('body[data-mode="preview"]');
  }, 120_000);

  afterAll(async () => {
    await pane?.close();
  });

  const status = () => page.locator("#status").textContent();
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        id: el.id,
        text: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40),
        visibleFocus: style.outlineStyle !== "none" || style.boxShadow !== "none",
      };
    });

  test("outside Office the pane opens as the browser preview", async () => {
    expect(await page.locator("#mode-badge").isVisible()).toBe(true);
    expect(await status()).toMatch(/^Browser preview/);
    expect(await page.locator("#build").isVisible()).toBe(true);
  });

  test("by keyboard alone: Tab reaches Build with a visible focus, and Space builds the example", async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const visited: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press("Tab");
      const now = await focused();
      if (!now) continue;
      visited.push(now.id || now.text);
      expect({ at: now.id || now.text, visibleFocus: now.visibleFocus }).toEqual({
        at: now.id || now.text,
        visibleFocus: true,
      });
      if (now.id === "build-button") break;
    }
    // One stop per control: the section tabs and each radio group take one Tab between them.
    expect(visited).toEqual([
      "tab-build",
      "source-example",
      "provider",
      "scenario",
      "levels-toolkit",
      "build-button",
    ]);
    await page.keyboard.press("Space");
    await page.waitForSelector("#build-summary:not([hidden])");
    expect(await status()).toMatch(/^Built 9 sheets and \d+ defined names\./);
    // Focus moves to the summary, and the summary shows the toolkit's printed total.
    expect((await focused())?.id).toBe("summary-heading");
    const figures = await page.locator("#key-figures").innerText();
    expect(figures).toMatch(/Total budget\s+\$24,030,535/);
    expect(figures).toMatch(/Checks\s+All checks pass/);
  });

  test("the sheets show as tables with computed values; the summary's links open each sheet", async () => {
    const links = page.locator("#sheet-links button");
    expect(await links.allInnerTexts()).toEqual([
      "Guide",
      "Inputs",
      "Case Rates",
      "Scenarios",
      "Risk",
      "Metrics",
      "Contract",
      "Settlement",
      "Checks",
    ]);
    // Keyboard: from the summary heading, Tab to the third link and press Enter.
    await page.locator("#summary-heading").focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
    expect((await focused())?.text).toBe("Go to the Case Rates sheet");
    await page.keyboard.press("Enter");
    await page.waitForSelector('table.sheet-table[data-sheet="Case Rates"]');
    expect(await status()).toBe("Showing the Case Rates sheet.");
    const total = page.locator('table[data-sheet="Case Rates"] td[data-address="H19"]');
    expect(await total.textContent()).toBe("$24,030,535");
    expect(await total.getAttribute("title")).toMatch(/^H19: =IF\(InputsComplete,SUM\(D19:G19\)/);
    expect(await page.locator("#preview-note").textContent()).toMatch(
      /calculated here from the sheets' own formulas/,
    );
    expect(await page.locator("td.cell-not-calculated").count()).toBe(0);
    await page.screenshot({ path: path.join(shots, "taskpane-preview.png"), fullPage: true });
    await page.locator("main.pane").screenshot({ path: path.join(shots, "taskpane-build.png") });
  });

  test("the downloaded .xlsx, recalculated by LibreOffice, reproduces the printed total $24,030,535", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-button")]);
    expect(download.suggestedFilename()).toBe("case-rate-starter-example.xlsx");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskpane-download-"));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
    const soffice = sofficeForTests(`${SUITE}: the downloaded workbook`);
    if (!soffice) return;
    const [recalculated] = await recalculateWithLibreOffice(soffice, [file]);
    const workbook = await readFile(recalculated);
    expect(excelRound(numbersOf(workbook, "TotalBudget")[0], 0)).toBe(24_030_535);
    expect(workbook.named("CheckStatus")?.[0].value).toBe("All checks pass");
    expect(await status()).toMatch(/^Downloaded case-rate-starter-example\.xlsx/);
  }, 60_000);

  test("the Functions list is functions.json's, each with a description and a worked example", async () => {
    await page.locator("#tab-build").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("#functions").isVisible()).toBe(true);
    expect((await focused())?.id).toBe("tab-functions");
    await page.waitForSelector("#function-list li");
    const metadata = JSON.parse(fs.readFileSync(path.join(built, "functions.json"), "utf8")) as {
      functions: { id: string; name: string; description: string }[];
    };
    const items = page.locator("#function-list > li");
    expect(await items.evaluateAll((els) => els.map((el) => el.getAttribute("data-function")))).toEqual(
      metadata.functions.map((f) => f.id),
    );
    expect(await page.locator(".function-description").allTextContents()).toEqual(
      metadata.functions.map((f) => f.description),
    );
    const examples = await page.locator(".example-formula").allTextContents();
    expect(examples).toHaveLength(metadata.functions.length);
    examples.forEach((formula, i) =>
      expect(formula).toMatch(new RegExp(`^=VBP\\.${metadata.functions[i].name}\\(`)),
    );
    // Results as Excel formats them, not bare numbers.
    expect(
      await page.locator('#function-list li[data-function="CASEMIX_BUDGET"] .example-result').textContent(),
    ).toBe("→ $24,030,535");
    await page.locator("main.pane").screenshot({ path: path.join(shots, "taskpane-functions.png") });
  });

  test("Insert, in the preview, hands over the worked example and says what it does in Excel", async () => {
    await page.locator('#function-list li[data-function="CASES"] button[data-insert]').click();
    await page.waitForSelector("#functions-message:not([hidden])");
    expect(await page.locator("#functions-message").textContent()).toMatch(
      /^In Excel, Insert puts VBP\.CASES in the active cell.*=VBP\.CASES\(30000, 10%\)/,
    );
  });

  test("the Audit section runs and reports in words", async () => {
    await page.locator("#tab-functions").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("#audit").isVisible()).toBe(true);
    await page.locator("#audit-button").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => {
      const result = document.getElementById("audit-result");
      const error = document.getElementById("audit-error");
      return (result && !result.hidden) || (error && !error.hidden);
    });
    expect((await status())?.length).toBeGreaterThan(10);
    await page.locator("main.pane").screenshot({ path: path.join(shots, "taskpane-audit.png") });
  });

  test("custom levels: the core's refusal shows beside the field, in words, tied to it for screen readers", async () => {
    await page.locator("#tab-build").click();
    expect(await page.locator("#summary-heading").textContent()).toBe("Created");
    await page.locator("#levels-custom").check();
    // The example's build is still on screen, marked as the previous one now the options differ.
    expect(await page.locator("#summary-heading").textContent()).toMatch(/^Previous build \(the options/);
    await page.locator("#level-count").fill("3");
    const error = page.locator("#levels-error");
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toBe(
      "The toolkit's example has its own four levels of care (A, B, C, D); build it without custom levels.",
    );
    const describedBy = await page.locator("#levels-custom").getAttribute("aria-describedby");
    expect(describedBy?.split(" ")).toContain("levels-error");
    expect(await page.locator("#levels-custom").getAttribute("aria-invalid")).toBe("true");
    await page.locator("#source-blank").check();
    expect(await error.isVisible()).toBe(false);
    await page.locator("#level-2-name").fill("");
    expect(await error.textContent()).toBe("Level 3 has no name; give every level of care a name.");
    expect(await page.locator("#level-2-name").getAttribute("aria-invalid")).toBe("true");
    await page.locator("#level-2-name").fill("Intensive <b>care</b>");
    await page.locator("#build-button").click();
    await page.waitForSelector("#build-summary:not([hidden])");
    await page.waitForFunction(() => document.getElementById("summary-heading")?.textContent === "Created");
    // Typed text stays text: the name shows as typed, never as markup.
    await page.locator('#sheet-links button[data-sheet="Inputs"]').click();
    const names = await page.locator('table[data-sheet="Inputs"] td').allTextContents();
    expect(names).toContain("Intensive <b>care</b>");
    expect(await page.locator('table[data-sheet="Inputs"] b').count()).toBe(0);
  });

  test("with the provider model: every formula calculated, and the charts drawn from the values", async () => {
    await page.locator("#source-example").check();
    await page.locator("#levels-toolkit").check();
    await page.locator("#provider").check();
    await page.locator("#build-button").click();
    await page.waitForSelector('#sheet-links button[data-sheet="Sensitivity"]');
    expect(await page.locator("#preview-note").textContent()).toMatch(/\((\d+) of \1 formulas\)/);
    await page.locator('#sheet-links button[data-sheet="Sensitivity"]').click();
    await page.waitForSelector('table[data-sheet="Sensitivity"]');
    expect(await page.locator("td.cell-not-calculated").count()).toBe(0);
    const chart = page.locator("#sheet-panel figure.chart").first();
    expect(await chart.locator(".chart-row").count()).toBeGreaterThan(3);
    await chart.scrollIntoViewIfNeeded();
    await page.locator("#sheet-panel").screenshot({ path: path.join(shots, "taskpane-preview-chart.png") });
  });

  test("each chart is an inline SVG with a bar per charted value, as Excel will draw it", async () => {
    // The provider model built above: the Sensitivity tornado, then the Dashboard's two charts.
    const bars = async (sheet: string) => {
      await page.locator(`#sheet-links button[data-sheet="${sheet}"]`).click();
      await page.waitForSelector(`table[data-sheet="${sheet}"]`);
      const svgs = page.locator("#sheet-panel figure.chart > svg.chart-svg");
      const counts: number[] = [];
      for (let i = 0; i < (await svgs.count()); i++)
        counts.push(await svgs.nth(i).locator("rect.chart-bar").count());
      return counts;
    };
    // Nine drivers, each a down and an up bar on one line.
    expect(await bars("Sensitivity")).toEqual([18]);
    const tornado = page.locator("#sheet-panel svg.chart-svg").first();
    expect(await tornado.getAttribute("data-kind")).toBe("bar");
    const downUp = await tornado
      .locator("g.chart-row")
      .first()
      .locator("rect.chart-bar")
      .evaluateAll((rects) => rects.map((r) => ({ y: r.getAttribute("y"), fill: r.getAttribute("fill") })));
    expect(downUp[0].y).toBe(downUp[1].y);
    expect(downUp[0].fill).not.toBe(downUp[1].fill);
    // Six P&L lines, each one bar (revenue or expense); three scenarios of needed and payroll FTEs.
    expect(await bars("Dashboard")).toEqual([6, 6]);
    const legend = await page
      .locator("#sheet-panel svg.chart-svg")
      .first()
      .locator(".chart-legend text")
      .allTextContents();
    expect(legend).toEqual(["Revenue", "Expense"]);
    const ticks = await page
      .locator("#sheet-panel svg.chart-svg")
      .first()
      .locator(".chart-tick text")
      .allTextContents();
    expect(ticks.every((t) => t.includes("$"))).toBe(true);
    await page.locator("#sheet-panel figure.chart").first().scrollIntoViewIfNeeded();
    await page
      .locator("#sheet-panel")
      .screenshot({ path: path.join(shots, "taskpane-preview-dashboard-charts.png") });
  });

  test("at a task pane's width the sections stack and stay usable", async () => {
    await page.setViewportSize({ width: 360, height: 900 });
    await page.locator("#tab-build").click();
    expect(await page.locator("#build-button").isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.querySelector("main.pane")!.scrollWidth > 360);
    expect(overflow).toBe(false);
    await page.locator("main.pane").screenshot({ path: path.join(shots, "taskpane-narrow.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("nothing left the machine, and there was no page error, console error or CSP violation", async () => {
    // office.js schedules its telemetry frame 3 s after loading: wait that out before judging.
    await page.waitForTimeout(Math.max(0, loadedAt + 4000 - Date.now()));
    const offMachine = requests.filter(
      (url) => !url.startsWith(`${server.origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"),
    );
    expect(offMachine).toEqual([]);
    expect(requests.some((url) => /exceljs/.test(url))).toBe(true);
    expect(problems).toEqual([]);
  });
});
