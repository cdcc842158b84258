/** Jest: TypeScript through ts-jest; every suite lives under test/. */
module.exports = {
  // ts-jest, with the builtins bound as module locals (helpers/localBuiltins.js says why).
  transform: { "^.+\\.tsx?$": "<rootDir>/test/helpers/localBuiltins.js" },
  testEnvironment: "node",
  // One suite per core: jest's default (cores − 1) runs a 2-core machine's suites one at a time,
  // though many of them mostly wait for LibreOffice, Chromium or R.
  maxWorkers: "100%",
  // Building a whole starter workbook takes a few seconds on a busy 2-core machine.
  testTimeout: 30_000,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // List every test by name: the worked example's figures read as a checklist.
  verbose: true,
  globalSetup: "<rootDir>/test/globalSetup.js",
  // office-addin-mock requires office-addin-manifest, whose index reaches an ESM-only package
  // (strip-bom) that jest cannot require; its officeApp module is all the mock needs.
  moduleNameMapper: {
    "^office-addin-manifest$": require.resolve("office-addin-manifest/lib/officeApp.js"),
  },
};
