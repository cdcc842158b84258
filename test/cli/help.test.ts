/** The top-level help lists every command with every option its parser accepts. */
import { AUDIT_HELP } from "../../src/cli/audit";
import { COMPUTE_HELP } from "../../src/cli/compute";
import { COMMAND_ARGS, MAIN_HELP, run } from "../../src/cli/main";
import { STARTER_HELP } from "../../src/cli/starter";

test("case-rate --help prints every command's full usage line, as its own help starts", async () => {
  let out = "";
  expect(await run(["--help"], { out: (text) => (out += text), err: () => undefined })).toBe(0);
  expect(out).toBe(MAIN_HELP);
  for (const line of [
    "starter [--example] [--provider] [--scenario Low|Medium|High] -o FILE.xlsx [--force]",
    "audit FILE.xlsx [--json] [--map MAPPING.json]",
    "compute MODEL.json",
  ]) {
    expect(MAIN_HELP).toContain(`\n  ${line}\n`);
  }
  for (const help of [COMPUTE_HELP, STARTER_HELP, AUDIT_HELP]) {
    expect(MAIN_HELP).toContain(help.split("\n")[0].replace("Usage: case-rate ", ""));
  }
});

test.each(Object.entries(COMMAND_ARGS))(
  "every option the %s parser accepts is in the top-level help",
  (_, spec) => {
    for (const option of [...spec.flags, ...spec.valued]) {
      expect(MAIN_HELP).toMatch(new RegExp(`(^|[\\s[|(])${option.replace(/-/g, "\\-")}\\b`, "m"));
    }
  },
);

test("the top-level help fits 100 columns", () => {
  expect(MAIN_HELP.split("\n").filter((line) => line.length > 100)).toEqual([]);
});
