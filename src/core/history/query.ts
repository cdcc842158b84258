import { episodeSettings, type EpisodeSettings } from "./episodeSettings";

/**
 * The episode query for a warehouse: one SQL statement over a table `encounters` (the extract's
 * columns plus `service_day`, whole days since 1970-01-01) giving one row per episode, with
 * client_id, level, episode_start, services, hours and amount: the EpisodeSummary rows
 * `case-rate history --episodes` reads. Only the subset DuckDB, PostgreSQL, Spark SQL, BigQuery
 * and Snowflake share: CTEs, LAG and a running SUM over explicit frames, FLOOR, GROUP BY. Services
 * are first summed per day, so the windows never see ties and ROWS frames are exact.
 * @example episodeQuery({ gapDays: 90, episodeDays: 182 }).startsWith("WITH service_days AS") // true
 */
export function episodeQuery(settings: Partial<EpisodeSettings> = {}): string {
  const { gapDays, episodeDays } = episodeSettings(settings);
  const client = "PARTITION BY client_id, level";
  return `WITH service_days AS (
  SELECT client_id, level, service_day,
         COUNT(*) AS services, SUM(minutes) AS minutes, SUM(amount) AS amount
  FROM encounters
  GROUP BY client_id, level, service_day
),
run_starts AS (
  SELECT client_id, level, service_day, services, minutes, amount,
         CASE WHEN service_day - LAG(service_day) OVER (${client} ORDER BY service_day) <= ${gapDays}
              THEN 0 ELSE 1 END AS starts_run
  FROM service_days
),
runs AS (
  SELECT client_id, level, service_day, services, minutes, amount,
         SUM(starts_run) OVER (${client} ORDER BY service_day
                               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run_number
  FROM run_starts
),
numbered AS (
  SELECT client_id, level, service_day, services, minutes, amount, run_number,
         FLOOR((service_day - MIN(service_day) OVER (${client}, run_number)) / ${episodeDays}) AS episode_number
  FROM runs
)
SELECT client_id, level, MIN(service_day) AS episode_start,
       SUM(services) AS services, SUM(minutes) / 60.0 AS hours, SUM(amount) AS amount
FROM numbered
GROUP BY client_id, level, run_number, episode_number
ORDER BY client_id, level, episode_start
`;
}
