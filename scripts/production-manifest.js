/**
 * Turns the dev manifest (every URL on https://localhost:3000/) into the production one.
 * Pure functions, so webpack.config.js and the tests share them.
 */
"use strict";

const DEV_URL = "https://localhost:3000/";
const { DEFAULT_ADDIN_URL, checkAddinUrl, resolveAddinUrl } = require("./addin-url");

/**
 * Replaces every https://localhost:3000/ with url, normalised (addin-url.js); throws if none was
 * there or localhost remains.
 */
function rewriteManifestUrls(xml, url) {
  const base = checkAddinUrl(url);
  let count = 0;
  // A function replacement: a "$" in url must not be read as a replacement pattern.
  const out = xml.replace(/https:\/\/localhost:3000\//g, () => {
    count++;
    return base;
  });
  if (count === 0) throw new Error(`manifest has no ${DEV_URL} URL to rewrite`);
  if (/localhost/i.test(out)) throw new Error("production manifest still mentions localhost");
  return out;
}

module.exports = { DEV_URL, DEFAULT_ADDIN_URL, checkAddinUrl, rewriteManifestUrls, resolveAddinUrl };
