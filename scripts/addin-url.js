/**
 * ADDIN_URL, the production base URL of the add-in: checked and normalised once, here, so that
 * webpack.config.js and the tests read the same rules. Plain CommonJS: no webpack needed to test it.
 */
"use strict";

// Used when ADDIN_URL is unset so `npm run build` works in CI; `.invalid` (RFC 2606) can never
// resolve, so a manifest built without ADDIN_URL fails visibly instead of reaching someone else.
const DEFAULT_ADDIN_URL = "https://case-rate-workbench.invalid/";

/** Whether a URL's hostname is this machine or no machine: localhost, 127/8, ::1, 0.0.0.0, ::. */
function isLoopbackOrUnspecified(hostname) {
  const host = hostname
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "")
    .toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host) || host === "0.0.0.0") return true;
  if (host === "::1" || host === "::") return true;
  // IPv4-mapped IPv6 (new URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const high = parseInt(mapped[1], 16);
    return high >> 8 === 127 || (high === 0 && parseInt(mapped[2], 16) === 0);
  }
  return false;
}

/**
 * The normalised form of an ADDIN_URL (as new URL writes it: lower-case scheme and host, no default
 * port, dot segments resolved); throws, naming the rule, unless it is an absolute https URL ending
 * in "/", with no query, fragment or credentials, on a host other than this machine.
 */
function checkAddinUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `ADDIN_URL must be an absolute https URL such as https://addin.example.org/, got "${url}"`,
    );
  }
  if (parsed.protocol !== "https:") throw new Error(`ADDIN_URL must use https, got "${url}"`);
  if (parsed.search || parsed.hash || url.includes("?") || url.includes("#")) {
    throw new Error(`ADDIN_URL must have no query or fragment, got "${url}"`);
  }
  if (parsed.username || parsed.password) throw new Error(`ADDIN_URL must have no credentials, got "${url}"`);
  if (isLoopbackOrUnspecified(parsed.hostname)) {
    throw new Error(
      `ADDIN_URL must not point at this machine (${parsed.hostname} is a loopback or unspecified address): ` +
        `a production build is for other people's Excel, got "${url}"`,
    );
  }
  const normalised = parsed.href;
  if (!normalised.endsWith("/")) throw new Error(`ADDIN_URL must end with "/", got "${url}"`);
  // The URL goes into XML attributes verbatim: refuse what would need escaping.
  if (/[&<>"'\s]/.test(normalised)) throw new Error(`ADDIN_URL has characters not allowed here: "${url}"`);
  return normalised;
}

/** The production base URL from the environment: ADDIN_URL normalised, or the .invalid default. */
function resolveAddinUrl(env = process.env) {
  const value = (env.ADDIN_URL || "").trim();
  return value
    ? { url: checkAddinUrl(value), isDefault: false }
    : { url: DEFAULT_ADDIN_URL, isDefault: true };
}

module.exports = { DEFAULT_ADDIN_URL, checkAddinUrl, isLoopbackOrUnspecified, resolveAddinUrl };
