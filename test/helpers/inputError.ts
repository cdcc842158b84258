import { CaseRateInputError, type InputProblem } from "../../src/core/errors";

/** The typed error a call raises, as plain data to compare; fails when it raises none or another. */
export function inputError(call: () => unknown): { field: string; problem: InputProblem; message: string } {
  try {
    call();
  } catch (error) {
    if (error instanceof CaseRateInputError)
      return { field: error.field, problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error("expected a CaseRateInputError");
}
