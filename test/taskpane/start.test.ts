/**
 * `npm start` (scripts/start.js, scripts/dev-certs.js): where it sideloads, what it tells the
 * user, and that an untrusted certificate still serves the add-in, with what to do about it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { devHttpsOptions } from "../../scripts/dev-certs";
import { EXCEL_WEB_UPLOAD, desktopExcel, plan, webInstructions } from "../../scripts/start";

const README = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");

describe("npm start: desktop Excel or Excel on the web", () => {
  test("Linux has no desktop Excel: serve, and explain Excel on the web", () => {
    expect(desktopExcel("linux", {}, () => true)).toBeNull();
    expect(plan({ platform: "linux", excelPath: null, debugging: true })).toEqual({
      mode: "web",
      reason: "no desktop Excel on this machine (there is none for Linux)",
    });
  });

  test("Windows and macOS with Excel and office-addin-debugging: sideload into desktop Excel", () => {
    const excel = desktopExcel("win32", { ProgramFiles: "C:\\Program Files" }, (p) =>
      p.endsWith("root\\Office16\\EXCEL.EXE"),
    );
    expect(excel).toBe("C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE");
    expect(plan({ platform: "win32", excelPath: excel, debugging: true }).mode).toBe("desktop");
    const mac = desktopExcel("darwin", {}, (p) => p === "/Applications/Microsoft Excel.app");
    expect(plan({ platform: "darwin", excelPath: mac, debugging: true }).mode).toBe("desktop");
  });

  test("Excel without office-addin-debugging installed: Excel on the web, and why", () => {
    const choice = plan({
      platform: "darwin",
      excelPath: "/Applications/Microsoft Excel.app",
      debugging: false,
    });
    expect(choice.mode).toBe("web");
    expect(choice.reason).toMatch(/office-addin-debugging is not installed/);
  });

  test("CASE_RATE_SIDELOAD=web overrides", () => {
    expect(
      plan({ platform: "win32", excelPath: "EXCEL.EXE", debugging: true, env: { CASE_RATE_SIDELOAD: "web" } })
        .mode,
    ).toBe("web");
  });

  test("the instructions give the preview's URL, the manifest to upload, and the certificate's state", () => {
    const text = webInstructions({
      base: "https://localhost:3000/",
      manifest: "/repo/manifest.xml",
      https: { trusted: false, problem: "The localhost certificate could not be added (sudo: not found)." },
      reason: "no desktop Excel on this machine",
    });
    expect(text).toMatch(/Browser preview \(no Excel needed\): https:\/\/localhost:3000\/taskpane\.html/);
    expect(text).toMatch(/Upload My Add-in/);
    expect(text).toMatch(/Choose \/repo\/manifest\.xml/);
    expect(text).toMatch(
      /NOT trusted yet\.\nThe localhost certificate could not be added \(sudo: not found\)\./,
    );
    const trusted = webInstructions({
      base: "https://localhost:3000/",
      manifest: "m",
      https: { trusted: true },
      reason: "r",
    });
    expect(trusted).toMatch(/certificate is trusted/);
  });

  test("npm start and the README name the same upload path, today's Excel on the web's", () => {
    expect(EXCEL_WEB_UPLOAD).toBe("Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in");
    const text = webInstructions({ base: "b/", manifest: "m", https: { trusted: true }, reason: "r" });
    expect(text).toContain(`  2. ${EXCEL_WEB_UPLOAD}.`);
    expect(README).toContain(EXCEL_WEB_UPLOAD);
    expect(README).not.toMatch(/Insert → Add-ins|Home > Add-ins/);
  });

  test("the reason for not sideloading into desktop Excel reads without doubled parentheses", () => {
    const { reason } = plan({ platform: "linux", excelPath: null, debugging: true });
    const text = webInstructions({ base: "b/", manifest: "m", https: { trusted: true }, reason });
    expect(text).toContain(
      "Not sideloaded into desktop Excel: no desktop Excel on this machine (there is none for Linux).\n",
    );
    expect(text).not.toContain("))");
  });
});

describe("the localhost certificate", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dev-certs-"));
  const defaults = {
    caCertificatePath: path.join(dir, "ca.crt"),
    localhostCertificatePath: path.join(dir, "localhost.crt"),
    localhostKeyPath: path.join(dir, "localhost.key"),
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("trusted: office-addin-dev-certs' options as they are", async () => {
    const options = { cert: Buffer.from("c"), key: Buffer.from("k") };
    const https = await devHttpsOptions({
      certs: { getHttpsServerOptions: async () => options, generateCertificates: async () => undefined },
      defaults,
    });
    expect(https).toEqual({ options, trusted: true });
  });

  test("the trust store refuses (no sudo): the certificate is made and used, and the user told what to do", async () => {
    const generated: string[][] = [];
    const https = await devHttpsOptions({
      certs: {
        getHttpsServerOptions: async () => {
          throw new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found");
        },
        generateCertificates: async (...files: (string | undefined)[]) => {
          generated.push(files as string[]);
          for (const file of files)
            fs.writeFileSync(file as string, `pem of ${path.basename(file as string)}`);
        },
      },
      defaults,
      platform: "linux",
      root: false,
    });
    expect(generated).toEqual([
      [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath],
    ]);
    expect(https.trusted).toBe(false);
    expect(https.options.cert.toString()).toBe("pem of localhost.crt");
    expect(https.problem).toMatch(
      /^The localhost certificate could not be added to this machine's trust store \(Unable to install the CA certificate\. \/bin\/sh: 1: sudo: not found\)/,
    );
    expect(https.problem).toMatch(/sudo npx office-addin-dev-certs install/);
    expect(https.problem).toMatch(/update-ca-certificates/);
  });

  /** office-addin-dev-certs as on a root shell without sudo: the first install fails, a retry finds it trusted. */
  function rootCerts(calls: string[]) {
    let installed = false;
    return {
      getHttpsServerOptions: async () => {
        calls.push("getHttpsServerOptions");
        if (!installed) throw new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found");
        return { cert: Buffer.from("trusted c"), key: Buffer.from("k") };
      },
      generateCertificates: async (...files: (string | undefined)[]) => {
        for (const file of files) fs.writeFileSync(file as string, "pem");
      },
      trust: () => (installed = true),
    };
  }
  const tools = (file: string) => file === "/usr/sbin/update-ca-certificates";

  test("as root on Linux (no sudo): the certificate authority is installed without sudo, and trusted", async () => {
    const calls: string[] = [];
    const certs = rootCerts(calls);
    const https = await devHttpsOptions({
      certs,
      defaults,
      platform: "linux",
      root: true,
      exists: tools,
      exec: (command) => {
        calls.push(command);
        certs.trust();
      },
    });
    expect(https).toEqual({
      options: { cert: Buffer.from("trusted c"), key: Buffer.from("k") },
      trusted: true,
    });
    expect(calls).toEqual([
      "getHttpsServerOptions",
      `mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && cp '${defaults.caCertificatePath}' /usr/local/share/ca-certificates/office-addin-dev-certs/ && /usr/sbin/update-ca-certificates`,
      "getHttpsServerOptions",
    ]);
  });

  test("as root on Linux when installing fails: the one command that works, without sudo", async () => {
    const https = await devHttpsOptions({
      certs: rootCerts([]),
      defaults,
      platform: "linux",
      root: true,
      exists: tools,
      exec: () => {
        throw new Error("update-ca-certificates: Permission denied");
      },
    });
    expect(https.trusted).toBe(false);
    expect(https.problem).toContain("(update-ca-certificates: Permission denied)");
    expect(https.problem).toContain(
      `run once as root (no sudo needed): mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && cp '${defaults.caCertificatePath}'`,
    );
    expect(https.problem).not.toMatch(/sudo (npx|sh|cp|mkdir)/);
  });
});
