import { cutText } from "../describeValue";
import { CaseRateInputError } from "../errors";
import { type FieldId, type FieldRef, field } from "../fields";
import { ownValue } from "../own";
import { requireCaseMix, requireNonNegative, requirePositive, requireShare } from "../validate";
import { CASE_RATE_TERMS, type ContractTerms, type CorridorBand, type Measure } from "./terms";

/** A field named by id, labelled with its place in the model ("contract.outlier.payorShare"). */
const at = (id: FieldId, path: string): FieldRef => field(id, `contract.${path}`);

function refuse(
  ref: FieldRef,
  problem: ConstructorParameters<typeof CaseRateInputError>[1],
  text: string,
): never {
  throw new CaseRateInputError(ref, problem, (name) => `${name(ref)}${text}`);
}

/** Exactly one of two alternative keys. */
function requireOneOf(ref: FieldRef, first: [string, unknown], second: [string, unknown]): void {
  const given = [first, second].filter(([, value]) => value !== undefined).length;
  if (given !== 1) {
    refuse(
      ref,
      given === 0 ? "blank" : "wrong-type",
      ` needs exactly one of ${first[0]} and ${second[0]}${given === 0 ? "" : ", not both"}.`,
    );
  }
}

/** Bands with increasing upTo above 0, the last one (only) without upTo, each payor share 0–1. */
function validateBands(bands: readonly CorridorBand[], path: string): void {
  const ref = at("corridors", path);
  if (bands.length === 0) refuse(ref, "empty", ` is empty; give at least one band, the last without upTo.`);
  let lower = 0;
  bands.forEach((band, k) => {
    requireShare(at("corridors", `${path}[${k}].payorShare`), band.payorShare);
    const last = k === bands.length - 1;
    if (band.upTo === undefined) {
      if (!last)
        refuse(
          at("corridors", `${path}[${k}].upTo`),
          "blank",
          ` is missing; only the last band reaches without upTo to any result.`,
        );
      return;
    }
    if (last)
      refuse(
        at("corridors", `${path}[${k}].upTo`),
        "out-of-range",
        ` is given on the last band; the last band has no upTo (it reaches to any result).`,
      );
    if (!(band.upTo > lower)) {
      refuse(
        at("corridors", `${path}[${k}].upTo`),
        "out-of-range",
        ` is ${band.upTo}; each band's upTo must be above the one before (and above 0).`,
      );
    }
    lower = band.upTo;
  });
}

/** Measures with unique ids, weights summing to 1, and ladder earns 0–1. */
function validateMeasures(measures: readonly Measure[], path: string): void {
  const ref = at("measures", path);
  if (measures.length === 0) refuse(ref, "empty", " is empty; give at least one measure.");
  const ids = measures.map((m) => m.id);
  const repeated = ids.find((id, k) => ids.indexOf(id) !== k);
  if (repeated !== undefined)
    refuse(ref, "duplicate-id", ` names measure ${cutText(repeated)} twice; give each measure once.`);
  requireCaseMix(
    at("measures", `${path} weights`),
    measures.map((m) => m.weight),
    ids,
  );
  measures.forEach((m, k) => {
    if (m.scoring === "gate") return;
    if (m.scoring.ladder.length === 0)
      refuse(at("measures", `${path}[${k}].scoring.ladder`), "empty", " is empty; give at least one step.");
    m.scoring.ladder.forEach((step, s) =>
      requireShare(at("measures", `${path}[${k}].scoring.ladder[${s}].earn`), step.earn),
    );
  });
}

function validateCaseRateTerms(terms: ContractTerms, levelIds: readonly string[]): void {
  const outlier = terms.outlier;
  if (outlier !== undefined) {
    requireOneOf(
      at("outlier", "outlier"),
      ["thresholdMultiple", outlier.thresholdMultiple],
      ["thresholdCost", outlier.thresholdCost],
    );
    requireShare(at("outlier", "outlier.payorShare"), outlier.payorShare);
    if (outlier.thresholdMultiple !== undefined)
      requireNonNegative(at("outlier", "outlier.thresholdMultiple"), outlier.thresholdMultiple);
    const cost = outlier.thresholdCost;
    if (typeof cost === "number") requireNonNegative(at("outlier", "outlier.thresholdCost"), cost);
    else if (cost !== undefined) {
      for (const id of levelIds) {
        const threshold = ownValue(cost, id);
        if (threshold === undefined)
          refuse(
            at("outlier", `outlier.thresholdCost.${id}`),
            "blank",
            " is missing; give a threshold for every level.",
          );
        requireNonNegative(at("outlier", `outlier.thresholdCost.${id}`), threshold);
      }
    }
  }
  if (terms.corridors !== undefined) validateBands(terms.corridors, "corridors");
  if (terms.gainCorridors !== undefined) validateBands(terms.gainCorridors, "gainCorridors");
  if (terms.corridorTarget !== undefined)
    requirePositive(at("corridorTarget", "corridorTarget"), terms.corridorTarget);
  if (terms.stopLoss !== undefined) requireNonNegative(at("stopLoss", "stopLoss"), terms.stopLoss);
  if (terms.stopGain !== undefined) requireNonNegative(at("stopGain", "stopGain"), terms.stopGain);
  if (terms.withhold !== undefined) {
    requireShare(at("withhold", "withhold.percent"), terms.withhold.percent);
    validateMeasures(terms.withhold.measures, "withhold.measures");
  }
  const bonus = terms.qualityBonus;
  if (bonus !== undefined) {
    requireOneOf(
      at("qualityBonus", "qualityBonus"),
      ["pool", bonus.pool],
      ["poolPercent", bonus.poolPercent],
    );
    if (bonus.pool !== undefined) requireNonNegative(at("qualityBonus", "qualityBonus.pool"), bonus.pool);
    if (bonus.poolPercent !== undefined)
      requireShare(at("qualityBonus", "qualityBonus.poolPercent"), bonus.poolPercent);
    validateMeasures(bonus.measures, "qualityBonus.measures");
  }
}

function validateSharedSavings(terms: ContractTerms): void {
  const term = terms.sharedSavings;
  if (term === undefined) return;
  const path = (key: string) => at("sharedSavings", `sharedSavings.${key}`);
  if (term.benchmark !== undefined) requireNonNegative(path("benchmark"), term.benchmark);
  if (term.minimumSavingsRate !== undefined)
    requireShare(path("minimumSavingsRate"), term.minimumSavingsRate);
  requireShare(path("sharingRate"), term.sharingRate);
  if (term.cap !== undefined) requireNonNegative(path("cap"), term.cap);
  if (term.lossSharingRate === undefined) {
    const stray = (["minimumLossRate", "lossCap"] as const).find((key) => term[key] !== undefined);
    if (stray !== undefined)
      refuse(
        path(stray),
        "blank",
        " is given without lossSharingRate; give lossSharingRate to make the arrangement two-sided.",
      );
    return;
  }
  requireShare(path("lossSharingRate"), term.lossSharingRate);
  if (term.minimumLossRate !== undefined) requireShare(path("minimumLossRate"), term.minimumLossRate);
  if (term.lossCap !== undefined) requireNonNegative(path("lossCap"), term.lossCap);
}

function validateFeeForService(terms: ContractTerms): void {
  const term = terms.feeForService;
  if (term === undefined) return;
  const ref = at("feeForService", "feeForService");
  requireOneOf(ref, ["ratePerHour", term.ratePerHour], ["services", term.services]);
  if (term.ratePerHour !== undefined)
    requirePositive(at("feeForService", "feeForService.ratePerHour"), term.ratePerHour);
  if (term.services !== undefined) {
    if (term.services.length === 0)
      refuse(
        at("feeForService", "feeForService.services"),
        "empty",
        " is empty; give at least one billing code.",
      );
    term.services.forEach((s, k) =>
      requireNonNegative(at("feeForService", `feeForService.services[${k}].billedPerHour`), s.billedPerHour),
    );
    requireCaseMix(
      at("feeForService", "feeForService.services hoursShare"),
      term.services.map((s) => s.hoursShare),
      term.services.map((s) => `code ${s.code}`),
    );
  }
  if (term.billableShare !== undefined) {
    const share = requireShare(at("feeForService", "feeForService.billableShare"), term.billableShare);
    if (share === 0)
      refuse(
        at("feeForService", "feeForService.billableShare"),
        "out-of-range",
        " is 0; fee-for-service would pay for none of the hours. Give a share above 0.",
      );
  }
}

/**
 * Every measure id the terms name: the withhold's, the bonus's and the quality gate's.
 * @example measureIds({ sharedSavings: { sharingRate: 0.5, qualityGate: [{ id: "access", target: 0.9, direction: "atLeast" }] } }) // ["access"]
 */
export function measureIds(terms: ContractTerms): string[] {
  const ids = [
    ...(terms.withhold?.measures ?? []),
    ...(terms.qualityBonus?.measures ?? []),
    ...(terms.sharedSavings?.qualityGate ?? []),
  ].map((m) => m.id);
  return [...new Set(ids)];
}

/**
 * Checks a contract's terms against the model's levels and returns them: ranges, bands, weights,
 * one of each pair of alternatives, and no case-rate term beside the shared-savings arrangement.
 * @example validateContract({ corridors: [{ upTo: 0.03, payorShare: 0 }, { payorShare: 0.5 }] }, ["A"]).corridors?.length // 2
 */
export function validateContract(terms: ContractTerms, levelIds: readonly string[]): ContractTerms {
  if (terms.arrangement === "sharedSavings") {
    const stray = CASE_RATE_TERMS.find((key) => terms[key] !== undefined);
    if (stray !== undefined) {
      refuse(
        at("contract", stray),
        "wrong-type",
        ` is a case-rate term, but the arrangement is sharedSavings (fee-for-service against a benchmark); remove it or set arrangement to "caseRate".`,
      );
    }
    if (terms.sharedSavings === undefined) {
      refuse(
        at("sharedSavings", "sharedSavings"),
        "blank",
        ` is missing; the sharedSavings arrangement needs its terms.`,
      );
    }
  }
  validateCaseRateTerms(terms, levelIds);
  validateSharedSavings(terms);
  validateFeeForService(terms);
  if (terms.costPerHour !== undefined) requirePositive(at("costPerHour", "costPerHour"), terms.costPerHour);
  const known = measureIds(terms);
  for (const [id, value] of Object.entries(terms.expectedMeasures ?? {})) {
    if (!known.includes(id)) {
      refuse(
        at("measures", `expectedMeasures.${cutText(id)}`),
        "out-of-range",
        ` names no measure of the withhold, the bonus or the quality gate${known.length === 0 ? "" : ` (${cutText(known.join(", "))})`}.`,
      );
    }
    if (!Number.isFinite(value))
      refuse(at("measures", `expectedMeasures.${cutText(id)}`), "not-a-number", " must be a number.");
  }
  return terms;
}
