/**
 * Turns the dev manifest (every URL on https://localhost:3000/) into the production one.
 * Pure functions, so webpack.config.js and the tests share them.
 */
"use strict";

const DEV_URL = "https://localhost:3000/";
// Used when ADDIN_URL is unset so `npm run build` works in CI; `.invalid` (RFC 2606) can never
// resolve, so a manifest built without ADDIN_URL fails visibly instead of reaching someone else.
const DEFAULT_ADDIN_URL = "https://case-rate-workbench.invalid/";

/** Throws unless url is an absolute https URL ending in "/", with no query, fragment or localhost. */
function checkAddinUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL must be an absolute https URL, got "${url}"`);
  }
  if (parsed.protocol !== "https:") throw new Error(`ADDIN_URL must use https, got "${url}"`);
  if (!url.endsWith("/")) throw new Error(`ADDIN_URL must end with "/", got "${url}"`);
  if (parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`ADDIN_URL must have no query, fragment or credentials, got "${url}"`);
  }
  if (parsed.hostname === "localhost" || parsed.hostname.startsWith("127.")) {
    throw new Error(`ADDIN_URL must not point at this machine, got "${url}"`);
  }
  // The URL goes into XML attributes verbatim: refuse what would need escaping.
  if (/[&<>"'\s]/.test(url)) throw new Error(`ADDIN_URL has characters not allowed here: "${url}"`);
  return url;
}

/** Replaces every https://localhost:3000/ with url; throws if none was there or localhost remains. */
function rewriteManifestUrls(xml, url) {
  checkAddinUrl(url);
  let count = 0;
  // A function replacement: a "$" in url must not be read as a replacement pattern.
  const out = xml.replace(/https:\/\/localhost:3000\//g, () => {
    count++;
    return url;
  });
  if (count === 0) throw new Error(`manifest has no ${DEV_URL} URL to rewrite`);
  if (/localhost/i.test(out)) throw new Error("production manifest still mentions localhost");
  return out;
}

/** The production base URL from the environment: ADDIN_URL, or the .invalid default. */
function resolveAddinUrl(env = process.env) {
  const value = (env.ADDIN_URL || "").trim();
  return value
    ? { url: checkAddinUrl(value), isDefault: false }
    : { url: DEFAULT_ADDIN_URL, isDefault: true };
}

module.exports = { DEV_URL, DEFAULT_ADDIN_URL, checkAddinUrl, rewriteManifestUrls, resolveAddinUrl };
