/**
 * Pure lifecycle helpers shared by the two dossier write paths (submissions and status events): what a stored row
 * says of its lifecycle, the columns a status event writes, the mutable fields a resend changes.
 */
import type { DossierRow } from "../../../db/schema/index.js";
import type { DossierStatus } from "../dossier-status.js";
import type { LifecycleState } from "../dossier-timeliness.js";
import type { DossierInsert } from "../../../db/schema/index.js";

/** The public names of the mutable fields whose new value differs from the stored row. */
export function changedColumns(row: DossierRow, values: Partial<DossierInsert>): string[] {
  const changed = new Set<string>();
  for (const [column, value] of Object.entries(values)) {
    if (row[column as keyof DossierRow] !== value) changed.add(column.startsWith("applicant") ? "applicant" : column);
  }
  return [...changed];
}

/** The lifecycle facts of a stored dossier. */
export function lifecycleOf(row: DossierRow): LifecycleState {
  return {
    status: row.status as DossierStatus,
    dueAt: row.dueAt,
    effectiveDueAt: row.effectiveDueAt,
    supplementCount: row.supplementCount,
    supplementDays: row.supplementDays,
    supplementSince: row.supplementSince,
    finishedAt: row.finishedAt,
    timeliness: row.timeliness,
  };
}

/** The columns a status event writes: the lifecycle state after it, the holder, the instant of the latest event. */
export function lifecycleColumns(state: LifecycleState, holderId: number, at: Date) {
  return {
    status: state.status,
    holderId,
    effectiveDueAt: state.effectiveDueAt,
    supplementCount: state.supplementCount,
    supplementDays: state.supplementDays,
    supplementSince: state.supplementSince,
    finishedAt: state.finishedAt,
    timeliness: state.timeliness,
    lastEventAt: at,
  };
}
