import { runBatch, type BatchContext, type BatchResult } from "../../../shared/batch.js";
import { cleanText } from "../../../shared/text.js";
import { assertWriter } from "../../access/access.service.js";
import { ReceptionKind } from "../oversight.enums.js";
import { OversightErrorCode as E, oversightError } from "../oversight.errors.js";
import type { ReceptionSessionInput } from "../oversight.inputs.js";
import type { CountFact } from "../oversight-counts.store.js";
import { checkCount, checkDay, checkKey, recordChange, sameValues, writableUnit } from "./oversight-rules.js";
import { lockReception, saveReception, type ReceptionRow } from "./reception.store.js";

export const SUBMIT_RECEPTIONS = "submitReceptionSessions";

/** What a session counts: in its unit's subtree, on its day. */
export function receptionFacts(row: Pick<ReceptionRow, "unitId" | "heldOn" | "kind" | "citizens" | "cases" | "delegations">): CountFact[] {
  const at = { unitId: row.unitId, day: row.heldOn };
  return [
    { ...at, measure: "receptions.sessions", value: 1 },
    { ...at, measure: `receptions.${row.kind}`, value: 1 },
    { ...at, measure: "receptions.citizens", value: row.citizens },
    { ...at, measure: "receptions.cases", value: row.cases },
    { ...at, measure: "receptions.delegations", value: row.delegations },
  ];
}

/** `submitReceptionSessions`: each item in its own transaction with its counters, change log and audit row. */
export async function submitReceptionSessions(ctx: BatchContext, items: ReceptionSessionInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return runBatch(ctx, SUBMIT_RECEPTIONS, items, (i) => i.key, async (tx, input) => {
    const key = checkKey("key", input.key);
    const heldOn = checkDay("heldOn", input.heldOn);
    const citizens = checkCount("citizens", input.citizens, 10_000);
    const cases = checkCount("cases", input.cases, 10_000);
    if (cases > citizens && citizens > 0) throw oversightError(E.OUT_OF_RANGE, "cases", "must not exceed citizens");
    const delegations = checkCount("delegations", input.delegations ?? 0, 1_000);
    const leaderName = cleanText("leaderName", input.leaderName, 255, true);
    if (input.kind === ReceptionKind.LEADER_PERIODIC && leaderName === null) {
      throw oversightError(E.REQUIRED, "leaderName", "a leader's periodic reception names the leader who received");
    }
    const unit = await writableUnit(ctx, tx, "unitCode", input.unitCode, heldOn);
    const values = {
      key, unitId: unit.id, kind: input.kind, heldOn, leaderName, leaderTitle: cleanText("leaderTitle", input.leaderTitle, 255, true),
      citizens, cases, delegations,
    };
    const stored = await lockReception(tx, key);
    if (stored && sameValues(values, stored)) return "unchanged";
    await saveReception(tx, stored?.id ?? null, values);
    await recordChange(tx, "reception", key, unit.id, stored ? receptionFacts(stored) : [], receptionFacts(values));
    return "applied";
  });
}
