/** Jest: TypeScript through ts-jest; every suite lives under test/. */
module.exports = {
  // ts-jest, with the builtins bound as module locals (helpers/localBuiltins.js says why).
  transform: { "^.+\\.tsx?$": "<rootDir>/test/helpers/localBuiltins.js" },
  testEnvironment: "node",
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
