import { cutText, quoteText } from "../describeValue";
import { CaseRateInputError } from "../errors";
import {
  CONTRACT_KEYS,
  CORRIDOR_BAND_KEYS,
  FEE_FOR_SERVICE_KEYS,
  FEE_SERVICE_KEYS,
  GATE_MEASURE_KEYS,
  LADDER_STEP_KEYS,
  MEASURE_KEYS,
  OUTLIER_KEYS,
  QUALITY_BONUS_KEYS,
  SCORING_KEYS,
  SHARED_SAVINGS_KEYS,
  WITHHOLD_KEYS,
  type Section,
} from "../modelSchema";
import { ownValue } from "../own";
import { definedOnly } from "../own";
import { missing, readSection, requireNumberValue, requireObject } from "../modelReaders";
import type {
  ContractTerms,
  CorridorBand,
  Direction,
  GateMeasure,
  Measure,
  OutlierTerm,
  Scoring,
} from "./terms";
import { validateContract } from "./validateContract";

/**
 * A section with one key that may hold a number or text *or* an object (thresholdCost, scoring):
 * that key is set aside when it holds an object, the rest read against the schema.
 */
function readWithObjectKey<S extends Section>(value: unknown, keys: S, where: string, key: string) {
  const object = requireObject(where, value);
  const held = ownValue(object, key);
  if (typeof held !== "object" || held === null) return { values: readSection(object, keys, where) };
  const rest = Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));
  return { values: readSection(rest, keys, where), object: requireObject(`${where}.${key}`, held) };
}

function parseDirection(value: string, where: string): Direction {
  if (value !== "atLeast" && value !== "atMost") {
    throw new CaseRateInputError(
      where,
      "out-of-range",
      `${where} must be "atLeast" or "atMost", not ${quoteText(value)}.`,
    );
  }
  return value;
}

function parseOutlier(value: unknown, ids: readonly string[]): OutlierTerm {
  const where = "contract.outlier";
  const { values, object } = readWithObjectKey(value, OUTLIER_KEYS, where, "thresholdCost");
  const thresholdCost =
    object === undefined
      ? values.thresholdCost
      : Object.fromEntries(
          Object.keys(object).map((id) => {
            if (!ids.includes(id)) {
              throw new CaseRateInputError(
                `${where}.thresholdCost.${cutText(id)}`,
                "out-of-range",
                `${where}.thresholdCost names level ${quoteText(id)}, which is not among the levels (${ids.join(", ")}).`,
              );
            }
            return [id, requireNumberValue(`${where}.thresholdCost.${cutText(id)}`, object[id])];
          }),
        );
  return definedOnly({
    thresholdMultiple: values.thresholdMultiple,
    thresholdCost,
    payorShare: values.payorShare,
  }) as OutlierTerm;
}

function parseBands(list: readonly unknown[], where: string): CorridorBand[] {
  return list.map((item, k) => {
    const band = readSection(item, CORRIDOR_BAND_KEYS, `${where}[${k}]`);
    return definedOnly({ upTo: band.upTo, payorShare: band.payorShare }) as CorridorBand;
  });
}

/** "gate", or a ladder whose steps use the measure's own direction (atLeast steps for an atLeast measure). */
function parseScoring(
  text: string | undefined,
  object: Readonly<Record<string, unknown>> | undefined,
  direction: Direction,
  where: string,
): Scoring {
  if (object === undefined) {
    if (text === undefined || text === "gate") return "gate";
    throw new CaseRateInputError(
      where,
      "out-of-range",
      `${where} must be "gate" or {"ladder": [...]}, not ${quoteText(text)}.`,
    );
  }
  const scoring = readSection(object, SCORING_KEYS, where);
  const other = direction === "atLeast" ? "atMost" : "atLeast";
  return {
    ladder: scoring.ladder.map((item, k) => {
      const at = `${where}.ladder[${k}]`;
      const step = readSection(item, LADDER_STEP_KEYS, at);
      if (step[other] !== undefined) {
        throw new CaseRateInputError(
          `${at}.${other}`,
          "wrong-type",
          `${at} gives ${other}, but the measure is ${direction}; its steps are ${direction} thresholds.`,
        );
      }
      const threshold = step[direction];
      if (threshold === undefined) throw missing(`${at}.${direction}`);
      return { threshold, earn: step.earn };
    }),
  };
}

function parseMeasures(list: readonly unknown[], where: string): Measure[] {
  return list.map((item, k) => {
    const at = `${where}[${k}]`;
    const { values, object } = readWithObjectKey(item, MEASURE_KEYS, at, "scoring");
    const direction = parseDirection(values.direction, `${at}.direction`);
    return {
      id: values.id,
      weight: values.weight,
      target: values.target,
      direction,
      scoring: parseScoring(values.scoring, object, direction, `${at}.scoring`),
    };
  });
}

function parseGate(list: readonly unknown[], where: string): GateMeasure[] {
  return list.map((item, k) => {
    const m = readSection(item, GATE_MEASURE_KEYS, `${where}[${k}]`);
    return { id: m.id, target: m.target, direction: parseDirection(m.direction, `${where}[${k}].direction`) };
  });
}

function parseSections(c: ReturnType<typeof readSection<typeof CONTRACT_KEYS>>, ids: readonly string[]) {
  const withhold = c.withhold && readSection(c.withhold, WITHHOLD_KEYS, "contract.withhold");
  const bonus = c.qualityBonus && readSection(c.qualityBonus, QUALITY_BONUS_KEYS, "contract.qualityBonus");
  const shared =
    c.sharedSavings && readSection(c.sharedSavings, SHARED_SAVINGS_KEYS, "contract.sharedSavings");
  const fees =
    c.feeForService && readSection(c.feeForService, FEE_FOR_SERVICE_KEYS, "contract.feeForService");
  return {
    outlier: c.outlier && parseOutlier(c.outlier, ids),
    withhold: withhold && {
      percent: withhold.percent,
      measures: parseMeasures(withhold.measures, "contract.withhold.measures"),
    },
    qualityBonus: bonus && {
      ...definedOnly({ pool: bonus.pool, poolPercent: bonus.poolPercent }),
      measures: parseMeasures(bonus.measures, "contract.qualityBonus.measures"),
    },
    sharedSavings: shared && {
      ...definedOnly({ ...shared, qualityGate: undefined }),
      sharingRate: shared.sharingRate,
      ...(shared.qualityGate === undefined
        ? {}
        : { qualityGate: parseGate(shared.qualityGate, "contract.sharedSavings.qualityGate") }),
    },
    feeForService: fees && {
      ...definedOnly({ ratePerHour: fees.ratePerHour, billableShare: fees.billableShare }),
      ...(fees.services === undefined
        ? {}
        : {
            services: fees.services.map((item, k) => {
              const s = readSection(item, FEE_SERVICE_KEYS, `contract.feeForService.services[${k}]`);
              return { code: s.code, billedPerHour: s.billedPerHour, hoursShare: s.hoursShare };
            }),
          }),
    },
  };
}

/**
 * Reads the model's contract section against the schema (unknown keys refused) and checks its
 * terms (ranges, bands, weights, the arrangement) with validateContract.
 */
export function parseContract(value: unknown, levels: readonly { readonly id: string }[]): ContractTerms {
  const c = readSection(value, CONTRACT_KEYS, "contract");
  const ids = levels.map((level) => level.id);
  const arrangement = c.arrangement;
  if (arrangement !== undefined && arrangement !== "caseRate" && arrangement !== "sharedSavings") {
    throw new CaseRateInputError(
      "contract.arrangement",
      "out-of-range",
      `contract.arrangement must be "caseRate" or "sharedSavings", not ${quoteText(arrangement)}.`,
    );
  }
  const expected = c.expectedMeasures;
  const terms = definedOnly({
    about: c.about,
    arrangement,
    ...parseSections(c, ids),
    corridors: c.corridors && parseBands(c.corridors, "contract.corridors"),
    gainCorridors: c.gainCorridors && parseBands(c.gainCorridors, "contract.gainCorridors"),
    corridorTarget: c.corridorTarget,
    stopLoss: c.stopLoss,
    stopGain: c.stopGain,
    costPerHour: c.costPerHour,
    expectedMeasures:
      expected &&
      Object.fromEntries(
        Object.keys(expected).map((id) => [
          id,
          requireNumberValue(`contract.expectedMeasures.${cutText(id)}`, expected[id]),
        ]),
      ),
  }) as ContractTerms;
  return validateContract(terms, ids);
}
