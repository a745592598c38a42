import type { Context } from "../../context.js";
import { runBatch, type BatchResult } from "../../shared/batch.js";
import { cleanText } from "../../shared/text.js";
import { assertAdmin } from "../access/access.service.js";
import { findDeadlines, upsertDeadline } from "./deadline.store.js";
import type { DayCount, PetitionKind } from "./oversight.enums.js";
import { OversightErrorCode as E, oversightError } from "./oversight.errors.js";
import type { PetitionDeadlineInput } from "./oversight.inputs.js";
import type { PetitionDeadline } from "./oversight.types.js";
import { checkCount, sameValues } from "./write/oversight-rules.js";

export const SET_DEADLINES = "setPetitionDeadlines";

export async function listDeadlines(ctx: Pick<Context, "db">): Promise<PetitionDeadline[]> {
  return (await findDeadlines(ctx.db)).map((r) => ({ ...r, kind: r.kind as PetitionKind, acceptanceCount: r.acceptanceCount as DayCount, resolutionCount: r.resolutionCount as DayCount }));
}

/** `setPetitionDeadlines` (administrator): each kind's limits replaced, audited; applies to petitions accepted afterwards. */
export async function setDeadlines(ctx: Context, items: PetitionDeadlineInput[]): Promise<BatchResult> {
  assertAdmin(ctx.viewer);
  const stored = await findDeadlines(ctx.db);
  return runBatch(ctx, SET_DEADLINES, items, (i) => i.kind, async (tx, input) => {
    const values = {
      kind: input.kind,
      acceptanceDays: checkCount("acceptanceDays", input.acceptanceDays, 90, 1),
      acceptanceCount: input.acceptanceCount,
      resolutionDays: checkCount("resolutionDays", input.resolutionDays, 365, 1),
      complicatedDays: checkCount("complicatedDays", input.complicatedDays, 365, 1),
      remoteDays: checkCount("remoteDays", input.remoteDays, 365, 1),
      remoteComplicatedDays: checkCount("remoteComplicatedDays", input.remoteComplicatedDays, 365, 1),
      resolutionCount: input.resolutionCount,
      legalBasis: cleanText("legalBasis", input.legalBasis, 500),
    };
    if (values.complicatedDays < values.resolutionDays) throw oversightError(E.OUT_OF_RANGE, "complicatedDays", "must be at least resolutionDays");
    if (values.remoteDays < values.resolutionDays) throw oversightError(E.OUT_OF_RANGE, "remoteDays", "must be at least resolutionDays");
    if (values.remoteComplicatedDays < Math.max(values.remoteDays, values.complicatedDays)) {
      throw oversightError(E.OUT_OF_RANGE, "remoteComplicatedDays", "must be at least remoteDays and complicatedDays");
    }
    const current = stored.find((r) => r.kind === input.kind);
    if (current && sameValues(values, current)) return "unchanged";
    await upsertDeadline(tx, values);
    return "applied";
  });
}
