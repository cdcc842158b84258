"use strict";
/** The newest modification time (ms) of the files below the given paths; shared by globalSetup and the build checks. */
const fs = require("node:fs");
const path = require("node:path");

/** The repository's root folder. */
const ROOT = path.resolve(__dirname, "../..");

/** The newest modification time (ms) of the files in `sources` (paths from ROOT; folders searched). */
function newestSource(sources) {
  let newest = 0;
  const visit = (file) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) fs.readdirSync(file).forEach((name) => visit(path.join(file, name)));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  sources
    .map((s) => path.join(ROOT, s))
    .filter(fs.existsSync)
    .forEach(visit);
  return newest;
}

module.exports = { ROOT, newestSource };
