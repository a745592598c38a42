/**
 * SQL fragments of the rollups' read model that the dashboards' statements embed: how an open dossier is classified
 * against the sweep watermark. The rollups module writes the counter tables; dashboards read them with these.
 */
import { sql, type SQL } from "drizzle-orm";

/**
 * The sweep watermark as SQL. Without its row (a database restored without it) it is minus infinity: every open
 * dossier not waiting on a supplement then counts as in time, and dashboards correct all of them (slower, still
 * exact) until the sweeper writes the row.
 */
export const WATERMARK = sql`coalesce((SELECT swept_until FROM dossier_open_sweep), '-infinity'::timestamptz)`;

/**
 * How the open-dossier counters classify an open dossier: waiting on a supplement, overdue when its effective due
 * instant was before the wait began; otherwise overdue when it is before the {@link WATERMARK}.
 */
export function classifiedOverdue(effectiveDueAt: SQL, supplementSince: SQL): SQL {
  return sql`(CASE WHEN ${supplementSince} IS NOT NULL THEN ${effectiveDueAt} < ${supplementSince} ELSE ${effectiveDueAt} < ${WATERMARK} END)`;
}
