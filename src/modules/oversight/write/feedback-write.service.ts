import type { Tx } from "../../../db/client.js";
import { runBatch, type BatchContext, type BatchResult } from "../../../shared/batch.js";
import { toVnDate } from "../../../shared/calendar/index.js";
import { cleanText } from "../../../shared/text.js";
import { assertWriter } from "../../access/access.service.js";
import { loadWorkingCalendar } from "../../calendar/calendar.service.js";
import { findDeadlines } from "../deadline.store.js";
import { dueAfter } from "../deadlines.js";
import { PetitionKind } from "../oversight.enums.js";
import { OversightErrorCode as E, oversightError } from "../oversight.errors.js";
import type { ConductFeedbackInput } from "../oversight.inputs.js";
import type { CountFact } from "../oversight-counts.store.js";
import { lockFeedback, saveFeedback, type FeedbackRow } from "./feedback.store.js";
import { checkInstant, checkKey, recordChange, sameValues, writableUnit } from "./oversight-rules.js";

export const SUBMIT_FEEDBACK = "submitConductFeedback";

/** What feedback counts: in its unit's subtree, on the day it was received. */
export function feedbackFacts(row: Pick<FeedbackRow, "unitId" | "receivedAt" | "answeredAt" | "dueAt" | "topic">): CountFact[] {
  const at = { unitId: row.unitId, day: toVnDate(row.receivedAt) };
  const answered = row.answeredAt !== null;
  return [
    { ...at, measure: "feedback.received", value: 1 },
    { ...at, measure: `feedback.${row.topic}`, value: 1 },
    { ...at, measure: "feedback.answered", value: answered ? 1 : 0 },
    { ...at, measure: "feedback.answeredLate", value: answered && row.answeredAt!.getTime() >= row.dueAt.getTime() ? 1 : 0 },
  ];
}

/** Feedback on conduct is answered within the time limit of a reflection (phản ánh), counted from receipt. */
async function feedbackDue(tx: Tx, receivedAt: Date): Promise<Date> {
  const rule = (await findDeadlines(tx)).find((r) => r.kind === PetitionKind.REFLECTION)!;
  const year = Number(toVnDate(receivedAt).slice(0, 4));
  return dueAfter(await loadWorkingCalendar(tx, year, year + 1), receivedAt, rule.resolutionDays, rule.resolutionCount);
}

/** `submitConductFeedback`: each item in its own transaction with its counters, change log and audit row. */
export async function submitConductFeedback(ctx: BatchContext, items: ConductFeedbackInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return runBatch(ctx, SUBMIT_FEEDBACK, items, (i) => i.key, async (tx, input) => {
    const key = checkKey("key", input.key);
    const receivedAt = checkInstant("receivedAt", input.receivedAt);
    const answeredAt = input.answeredAt == null ? null : checkInstant("answeredAt", input.answeredAt);
    if (answeredAt && answeredAt.getTime() < receivedAt.getTime()) throw oversightError(E.INVALID_DATE, "answeredAt", "must not be before receivedAt");
    if ((input.outcome == null) !== (answeredAt === null)) throw oversightError(E.REQUIRED, "outcome", "is given exactly when answeredAt is");
    const unit = await writableUnit(ctx, tx, "unitCode", input.unitCode, toVnDate(receivedAt));
    const stored = await lockFeedback(tx, key);
    if (stored && (stored.unitId !== unit.id || stored.receivedAt.getTime() !== receivedAt.getTime())) {
      throw oversightError(E.CONFLICT, stored.unitId !== unit.id ? "unitCode" : "receivedAt", "is fixed once received and differs from the stored one");
    }
    const values = {
      key, unitId: unit.id, channel: input.channel, topic: input.topic, receivedAt, dueAt: stored?.dueAt ?? (await feedbackDue(tx, receivedAt)),
      answeredAt, outcome: input.outcome ?? null, summary: cleanText("summary", input.summary, 1000, true),
    };
    if (stored && sameValues(values, stored)) return "unchanged";
    await saveFeedback(tx, stored?.id ?? null, values);
    await recordChange(tx, "feedback", key, unit.id, stored ? feedbackFacts(stored) : [], feedbackFacts(values));
    return "applied";
  });
}
