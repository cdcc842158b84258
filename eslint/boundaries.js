/**
 * A local ESLint rule that keeps the layers apart: each folder names what it may import (folders
 * of the repository, and packages), and an import that leaves those bounds is an error. Paths are
 * resolved from the importing file, so `../../workbook/x` is caught wherever it is written.
 */
"use strict";
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

/** The repository-relative, slash-separated path of an absolute path. */
function fromRoot(absolute) {
  return path.relative(ROOT, absolute).split(path.sep).join("/");
}

/** True when `file` (repository-relative) is `folder` or lies below it. */
function isInside(file, folder) {
  return file === folder || file.startsWith(`${folder}/`);
}

/** The package a bare specifier names: `exceljs/dist/x` → `exceljs`, `@scope/a/b` → `@scope/a`. */
function packageName(specifier) {
  const parts = specifier.replace(/^node:/, "").split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The repository-relative target of a relative specifier, or null for a package. */
function resolveTarget(importer, specifier) {
  if (!specifier.startsWith(".")) return null;
  return fromRoot(path.resolve(path.dirname(importer), specifier));
}

/**
 * Options: `{ allowFolders?, denyFolders?, allowPackages?, denyPackages?, message }`. Folders are
 * repository-relative; a relative import must land in an allowed folder (when `allowFolders` is
 * given) and in no denied one; a package must be allowed (when `allowPackages` is given) and not
 * denied.
 */
const allowedImports = {
  meta: {
    type: "problem",
    docs: { description: "Keep each folder's imports within the layers it may use (ARCHITECTURE.md)." },
    schema: [
      {
        type: "object",
        properties: {
          allowFolders: { type: "array", items: { type: "string" } },
          denyFolders: { type: "array", items: { type: "string" } },
          allowPackages: { type: "array", items: { type: "string" } },
          denyPackages: { type: "array", items: { type: "string" } },
          message: { type: "string" },
        },
        required: ["message"],
        additionalProperties: false,
      },
    ],
    messages: { outside: "{{what}} is outside this folder's bounds: {{message}}" },
  },
  create(context) {
    const { allowFolders, denyFolders = [], allowPackages, denyPackages = [], message } = context.options[0];
    const importer = context.filename;
    const check = (node, specifier) => {
      if (typeof specifier !== "string") return;
      const target = resolveTarget(importer, specifier);
      const refused =
        target === null
          ? (allowPackages !== undefined && !allowPackages.includes(packageName(specifier))) ||
            denyPackages.includes(packageName(specifier))
          : (allowFolders !== undefined && !allowFolders.some((folder) => isInside(target, folder))) ||
            denyFolders.some((folder) => isInside(target, folder));
      if (refused) {
        context.report({
          node,
          messageId: "outside",
          data: { what: target === null ? `package "${specifier}"` : `"${specifier}" (${target})`, message },
        });
      }
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === "Literal" && check(node.source, node.source.value),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === "TSExternalModuleReference" &&
        check(node.moduleReference.expression, node.moduleReference.expression.value),
      CallExpression: (node) =>
        node.callee.type === "Identifier" &&
        node.callee.name === "require" &&
        node.arguments[0]?.type === "Literal" &&
        check(node.arguments[0], node.arguments[0].value),
    };
  },
};

module.exports = { rules: { "allowed-imports": allowedImports } };
