/** The webpack plugin that emits the functions reference page with the build. */
"use strict";

const path = require("path");
const { renderHtml } = require("./html");
const { FUNCTIONS_TS, MANIFEST, readReference } = require("./read");

const PAGE = "functions-reference.html";

/**
 * Webpack: emits functions-reference.html beside functions.json, and with `addinUrl` set (the
 * production build) rewrites functions.json's helpUrls from https://localhost:3000/ to it, as
 * scripts/production-manifest.js does for the manifest. Fails the build on JSDoc errors.
 */
class FunctionsReferencePlugin {
  constructor(options = {}) {
    this.input = path.resolve(options.input || FUNCTIONS_TS);
    this.manifest = path.resolve(options.manifest || MANIFEST);
    this.output = options.output || PAGE;
    this.addinUrl = options.addinUrl || null;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const name = "FunctionsReferencePlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(this.input);
      compilation.fileDependencies.add(this.manifest);
      compilation.hooks.processAssets.tapPromise(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          try {
            const reference = await readReference({ input: this.input, manifest: this.manifest });
            // Marked minimized so webpack's HTML minimizer leaves it alone: rewriting the inline
            // <style> would break the CSP hash that allows it.
            compilation.emitAsset(this.output, new sources.RawSource(renderHtml(reference)), {
              minimized: true,
            });
            if (this.addinUrl) this.rewriteHelpUrls(compilation, sources);
          } catch (error) {
            compilation.errors.push(new WebpackError(`${name}: ${error.message}`));
          }
        },
      );
    });
  }

  rewriteHelpUrls(compilation, sources) {
    const { rewriteManifestUrls } = require("../production-manifest");
    const asset = compilation.getAsset("functions.json");
    if (!asset) throw new Error("functions.json was not emitted; cannot point its helpUrls at ADDIN_URL");
    const json = rewriteManifestUrls(asset.source.source().toString(), this.addinUrl);
    compilation.updateAsset("functions.json", new sources.RawSource(json));
  }
}

module.exports = { FunctionsReferencePlugin, PAGE };
