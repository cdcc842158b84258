/**
 * A stand-in for the `CustomFunctions` global Excel provides: the Error class, the ErrorCode enum
 * and an associate() that records registrations. Installed on globalThis for the adapters under
 * test, or passed as the global of a vm context for the built bundle.
 */

export const StandInErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface StandIn {
  readonly Error: typeof StandInError;
  readonly ErrorCode: typeof StandInErrorCode;
  associate(id: string | Record<string, unknown>, fn?: unknown): void;
  /** What associate() received, by id. */
  readonly associations: Map<string, unknown>;
}

export function createStandIn(): StandIn {
  const associations = new Map<string, unknown>();
  return {
    Error: StandInError,
    ErrorCode: StandInErrorCode,
    associations,
    associate(id, fn) {
      if (typeof id === "string") {
        if (associations.has(id)) throw new Error(`${id} is associated twice`);
        associations.set(id, fn);
      } else {
        for (const [key, value] of Object.entries(id)) associations.set(key, value);
      }
    },
  };
}

/** Installs a fresh stand-in as globalThis.CustomFunctions and returns it. */
export function installStandIn(): StandIn {
  const standIn = createStandIn();
  (globalThis as unknown as { CustomFunctions: StandIn }).CustomFunctions = standIn;
  return standIn;
}

/** What a call threw, for assertions: the stand-in error's code and message, or a failure. */
export function excelErrorOf(call: () => unknown): { code: string; message?: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof StandInError) return { code: error.code, message: error.message };
    // Errors from a vm context are of that context's class: compare by shape.
    if (error && typeof error === "object" && "code" in error) {
      const { code, message } = error as { code: string; message?: string };
      return { code, message };
    }
    throw error;
  }
  throw new Error("expected an Excel error, but the call returned normally");
}

/**
 * What an async function's promise was rejected with, as excelErrorOf gives it; a failure if the
 * call threw at once (Excel reads an async function's error from its promise) or resolved.
 */
export async function rejectionOf(call: () => unknown): Promise<{ code: string; message?: string }> {
  const answer = call();
  // By shape: a promise from a vm context is of that context's class.
  if (typeof (answer as { then?: unknown } | null)?.then !== "function") {
    throw new Error("expected a promise, but the call returned a value");
  }
  let reason: unknown;
  try {
    await answer;
  } catch (error) {
    reason = error;
  }
  if (reason === undefined) throw new Error("expected an Excel error, but the promise resolved");
  return excelErrorOf(() => {
    throw reason;
  });
}
