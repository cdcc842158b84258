/**
 * Builds the add-in into dist/: taskpane.html loading both bundles (shared runtime),
 * functions.js + functions.json, assets/, and manifest.xml.
 *
 *   webpack --mode development  dev manifest as is; office.js served locally from office-js/
 *   webpack --mode production   office.js from Microsoft's CDN; manifest URLs rewritten to ADDIN_URL
 *                               (normalised; refused unless https, and never this machine)
 *   webpack serve --mode development   https://localhost:3000 with office-addin-dev-certs
 */
"use strict";
const path = require("path");
const { WebpackError } = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { resolveAddinUrl } = require("./scripts/addin-url");
const { rewriteManifestUrls } = require("./scripts/production-manifest");
const { FunctionsReferencePlugin } = require("./scripts/functions-reference");
const { TaskpaneFunctionsPlugin } = require("./scripts/taskpane-functions");
const { InitialScriptsBudget } = require("./scripts/initial-scripts-budget");

const DIST = path.resolve(__dirname, "dist");
const FUNCTIONS_TS = "./src/functions/functions.ts";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/**
 * custom-functions-metadata reports JSDoc errors without failing, and writes an empty
 * functions.json when it finds no function: either way Excel would show #NAME?, so fail the build.
 */
class RequireFunctionsMetadata {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RequireFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RequireFunctionsMetadata", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const asset = compilation.getAsset("functions.json");
          let count = 0;
          try {
            count = JSON.parse(asset.source.source().toString()).functions.length;
          } catch {
            // missing or empty: count stays 0
          }
          if (count === 0) {
            compilation.errors.push(
              new WebpackError(`functions.json has no functions: check the JSDoc in ${FUNCTIONS_TS}`),
            );
          }
        },
      );
    });
  }
}

/** Dev build: load office.js from the local copy so the preview and tests work offline. */
class UseLocalOfficeJs {
  apply(compiler) {
    compiler.hooks.compilation.tap("UseLocalOfficeJs", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("UseLocalOfficeJs", (data) => {
        if (!data.html.includes(OFFICE_JS_CDN)) {
          throw new Error(`${data.outputName} no longer loads ${OFFICE_JS_CDN}`);
        }
        data.html = data.html.split(OFFICE_JS_CDN).join(OFFICE_JS_LOCAL);
        return data;
      });
    });
  }
}

/** Adds a warning to the build output (the placeholder ADDIN_URL). */
class BuildWarning {
  constructor(message) {
    this.message = message;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BuildWarning", (compilation) => {
      compilation.warnings.push(new WebpackError(this.message));
    });
  }
}

/** ADDIN_URL for a production build; a refused one stops the build with its reason, no stack. */
function productionAddinUrl() {
  try {
    return resolveAddinUrl(process.env);
  } catch (error) {
    error.stack = `Production build refused: ${error.message}`;
    throw error;
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const addin = dev ? null : productionAddinUrl();

  const copies = [
    { from: "assets", to: "assets" },
    { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
    { from: "src/taskpane/support.html", to: "support.html" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: dev ? undefined : (content) => rewriteManifestUrls(content.toString(), addin.url),
    },
  ];
  if (dev) {
    // office.js loads its host file (excel-*.js), strings and telemetry from beside itself.
    copies.push({
      from: "{office.js,o15apptofilemappingtable.js,excel-*.js,*/office_strings.js,telemetry/*.js,ariatelemetry/*.js}",
      context: OFFICE_JS_DIST,
      to: "office-js/",
      globOptions: { ignore: ["**/*.debug.js"] },
    });
  }

  const config = {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pane's CSP forbids eval.
    devtool: dev ? "source-map" : false,
    target: ["web", "es2020"],
    entry: {
      // The guard first: the functions' registration must not throw when office.js did not load.
      functions: ["./src/taskpane/officeGuard.ts", FUNCTIONS_TS],
      // The pane runs on functions.js's webpack runtime (shared runtime: both load in taskpane.html,
      // functions.js first) and reuses its modules, so the chunk loader the risk functions' import()
      // needs, and the core both use, load once rather than once per bundle.
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
    },
    output: {
      path: DIST,
      // The entries keep fixed names: the manifest and taskpane.html load functions.js and taskpane.js.
      filename: "[name].js",
      // Lazy chunks (preview, audit, the .xlsx writer…) are named by their content in production, so
      // a browser never runs a stale chunk it cached from an earlier release.
      chunkFilename: dev ? "[name].js" : "[name].[contenthash].js",
      // Chunks load from beside the page that asked for them (taskpane.html, the shared runtime, sits
      // with them in dist/): a relative URL on the add-in's own origin, which the pane's CSP allows.
      // Not "auto", which reads document.currentScript when functions.js starts and throws without one.
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type-check what is bundled only; `npm run typecheck` covers tests and tools.
          options: { onlyCompileBundledFiles: true, compilerOptions: { module: "es2020" } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_TS, output: "functions.json" }),
      new RequireFunctionsMetadata(),
      // functions-reference.html from the same JSDoc (each function's @helpurl opens it); in
      // production, functions.json's helpUrls move from localhost to ADDIN_URL with the manifest's.
      new FunctionsReferencePlugin({ input: FUNCTIONS_TS, addinUrl: dev ? null : addin.url }),
      // taskpane-functions.json: the pane's Functions list, from functions.json and the same JSDoc.
      new TaskpaneFunctionsPlugin({ input: FUNCTIONS_TS }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the pane's page hosts the functions too.
        chunks: ["functions", "taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({ patterns: copies }),
      ...(dev ? [new UseLocalOfficeJs()] : []),
      // The scripts taskpane.html loads at start stay within 60 KB minified (exceljs loads on demand).
      ...(dev ? [] : [new InitialScriptsBudget()]),
      ...(addin && addin.isDefault
        ? [
            new BuildWarning(
              `ADDIN_URL is unset: dist/manifest.xml points at ${addin.url}, which never resolves`,
            ),
          ]
        : []),
    ],
    stats: { excludeAssets: [/^office-js\//] },
  };

  if (env && env.WEBPACK_SERVE) {
    // Only when serving: this may create and trust the localhost dev certificate; when the trust
    // store refuses (no sudo…), the certificate is used untrusted and the warning says what to do.
    const { devHttpsOptions } = require("./scripts/dev-certs");
    const https = await devHttpsOptions();
    if (!https.trusted && !https.reported) {
      https.reported = true;
      console.warn(`\n${https.problem}\n`);
    }
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      server: { type: "https", options: https.options },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: DIST },
    };
  }
  return config;
};
