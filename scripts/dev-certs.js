/**
 * HTTPS for the dev server at https://localhost:3000, with office-addin-dev-certs. Trusting its
 * certificate authority needs the machine's trust store (sudo on Linux, the keychain on macOS);
 * as root on Linux, where there may be no sudo, it is installed without sudo. When that fails the
 * certificate is still used, untrusted, and `problem` says what to do, so `npm start` serves the
 * add-in and the preview either way.
 */
"use strict";

const fs = require("fs");
const { execSync } = require("child_process");

/**
 * The command that trusts the certificate authority on Linux as root, without sudo: the steps of
 * office-addin-dev-certs' own install_linux.sh (which runs each under sudo). Null without either tool.
 */
function rootTrustCommand(caCertificatePath, exists = fs.existsSync) {
  if (exists("/usr/sbin/update-ca-certificates")) {
    const dir = "/usr/local/share/ca-certificates/office-addin-dev-certs";
    return `mkdir -p ${dir} && cp '${caCertificatePath}' ${dir}/ && /usr/sbin/update-ca-certificates`;
  }
  if (exists("/usr/sbin/update-ca-trust")) {
    return `cp '${caCertificatePath}' /etc/ca-certificates/trust-source/anchors/office-addin-dev-certs-ca.crt && /usr/sbin/update-ca-trust`;
  }
  return null;
}

/** Whether this process runs as root (no getuid on Windows). */
function runsAsRoot() {
  return process.getuid?.() === 0;
}

const TRUST_HELP = {
  linux: [
    "To trust it, run once: sudo npx office-addin-dev-certs install (needs sudo and the ca-certificates",
    "package), or as root: cp ~/.office-addin-dev-certs/ca.crt /usr/local/share/ca-certificates/office-addin-dev-ca.crt",
    "&& update-ca-certificates. Then restart npm start. Browsers keep their own store:",
    "in Chrome/Edge open Settings > Privacy and security > Security > Manage certificates > Authorities,",
    "and import ~/.office-addin-dev-certs/ca.crt, trusted for websites.",
  ],
  darwin: [
    "To trust it, run once: npx office-addin-dev-certs install (macOS asks for your password),",
    "or add ~/.office-addin-dev-certs/ca.crt to the login keychain in Keychain Access and mark it Always Trust.",
  ],
  win32: [
    "To trust it, run once: npx office-addin-dev-certs install (Windows asks you to confirm the certificate).",
  ],
};

/** What to do when the certificate is not trusted, for this platform; as root, the one command that works. */
function trustHelp(platform = process.platform, rootCommand = null) {
  if (rootCommand) {
    return [
      `To trust it, run once as root (no sudo needed): ${rootCommand}`,
      "Then restart npm start. Browsers keep their own store: in Chrome/Edge import",
      "~/.office-addin-dev-certs/ca.crt under Settings > Privacy and security > Security >",
      "Manage certificates > Authorities, trusted for websites.",
    ].join("\n");
  }
  return (TRUST_HELP[platform] || ["To trust it, run: npx office-addin-dev-certs install"]).join("\n");
}

function readOptions(defaults) {
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

let memo = null;

/**
 * The dev server's https options and whether the browser and Excel will trust them:
 * { options, trusted, problem? }. Remembered for the process, so the trust store is tried once.
 * Tests inject `certs` (office-addin-dev-certs), `defaults` (its file paths), `platform`, `root`,
 * `exec` (runs a shell command) and `exists` (the trust tools' paths).
 */
function devHttpsOptions({
  certs = require("office-addin-dev-certs"),
  defaults = require("office-addin-dev-certs/lib/defaults"),
  platform = process.platform,
  root = runsAsRoot(),
  exec = (command) => execSync(command, { stdio: "pipe" }),
  exists = fs.existsSync,
} = {}) {
  if (memo && certs === memo.certs) return memo.promise;
  const promise = (async () => {
    try {
      return { options: await certs.getHttpsServerOptions(), trusted: true };
    } catch (error) {
      const reason = String((error && error.message) || error).split("\n")[0];
      try {
        // The install failed after the certificates were made, or before: make them if need be.
        const files = [
          defaults.caCertificatePath,
          defaults.localhostCertificatePath,
          defaults.localhostKeyPath,
        ];
        if (!files.every((file) => fs.existsSync(file))) {
          await certs.generateCertificates(...files);
        }
        // As root (a container, often without sudo) install it the package's way, without sudo.
        const rootCommand =
          platform === "linux" && root ? rootTrustCommand(defaults.caCertificatePath, exists) : null;
        let rootReason = null;
        if (rootCommand) {
          try {
            exec(rootCommand);
            return { options: await certs.getHttpsServerOptions(), trusted: true };
          } catch (rootError) {
            rootReason = String((rootError && rootError.message) || rootError).split("\n")[0];
          }
        }
        return {
          options: readOptions(defaults),
          trusted: false,
          problem: `The localhost certificate could not be added to this machine's trust store (${rootReason ?? reason}).\nThe add-in is served over https anyway, but browsers and Excel will warn about it or refuse it until it is trusted.\n${trustHelp(platform, rootCommand)}`,
        };
      } catch (inner) {
        throw new Error(
          `No https certificate for localhost: ${reason}; making one failed too (${inner.message}). ${trustHelp(platform, platform === "linux" && root ? rootTrustCommand(defaults.caCertificatePath, exists) : null)}`,
        );
      }
    }
  })();
  memo = { certs, promise };
  return promise;
}

module.exports = { devHttpsOptions, rootTrustCommand, trustHelp };
