/*
 * Runs first in the functions bundle. The bundle ends in `CustomFunctions.associate(...)` calls (the
 * metadata plugin appends them), and CustomFunctions comes from office.js: when office.js could not
 * load (offline, blocked) they would throw "CustomFunctions is not defined". Without office.js no
 * function can be registered anyway, so the calls become no-ops; the pane says what happened
 * (taskpane.ts).
 */
const scope = globalThis as { CustomFunctions?: unknown };
if (typeof scope.CustomFunctions === "undefined") {
  scope.CustomFunctions = { associate: () => undefined };
}

export {};
