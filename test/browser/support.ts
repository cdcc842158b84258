/**
 * What the browser tests need: a development build of the pane (dist/ when it is current, else a
 * fresh one in a temporary folder, leaving dist/ alone), a static server on 127.0.0.1, and
 * Debian's Chromium driven by playwright-core with a fresh profile. No browser is ever downloaded.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { isCurrentBuild, ROOT } from "../helpers/builds";

const DIST = path.join(ROOT, "dist");
/** What a build is made from: newer than the build's output means the build is stale. */
const SOURCES = ["src", "scripts", "assets", "webpack.config.js", "manifest.xml", "package.json"];

/** The flags of DEVELOPERS.md: headless, sandbox off (containers), nothing phoning home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium's path, or null (the suite then fails in CI and is skipped loudly elsewhere). */
export function chromiumForTests(suite: string): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return found;
  if (process.env.CI === "true") {
    throw new Error(`${suite}: Chromium is required in CI; install it with apt-get install chromium.`);
  }
  console.warn(`\n*** SKIPPING ${suite}: Chromium is not installed (apt-get install chromium). ***\n`);
  return null;
}

/** Whether a folder holds a current development build (office.js served locally, not the CDN). */
function isCurrentDevBuild(dir: string): boolean {
  const page = path.join(dir, "taskpane.html");
  const needed = [page, path.join(dir, "taskpane-functions.json"), path.join(dir, "office-js", "office.js")];
  return isCurrentBuild(needed, SOURCES) && fs.readFileSync(page, "utf8").includes("office-js/office.js");
}

/** Where the suites' shared development build lives (test-artifacts/ is gitignored), and its lock. */
const DEV_BUILD = path.join(ROOT, "test-artifacts", "dev-build");
const DEV_BUILD_LOCK = `${DEV_BUILD}.lock`;
/** A lock older than this was left by a run that died: a build takes well under it. */
const STALE_LOCK_MS = 10 * 60_000;

/** Blocks the thread for `ms` (the suites' setup is synchronous; a build is waited for, not raced). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * A folder with a current development build: dist/ if it is one, else one build shared by every
 * browser suite of the run (CI's dist/ is a production build, which loads office.js from the CDN).
 * The first suite to need it builds it under a lock; the others wait for it and reuse it.
 */
export function devBuild(): string {
  if (isCurrentDevBuild(DIST)) return DIST;
  fs.mkdirSync(path.dirname(DEV_BUILD), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(DEV_BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const lock = fs.statSync(DEV_BUILD_LOCK, { throwIfNoEntry: false });
      if (lock !== undefined && Date.now() - lock.mtimeMs > STALE_LOCK_MS)
        fs.rmSync(DEV_BUILD_LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    if (!isCurrentDevBuild(DEV_BUILD)) {
      const out = `${DEV_BUILD}.${process.pid}`;
      fs.rmSync(out, { recursive: true, force: true });
      execFileSync(
        process.execPath,
        [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development", "--output-path", out],
        { cwd: ROOT, stdio: "pipe" },
      );
      fs.rmSync(DEV_BUILD, { recursive: true, force: true });
      fs.renameSync(out, DEV_BUILD);
    }
  } finally {
    fs.rmSync(DEV_BUILD_LOCK, { recursive: true, force: true });
  }
  return DEV_BUILD;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves a folder on 127.0.0.1 at a free port; answers 404 outside it. */
export async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** test-artifacts/ (gitignored): where the screenshots go. */
export function artifactsDir(): string {
  const dir = path.join(ROOT, "test-artifacts");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A browser suite's Chromium: the served build, the context on its fresh profile, its first page. */
export interface ChromiumPane {
  server: Awaited<ReturnType<typeof serve>>;
  context: BrowserContext;
  page: Page;
  /** Closes the browser and the server and removes the profile. */
  close: () => Promise<void>;
}

/**
 * Serves `built` (a current development build by default) and launches Chromium headless with
 * CHROMIUM_ARGS on a fresh profile named after `profilePrefix`; `options` add to the launch's.
 */
export async function openChromium(
  executablePath: string,
  profilePrefix: string,
  options: Omit<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, "executablePath"> = {},
  built: string = devBuild(),
): Promise<ChromiumPane> {
  const server = await serve(built);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { server, context, page, close };
}

/** Has every page of `context` log a CSP violation as "CSP violation: …" on the console, where the suites watch for it. */
export async function reportCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
}
