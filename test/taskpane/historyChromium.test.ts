/**
 * The History section of the built pane in real Chromium, outside Office: a fixture extract picked
 * with the file picker is streamed through the core in the browser, its Encounter History sheet
 * appears in the in-browser workbook with the file's SHA-256, and "Use as the model's inputs"
 * shows the cells that change and fills them with the toolkit's figures. A bad file's message
 * shows beside its field; header text stays text.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { encounterCsv, toolkitFixture } from "../fixtures/history/generate";
import { type ChromiumPane, chromiumForTests, devBuild, openChromium } from "../browser/support";

const SUITE = "the History section in Chromium";
const executablePath = chromiumForTests(SUITE);
const describeInChromium = executablePath ? describe : describe.skip;

describeInChromium(SUITE, () => {
  let pane: ChromiumPane | undefined;
  let page: Page;
  let files: string;
  const problems: string[] = [];

  /** Writes a file for the picker. */
  const file = (name: string, text: string) => {
    const where = path.join(files, name);
    fs.writeFileSync(where, text);
    return where;
  };

  beforeAll(async () => {
    const built = devBuild();
    files = fs.mkdtempSync(path.join(os.tmpdir(), "history-files-"));
    pane = await openChromium(
      executablePath as string,
      "history-chromium-",
      { viewport: { width: 1280, height: 900 } },
      built,
    );
    page = pane.page;
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`${pane.server.origin}/taskpane.html`);
    await page.waitForSelector('body[data-mode="preview"]');
  }, 600_000);

  afterAll(async () => {
    await pane?.close();
    if (files) fs.rmSync(files, { recursive: true, force: true });
  });

  test("a fixture extract from the file picker: the Encounter History sheet, and the inputs filled after confirming", async () => {
    // A blank starter workbook with the toolkit's four levels, to fill from the history.
    await page.locator("#source-blank").check();
    await page.locator("#build-button").click();
    await page.waitForSelector("#build-summary:not([hidden])");
    await page.locator("#tab-history").click();
    await page.waitForSelector("#history-form:not([hidden])");

    const text = encounterCsv(toolkitFixture(), { shuffle: 5 });
    const extract = file("encounters.csv", text);
    await page.locator("#history-file").setInputFiles(extract);
    await page.waitForSelector("#history-columns:not([hidden])");
    expect(await page.locator("#history-col-minutes").inputValue()).toBe("minutes");
    expect(await page.locator("#history-col-amount").inputValue()).toBe("amount");
    await page.locator("#history-enrollees").fill("30000");
    await page.locator("#history-analyze").click();
    await page.waitForSelector("#history-result:not([hidden])", { timeout: 120_000 });
    expect(await page.locator("#history-summary").textContent()).toMatch(
      /rows read, 0 refused; 3,000 episodes of [\d,]+ clients at 4 levels of care\. Written to the sheet "Encounter History"\.$/,
    );

    // The sheet, in the in-browser workbook, with the file's SHA-256 as the browser computed it.
    await page.waitForSelector('table.sheet-table[data-sheet="Encounter History"]');
    const cells = await page.locator('table[data-sheet="Encounter History"] td').allTextContents();
    expect(cells).toContain(crypto.createHash("sha256").update(text).digest("hex"));
    expect(cells).toContain("encounters.csv");
    expect(cells).toContain("3,000");

    await page.locator("#history-use").click();
    await page.waitForSelector("#history-plan:not([hidden])");
    const rows = await page
      .locator("#history-plan-rows tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
      );
    const byLabel = Object.fromEntries(rows.map(([label, cell, old, now]) => [label, { cell, old, now }]));
    expect(byLabel["Case mix (step 4), level B"]).toMatchObject({ old: "(blank)", now: "37%" });
    expect(byLabel["Average hours (step 5), level C"]).toMatchObject({ old: "(blank)", now: "80.0" });
    expect(byLabel["Penetration rate (step 2), Medium"]).toMatchObject({ old: "(blank)", now: "10.0%" });
    expect(byLabel["Rate per hour (step 6)"]).toMatchObject({ old: "(blank)", now: "$158.62" });
    // Nothing changes before the confirmation.
    await page.locator('#sheet-tabs button[data-sheet="Inputs"]').click();
    const cellText = (address: string) =>
      page.locator(`table[data-sheet="Inputs"] td[data-address="${address}"]`).textContent();
    const mixB = byLabel["Case mix (step 4), level B"].cell.split("!")[1];
    expect(await cellText(mixB)).toBe("");

    await page.locator("#history-confirm").click();
    await page.waitForFunction(() => document.getElementById("history-plan")?.hidden === true);
    // A blank starter's step 6 table has the toolkit's clinician types, not the history's: said, not filled.
    expect(await page.locator("#history-message").textContent()).toBe(
      `Filled ${rows.length} input cells of steps 2, 4, 5 and 6 from the history. Not filled: step 6's service-code table, because its clinician-type columns (Prescriber, RN, Masters level, Below masters level) are not the history's (Below masters, Masters, Prescriber, RN); build the starter workbook from the history (case-rate starter --history) to have them.`,
    );
    await page.waitForSelector('table.sheet-table[data-sheet="Inputs"]');
    for (const [label, { cell, now }] of Object.entries(byLabel)) {
      expect({ label, shown: await cellText(cell.split("!")[1]) }).toEqual({ label, shown: now });
    }
  }, 180_000);

  test("a CSV dropped on the History section (a DataTransfer built in the page) is analyzed", async () => {
    const csv = [
      "client_id,level,service_date,service_code,clinician_type,minutes,amount",
      "1,A,2025-01-02,90834,Masters,60,120",
      "1,A,2025-01-09,90834,Masters,60,120",
      "2,B,2025-02-01,90862,Prescriber,30,90",
      "3,B,2025-03-01,90862,RN,90,150",
    ].join("\n");
    await page.locator("#tab-history").click();
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
      const zone = document.getElementById("history-file-field")!;
      zone.dispatchEvent(
        new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, csv);
    await page.waitForFunction(() =>
      document.getElementById("history-extract")?.textContent?.startsWith("dropped.csv: 7 columns"),
    );
    expect(await page.locator("#history-col-clinician_type").inputValue()).toBe("clinician_type");
    await page.locator("#history-enrollees").fill("");
    await page.locator("#history-analyze").click();
    await page.waitForFunction(() =>
      document.getElementById("history-summary")?.textContent?.startsWith("4 rows read"),
    );
    expect(await page.locator("#history-summary").textContent()).toMatch(
      /^4 rows read, 0 refused; 3 episodes of 3 clients at 2 levels of care\. Written to the sheet "Encounter History \(2\)" \("Encounter History" is taken\)\.$/,
    );
    const cells = await page.locator('table[data-sheet="Encounter History (2)"] td').allTextContents();
    expect(cells).toContain("dropped.csv");
    expect(cells).toContain(crypto.createHash("sha256").update(csv).digest("hex"));
  });

  test("the dropped file's episodes fill the Settlement sheet's closed cases, after what will change is shown", async () => {
    await page.locator("#history-settle").click();
    await page.waitForSelector("#history-settlement:not([hidden])");
    const where = (await page.locator("#history-settlement-where").textContent()) ?? "";
    expect(where).toMatch(
      /^3 closed cases, one per episode, into Settlement!D\d+:E\d+ \(level and cost of care\) of the table's 400 rows; the rows after them and the paid column left blank\.$/,
    );
    expect(await page.locator("#history-settlement-cost").textContent()).toBe(
      "Cost: each case's cost is its episode's amount, the dollars paid for its services (the extract has amounts).",
    );
    // A blank starter's table is empty: no overwrite to tell.
    expect(await page.locator("#history-settlement-overwrites").isHidden()).toBe(true);
    const first = Number(/Settlement!D(\d+):/.exec(where)![1]);
    await page.locator('#sheet-tabs button[data-sheet="Settlement"]').click();
    const cell = (address: string) =>
      page.locator(`table[data-sheet="Settlement"] td[data-address="${address}"]`).textContent();
    expect(await cell(`D${first}`)).toBe("");

    await page.locator("#history-settlement-confirm").click();
    await page.waitForFunction(() => document.getElementById("history-settlement")?.hidden === true);
    expect(await page.locator("#history-message").textContent()).toBe(
      "Filled the Settlement sheet's closed cases: 3 cases from the history's episodes.",
    );
    await page.waitForSelector('table.sheet-table[data-sheet="Settlement"]');
    const shown = [];
    for (let row = first; row < first + 4; row++) shown.push([await cell(`D${row}`), await cell(`E${row}`)]);
    expect(shown).toEqual([
      ["A", "$240.00"],
      ["B", "$90.00"],
      ["B", "$150.00"],
      ["", ""],
    ]);
  });

  test("an episode length of 0 days: the core's message beside its field, and Analyze refuses", async () => {
    await page.locator("#history-episodeDays").fill("0");
    await page.waitForSelector("#history-episodeDays-error:not([hidden])");
    expect(await page.locator("#history-episodeDays-error").textContent()).toBe(
      "episodeDays is 0; it must be a whole number of days from 1 to 36500.",
    );
    expect(await page.locator("#history-episodeDays").getAttribute("aria-invalid")).toBe("true");
    await page.locator("#history-analyze").click();
    expect(await page.locator("#history-message").textContent()).toBe(
      "Not analyzed: episodeDays is 0; it must be a whole number of days from 1 to 36500.",
    );
    await page.locator("#history-episodeDays").fill("");
    await page.waitForSelector("#history-episodeDays-error", { state: "hidden" });
  });

  test("a file without a minutes column: the message beside the column's dropdown; header text stays text", async () => {
    const bad = file(
      "no-minutes.csv",
      "client_id,level,service_date,service_code,<b>Duration</b>\n1,A,2025-01-02,90834,45\n",
    );
    await page.locator("#history-file").setInputFiles(bad);
    await page.waitForSelector("#history-col-minutes-error:not([hidden])");
    expect(await page.locator("#history-col-minutes-error").textContent()).toBe(
      "Choose the column that holds minutes: the analysis needs it.",
    );
    expect(await page.locator("#history-col-minutes").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#history-col-minutes option").allTextContents()).toContain("<b>Duration</b>");
    expect(await page.locator("#history-form b").count()).toBe(0);
    await page.locator("#history-analyze").click();
    expect(await page.locator("#history-message").textContent()).toBe(
      "Not analyzed: Choose the column that holds minutes: the analysis needs it.",
    );
  });

  test("a file with a quote never closed: the core's message beside the file field", async () => {
    const bad = file(
      "open-quote.csv",
      'client_id,level,service_date,service_code,minutes\n1,A,2025-01-02,"90834,45\n2,A,2025-01-03,90834,45\n',
    );
    await page.locator("#history-file").setInputFiles(bad);
    await page.waitForSelector("#history-columns:not([hidden])");
    await page.locator("#history-analyze").click();
    await page.waitForSelector("#history-source-error:not([hidden])");
    expect(await page.locator("#history-source-error").textContent()).toBe(
      'line 2: a quoted field is never closed (no closing " before the end of the file).',
    );
    expect(await page.locator("#history-file").getAttribute("aria-describedby")).toContain(
      "history-source-error",
    );
  });

  test("at a task pane's width the History section fits without scrolling sideways", async () => {
    await page.setViewportSize({ width: 360, height: 900 });
    await page.locator("#tab-history").click();
    expect(await page.locator("#history-analyze").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector("main.pane")!.scrollWidth > 360)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("no page error or console error", () => {
    expect(problems).toEqual([]);
  });
});
