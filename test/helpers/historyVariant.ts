/**
 * A small encounter history's model, as `case-rate history` prints it, for the starter's history
 * variants: three levels with ids of their own, one with more cohorts than the Risk inputs hold,
 * rejected rows, two service codes with clinician types of their own.
 */
import type { HistoryModel } from "../../src/core/history/historyModel";

const cohort = (fromHours: number, toHours: number, episodes: number, averageHours: number) => ({
  fromHours,
  toHours,
  episodes,
  averageHours,
});

const statistics = (
  id: string,
  episodes: number,
  averageHours: number,
  cohorts: ReturnType<typeof cohort>[],
) => ({
  id,
  episodes,
  clients: episodes - 1,
  hours: episodes * averageHours,
  averageHours,
  medianHours: averageHours * 0.9,
  p10Hours: averageHours * 0.3,
  p25Hours: averageHours * 0.6,
  p75Hours: averageHours * 1.3,
  p90Hours: averageHours * 1.7,
  sdHours: averageHours * 0.55,
  minHours: cohorts[0].fromHours,
  maxHours: cohorts[cohorts.length - 1].toHours,
  ratePerHour: 120 + averageHours,
  cohorts,
});

const levels = [
  statistics("Crisis", 40, 6.5, [cohort(1, 4, 15, 2.5), cohort(5, 9, 15, 7), cohort(10, 14, 10, 11.75)]),
  statistics("OP", 120, 12.25, [
    cohort(1, 3, 10, 2),
    cohort(4, 6, 20, 5),
    cohort(7, 9, 20, 8),
    cohort(10, 12, 20, 11),
    cohort(13, 15, 20, 14),
    cohort(16, 18, 20, 17),
    cohort(19, 40, 10, 29.5),
  ]),
  statistics("IOP", 40, 55.5, [cohort(20, 50, 20, 35), cohort(51, 90, 20, 76)]),
];

/** The model; 200 episodes among 5,000 enrollees. */
export const HISTORY_VARIANT_MODEL: HistoryModel = {
  enrollees: 5000,
  penetrationRate: 200 / 5000,
  ratePerHour: 131.25,
  levels: levels.map((level) => ({
    id: level.id,
    caseMix: level.episodes / 200,
    averageHours: level.averageHours,
    minHours: level.minHours,
    maxHours: level.maxHours,
    hoursDistribution: {
      cohorts: level.cohorts.map(({ episodes, averageHours }) => ({ episodes, averageHours })),
    },
  })),
  history: {
    rows: 2310,
    validRows: 2300,
    rejected: [
      { reason: "service_date is not a date YYYY-MM-DD", count: 7, firstLine: 12 },
      { reason: "minutes is not above 0", count: 3, firstLine: 40 },
    ],
    clients: 197,
    episodes: 200,
    gapDays: 60,
    episodeDays: 120,
    duplicateRows: 4,
    clientsWithOverlappingLevels: 2,
    levels,
    services: [
      {
        code: "H0036",
        rows: 1500,
        hours: 1600,
        amount: 200000,
        ratePerHour: 125,
        clinicianMix: { "Case manager": 0.75, "Peer specialist": 0.25 },
      },
      {
        code: "T1017",
        rows: 800,
        hours: 700,
        amount: 101875,
        ratePerHour: 145.53571428571428,
        clinicianMix: { "Case manager": 1 },
      },
    ],
  },
};

/** The file it came from, as the History sheet names it. */
export const HISTORY_VARIANT_SOURCE = {
  name: "encounters-2025.csv",
  sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
};
