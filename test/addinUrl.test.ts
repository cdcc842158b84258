/**
 * ADDIN_URL as the production build reads it (scripts/addin-url.js, required by webpack.config.js):
 * written normalised, refused when it is not an absolute https URL or points at this machine.
 */
import { checkAddinUrl, resolveAddinUrl } from "../scripts/addin-url";
import { rewriteManifestUrls } from "../scripts/production-manifest";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<{ plugins: unknown[] }>;

describe("ADDIN_URL is written normalised", () => {
  test.each([
    ["https:/x.example/", "https://x.example/"],
    ["HTTPS://X.EXAMPLE/", "https://x.example/"],
    ["https://X.Example:443/Case-Rate/", "https://x.example/Case-Rate/"],
    ["https://x.example/a/../b/", "https://x.example/b/"],
    ["https://x.example", "https://x.example/"],
  ])("%s becomes %s", (raw, normalised) => {
    expect(checkAddinUrl(raw)).toBe(normalised);
    expect(resolveAddinUrl({ ADDIN_URL: raw })).toEqual({ url: normalised, isDefault: false });
    expect(rewriteManifestUrls('<a href="https://localhost:3000/taskpane.html"/>', raw)).toBe(
      `<a href="${normalised}taskpane.html"/>`,
    );
  });
});

describe("ADDIN_URL is refused, saying why", () => {
  test.each([
    ["../../", /absolute https URL/],
    ["x.example/", /absolute https URL/],
    ["http://x.example/", /must use https/],
    ["https://x.example/case-rate", /must end with "\/"/],
    ["https://x.example/?v=1", /no query/],
    ["https://x.example/#top", /no query or fragment/],
    ["https://me:secret@x.example/", /no credentials/],
  ])("%s", (url, why) => {
    expect(() => checkAddinUrl(url)).toThrow(why);
  });

  test.each([
    "https://localhost/",
    "https://LOCALHOST:8443/",
    "https://addin.localhost/",
    "https://127.0.0.1/",
    "https://127.1/",
    "https://2130706433/",
    "https://[::1]/",
    "https://[0:0:0:0:0:0:0:1]/",
    "https://[::]/",
    "https://0.0.0.0/",
    "https://0/",
    "https://[::ffff:127.0.0.1]/",
  ])("%s points at this machine", (url) => {
    expect(() => checkAddinUrl(url)).toThrow(/must not point at this machine .* loopback or unspecified/);
  });

  test("hosts that only look local are accepted", () => {
    expect(checkAddinUrl("https://localhost.example.org/")).toBe("https://localhost.example.org/");
    expect(checkAddinUrl("https://128.0.0.1/")).toBe("https://128.0.0.1/");
  });
});

describe("webpack.config.js", () => {
  const saved = process.env.ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  test("a production build with a loopback ADDIN_URL stops with the reason", async () => {
    process.env.ADDIN_URL = "https://[::1]/";
    await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(
      /ADDIN_URL must not point at this machine/,
    );
  });

  test("a development build does not read ADDIN_URL", async () => {
    process.env.ADDIN_URL = "https://0.0.0.0/";
    await expect(webpackConfig({}, { mode: "development" })).resolves.toHaveProperty("plugins");
  });
});
