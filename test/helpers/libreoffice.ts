import { findSoffice } from "../../src/cli/libreoffice";

/**
 * The soffice path for tests that need a real spreadsheet engine. In CI (CI=true) a missing
 * LibreOffice fails the suite; locally the suite is skipped with a loud warning.
 */
export function sofficeForTests(suite: string): string | null {
  const soffice = findSoffice();
  if (soffice) return soffice;
  if (process.env.CI === "true") {
    throw new Error(`${suite}: LibreOffice (soffice) is required in CI; install libreoffice-calc-nogui.`);
  }
  console.warn(
    `\n*** SKIPPING ${suite}: LibreOffice is not installed (apt-get install libreoffice-calc-nogui). ***\n`,
  );
  return null;
}

/** `describe` that runs only when LibreOffice is there (and throws in CI when it is not). */
export function describeWithLibreOffice(suite: string, body: (soffice: string) => void): void {
  const soffice = sofficeForTests(suite);
  if (soffice) describe(suite, () => body(soffice));
  else describe.skip(suite, () => test("needs LibreOffice", () => undefined));
}
