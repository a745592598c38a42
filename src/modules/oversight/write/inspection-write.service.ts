import { runBatch, type BatchContext, type BatchResult } from "../../../shared/batch.js";
import { cleanText } from "../../../shared/text.js";
import { isWithin, assertWriter } from "../../access/access.service.js";
import { parseDocumentSymbol } from "../../legal-documents/document-symbol.js";
import { FollowUpStatus } from "../oversight.enums.js";
import { OversightErrorCode as E, oversightError } from "../oversight.errors.js";
import type { InspectionInput } from "../oversight.inputs.js";
import type { CountFact } from "../oversight-counts.store.js";
import { lockInspection, saveInspection, type FollowUpValues, type InspectionRow } from "./inspection.store.js";
import { checkCount, checkDay, checkKey, recordChange, sameValues, writableUnit } from "./oversight-rules.js";

export const SUBMIT_INSPECTIONS = "submitInspections";

/** What an inspection counts: in its inspecting unit's subtree, on its first day. */
export function inspectionFacts(row: Pick<InspectionRow, "inspectingUnitId" | "startedOn" | "kind" | "findings" | "violations">, followUps: readonly { status: string }[]): CountFact[] {
  const at = { unitId: row.inspectingUnitId, day: row.startedOn };
  return [
    { ...at, measure: "inspections.total", value: 1 },
    { ...at, measure: `inspections.${row.kind}`, value: 1 },
    { ...at, measure: "inspections.findings", value: row.findings },
    { ...at, measure: "inspections.violations", value: row.violations },
    { ...at, measure: "inspections.followUps", value: followUps.length },
    { ...at, measure: "inspections.followUpsDone", value: followUps.filter((f) => f.status === FollowUpStatus.DONE).length },
  ];
}

/** `submitInspections`: each item in its own transaction with its counters, change log and audit row. */
export async function submitInspections(ctx: BatchContext, items: InspectionInput[]): Promise<BatchResult> {
  assertWriter(ctx.viewer);
  return runBatch(ctx, SUBMIT_INSPECTIONS, items, (i) => i.key, async (tx, input) => {
    const key = checkKey("key", input.key);
    const startedOn = checkDay("startedOn", input.startedOn);
    const endedOn = input.endedOn == null ? null : checkDay("endedOn", input.endedOn);
    if (endedOn !== null && endedOn < startedOn) throw oversightError(E.INVALID_DATE, "endedOn", "must not be before startedOn");
    const findings = checkCount("findings", input.findings ?? 0, 100_000);
    const violations = checkCount("violations", input.violations ?? 0, 100_000);
    if (input.findings != null && violations > findings) throw oversightError(E.OUT_OF_RANGE, "violations", "must not exceed findings");
    const plan = input.planSymbol == null ? null : parseDocumentSymbol(input.planSymbol);
    if (plan && !plan.ok) throw oversightError(E.INVALID_FORMAT, "planSymbol", plan.reason);
    const planSymbol = plan?.ok ? plan.value.symbol : null;
    if (input.inspectedUnitCodes.length === 0 || input.inspectedUnitCodes.length > 500) {
      throw oversightError(E.REQUIRED, "inspectedUnitCodes", "must list 1 to 500 units");
    }
    const followUps: FollowUpValues[] = (input.followUps ?? []).map((f, position) => {
      const field = `followUps[${position}]`;
      const status = f.status ?? FollowUpStatus.OPEN;
      const doneOn = f.doneOn == null ? null : checkDay(`${field}.doneOn`, f.doneOn);
      if (doneOn !== null && status !== FollowUpStatus.DONE) throw oversightError(E.INVALID_DATE, `${field}.doneOn`, "only a DONE follow-up has a doneOn");
      if (f.dueOn != null && f.dueOn < startedOn) throw oversightError(E.INVALID_DATE, `${field}.dueOn`, "must not be before startedOn");
      return { position, description: cleanText(`${field}.description`, f.description, 1000), dueOn: f.dueOn ?? null, status, doneOn };
    });
    if (followUps.length > 100) throw oversightError(E.OUT_OF_RANGE, "followUps", "must list at most 100 actions");
    const unit = await writableUnit(ctx, tx, "inspectingUnitCode", input.inspectingUnitCode, startedOn);
    const unitIds: number[] = [];
    for (const [n, code] of input.inspectedUnitCodes.entries()) {
      const field = `inspectedUnitCodes[${n}]`;
      const target = await writableUnit(ctx, tx, field, code, startedOn);
      if (!isWithin(target.path, unit.path)) throw oversightError(E.FORBIDDEN, field, `${target.code} is not inside the subtree of the inspecting unit ${unit.code}`);
      if (!unitIds.includes(target.id)) unitIds.push(target.id);
    }
    unitIds.sort((a, b) => a - b);
    const values = {
      key, inspectingUnitId: unit.id, kind: input.kind, subject: cleanText("subject", input.subject, 500, true), startedOn, endedOn, planSymbol,
      findings, violations,
    };
    const stored = await lockInspection(tx, key);
    if (stored) {
      const storedFollowUps = stored.actions.map(({ inspectionId: _i, ...rest }) => rest);
      if (sameValues(values, stored.row) && sameValues({ u: unitIds, f: followUps }, { u: stored.unitIds, f: storedFollowUps })) return "unchanged";
    }
    await saveInspection(tx, stored?.row.id ?? null, values, unitIds, followUps);
    await recordChange(tx, "inspection", key, unit.id, stored ? inspectionFacts(stored.row, stored.actions) : [], inspectionFacts(values, followUps));
    return "applied";
  });
}
