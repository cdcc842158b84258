/**
 * The task pane's budget: the scripts taskpane.html loads at start (our bundles; office.js comes
 * from Microsoft's CDN) stay within 60 KB minified (DEVELOPERS.md). Anything heavy, such as the .xlsx writer,
 * must load on demand from its own chunk. A production build over budget fails.
 */
"use strict";

const DEFAULT_LIMIT = 60 * 1024;

/** The local scripts an HTML page loads: src attributes that are not absolute URLs. */
function scriptsOf(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
    .map((match) => match[1])
    .filter((src) => !/^(https?:)?\/\//i.test(src));
}

class InitialScriptsBudget {
  constructor({ page = "taskpane.html", limit = DEFAULT_LIMIT, ignore = /^office-js\// } = {}) {
    this.page = page;
    this.limit = limit;
    this.ignore = ignore;
  }

  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    const name = "InitialScriptsBudget";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const page = compilation.getAsset(this.page);
        if (!page) return;
        const scripts = scriptsOf(page.source.source().toString()).filter((src) => !this.ignore.test(src));
        const sizes = scripts.map((src) => ({ src, size: compilation.getAsset(src)?.source.size() ?? 0 }));
        const total = sizes.reduce((sum, { size }) => sum + size, 0);
        const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
        if (total > this.limit) {
          compilation.errors.push(
            new WebpackError(
              `${this.page} loads ${kb(total)} of scripts at start (${sizes.map((s) => `${s.src} ${kb(s.size)}`).join(", ")}); ` +
                `the budget is ${kb(this.limit)}: load heavy code with import() so it gets its own chunk.`,
            ),
          );
        }
      });
    });
  }
}

module.exports = { InitialScriptsBudget, scriptsOf, DEFAULT_LIMIT };
