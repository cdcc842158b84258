#!/usr/bin/env node
/**
 * `npm start`: builds the add-in and serves it at https://localhost:3000 (office-addin-dev-certs;
 * an untrusted certificate is used anyway, with what to do about it), then
 *   - with desktop Excel on this machine and office-addin-debugging installed (not a dependency:
 *     it needs a native module that does not build everywhere; `npm install office-addin-debugging`
 *     where desktop Excel is), sideloads the add-in into desktop Excel;
 *   - otherwise prints how to sideload it into Excel on the web, and the browser preview's URL.
 * CASE_RATE_SIDELOAD=web|desktop overrides the choice. `npm stop` (--stop) undoes a desktop sideload.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const { setTimeout: delay } = require("timers/promises");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** Where today's Excel on the web uploads an add-in's manifest; the README says the same words. */
const EXCEL_WEB_UPLOAD = "Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in";

/** Where desktop Excel usually lives; the first that exists, or null. */
function desktopExcel(platform = process.platform, env = process.env, exists = fs.existsSync) {
  const candidates =
    platform === "darwin"
      ? ["/Applications/Microsoft Excel.app"]
      : platform === "win32"
        ? [env.ProgramFiles, env["ProgramFiles(x86)"], env.ProgramW6432]
            .filter(Boolean)
            .flatMap((base) =>
              ["root\\Office16", "Office16", "root\\Office15"].map((dir) =>
                path.win32.join(base, "Microsoft Office", dir, "EXCEL.EXE"),
              ),
            )
        : [];
  return candidates.find((candidate) => exists(candidate)) || null;
}

/** Whether office-addin-debugging is installed. */
function hasDebugging(resolve = require.resolve) {
  try {
    resolve("office-addin-debugging/package.json", { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

/** Desktop sideload or Excel on the web, and why. */
function plan({ platform, excelPath, debugging, env = {} }) {
  const wanted = (env.CASE_RATE_SIDELOAD || "").toLowerCase();
  if (wanted === "web") return { mode: "web", reason: "CASE_RATE_SIDELOAD=web" };
  if (!excelPath && wanted !== "desktop") {
    return {
      mode: "web",
      reason: `no desktop Excel on this machine (${platform === "linux" ? "there is none for Linux" : "none found"})`,
    };
  }
  if (!debugging) {
    return {
      mode: "web",
      reason:
        "office-addin-debugging is not installed; run npm install office-addin-debugging to sideload into desktop Excel",
    };
  }
  return {
    mode: "desktop",
    reason: excelPath ? `desktop Excel at ${excelPath}` : "CASE_RATE_SIDELOAD=desktop",
  };
}

/** What to tell the user once the server runs without a desktop sideload. */
function webInstructions({ base, manifest, https, reason }) {
  const lines = [
    "",
    `Case Rate Workbench is served at ${base}`,
    "",
    `  Browser preview (no Excel needed): ${base}taskpane.html`,
    "",
    `Not sideloaded into desktop Excel: ${reason}.`,
    "Sideload into Excel on the web:",
    "  1. Open Excel on the web (https://excel.cloud.microsoft) and a workbook saved in OneDrive or SharePoint.",
    `  2. ${EXCEL_WEB_UPLOAD}.`,
    `  3. Choose ${manifest} and Upload. "Case Rate Workbench" appears on the Home tab; =VBP. functions autocomplete.`,
    "  Or, with a workbook's URL: npx office-addin-debugging start manifest.xml web --document <workbook URL>",
    "",
  ];
  if (https.trusted) lines.push(`The localhost certificate is trusted: ${base} opens without a warning.`);
  else lines.push("WARNING: the localhost certificate is NOT trusted yet.", https.problem);
  lines.push("", "Stop with Ctrl+C.", "");
  return lines.join("\n");
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
    child.on("exit", (code) => resolve(code === null ? 1 : code));
    child.on("error", () => resolve(1));
  });
}

const npx = process.platform === "win32" ? "npx.cmd" : "npx";

/** Builds and serves with webpack-dev-server in this process; resolves once the first build is done. */
async function serve(https) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = await require(path.join(ROOT, "webpack.config.js"))(
    { WEBPACK_SERVE: true },
    { mode: "development" },
  );
  config.devServer.server = { type: "https", options: https.options };
  const compiler = webpack(config);
  const firstBuild = new Promise((resolve) => compiler.hooks.done.tap("start", (stats) => resolve(stats)));
  const server = new WebpackDevServer(config.devServer, compiler);
  try {
    await server.start();
  } catch (error) {
    if (error && error.code === "EADDRINUSE") {
      throw new Error(
        `Port ${PORT} is already in use: another npm start (or another server) is running. Stop it, or run npm stop.`,
      );
    }
    throw error;
  }
  const stats = await firstBuild;
  // Let webpack print its build summary first, so the instructions come last.
  await delay(100);
  return { server, ok: !stats.hasErrors() };
}

async function main(argv) {
  const debugging = hasDebugging();
  if (argv.includes("--stop")) {
    if (!debugging) {
      console.log("Nothing was sideloaded by office-addin-debugging; stop npm start with Ctrl+C.");
      return 0;
    }
    return run(npx, ["--no-install", "office-addin-debugging", "stop", "manifest.xml"]);
  }

  const base = `https://localhost:${PORT}/`;
  const choice = plan({ platform: process.platform, excelPath: desktopExcel(), debugging, env: process.env });
  if (choice.mode === "desktop") {
    console.log(`Sideloading into desktop Excel (${choice.reason})…`);
    const code = await run(npx, [
      "--no-install",
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      process.platform === "win32" ? '"npm run dev-server"' : "npm run dev-server",
      "--dev-server-port",
      String(PORT),
    ]);
    if (code === 0) {
      console.log(
        `\nExcel opens with Case Rate Workbench on the Home tab. Preview: ${base}taskpane.html\nStop with npm stop.`,
      );
      return 0;
    }
    console.warn("\nSideloading into desktop Excel failed; serving for Excel on the web instead.");
    choice.mode = "web";
    choice.reason = "the desktop sideload failed (see above)";
  }

  const { devHttpsOptions } = require("./dev-certs");
  const https = await devHttpsOptions();
  https.reported = true; // the instructions below say it, after the build output
  const { ok } = await serve(https);
  if (!ok)
    console.warn("\nThe build has errors (above); the server keeps running and rebuilds when you save.");
  console.log(webInstructions({ base, manifest: MANIFEST, https, reason: choice.reason }));
  return null; // keep serving
}

module.exports = { EXCEL_WEB_UPLOAD, desktopExcel, hasDebugging, plan, webInstructions };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== null) process.exit(code);
    },
    (error) => {
      console.error(`\nnpm start failed: ${error.message}`);
      process.exit(1);
    },
  );
}
