/*
 * Demo oversight data reproducing the published figures of facts.json (`otherActivity`): Huyện Gia Lâm, first half
 * of 2017 — 28 inspections (18 announced, 7 unannounced, 3 thematic), 203 citizens received by the district's
 * leaders with 56 cases, 90 petitions of which 78 resolved. What the report does not give is generated deterministically and marked here:
 * the dates, the inspected communes, the split of sessions (12 leader days, two a month), the petitions' kinds
 * (60 complaints, 10 denunciations, 20 recommendations) and which of the 78 were resolved late (none: the report
 * gives no late count).
 */
import type { Db } from "../db/client.js";
import { AgencyUnitKind } from "../modules/agency-units/agency-unit.types.js";
import { upsertPlanTargets } from "../modules/oversight/plans/plan.service.js";
import type { BatchContext } from "../shared/batch.js";
import facts from "./facts.json" with { type: "json" };
import { inspections, inspectionTargets, petitionEvents, petitions, receptionSessions } from "../db/schema/index.js";
import { findUnitsByCodes } from "../modules/agency-units/agency-unit.store.js";
import { loadWorkingCalendar } from "../modules/calendar/calendar.service.js";
import { findDeadlines } from "../modules/oversight/deadline.store.js";
import { dueAfter, resolutionDays } from "../modules/oversight/deadlines.js";
import { addCounts, appendChange, type CountFact } from "../modules/oversight/oversight-counts.store.js";
import {
  InspectionKind, PetitionAction, PetitionChannel, PetitionKind, PetitionOutcome, PetitionStatus, ReceptionKind, TargetMetric, TargetScope,
} from "../modules/oversight/oversight.enums.js";
import { inspectionFacts } from "../modules/oversight/write/inspection-write.service.js";
import { petitionFacts } from "../modules/oversight/write/petition-write.service.js";
import { receptionFacts } from "../modules/oversight/write/reception-write.service.js";
import type { InspectionInput, PetitionEventInput, PetitionInput, PlanTargetInput, ReceptionSessionInput } from "../modules/oversight/oversight.inputs.js";
import { demoGiaLamCommuneNames, demoUnitCodes } from "./units.demo.js";

const two = (n: number) => String(n).padStart(2, "0");
/** Day `n` (0-based) of the first half of 2017 spread over its six months: month n % 6 + 1, day 3 + n-th step. */
const h1Day = (n: number) => `2017-${two((n % 6) + 1)}-${two(3 + Math.floor(n / 6) * 4)}`;
const at = (day: string, hour: number) => new Date(`${day}T${two(hour)}:00:00+07:00`);

export function demoInspections(): InspectionInput[] {
  const kinds = [...Array(18).fill(InspectionKind.ANNOUNCED), ...Array(7).fill(InspectionKind.UNANNOUNCED), ...Array(3).fill(InspectionKind.THEMATIC)];
  return kinds.map((kind, n) => ({
    key: `demo-gialam-kt-2017-${two(n + 1)}`,
    inspectingUnitCode: demoUnitCodes.giaLam,
    inspectedUnitCodes: [demoUnitCodes.giaLamCommunes[demoGiaLamCommuneNames[n % demoGiaLamCommuneNames.length]!]],
    kind,
    subject: kind === InspectionKind.THEMATIC ? "Kiểm tra chuyên đề thực hiện cơ chế một cửa" : "Kiểm tra công vụ, kỷ luật, kỷ cương hành chính",
    startedOn: h1Day(n),
    endedOn: h1Day(n),
  }));
}

export function demoReceptionSessions(): ReceptionSessionInput[] {
  // 203 citizens = 11 × 17 + 16; 56 cases = 8 × 5 + 4 × 4.
  return Array.from({ length: 12 }, (_, n) => ({
    key: `demo-gialam-tcd-2017-${two(n + 1)}`,
    unitCode: demoUnitCodes.giaLam,
    kind: ReceptionKind.LEADER_PERIODIC,
    heldOn: `2017-${two(Math.floor(n / 2) + 1)}-${n % 2 === 0 ? "10" : "24"}`,
    leaderName: "Lãnh đạo UBND huyện Gia Lâm (demo)",
    leaderTitle: "Chủ tịch UBND huyện",
    citizens: n < 11 ? 17 : 16,
    cases: n < 8 ? 5 : 4,
  }));
}

function petitionKind(n: number): PetitionKind {
  if (n < 60) return PetitionKind.COMPLAINT;
  return n < 70 ? PetitionKind.DENUNCIATION : PetitionKind.RECOMMENDATION;
}

export function demoPetitions(): { petitions: PetitionInput[]; events: PetitionEventInput[] } {
  const petitions: PetitionInput[] = [];
  const events: PetitionEventInput[] = [];
  for (let n = 0; n < 90; n++) {
    const key = `demo-gialam-don-2017-${two(n + 1)}`;
    // Received in the first five months, accepted two days later, the 78 resolved within nine days of acceptance.
    const day = `2017-${two((n % 5) + 1)}-${two(2 + Math.floor(n / 5))}`;
    const kind = petitionKind(n);
    petitions.push({ key, kind, channel: n % 3 === 0 ? PetitionChannel.POST : PetitionChannel.DIRECT, receivedAt: at(day, 9), unitCode: demoUnitCodes.giaLam });
    const accepted = new Date(at(day, 9).getTime() + 2 * 86_400_000);
    events.push({ id: `${key}/thu-ly`, petitionKey: key, action: PetitionAction.ACCEPTED, at: accepted });
    if (n < 78) {
      const outcome = kind === PetitionKind.RECOMMENDATION ? PetitionOutcome.ANSWERED : [PetitionOutcome.UPHELD, PetitionOutcome.PARTLY_UPHELD, PetitionOutcome.REJECTED][n % 3]!;
      events.push({ id: `${key}/giai-quyet`, petitionKey: key, action: PetitionAction.RESOLVED, at: new Date(accepted.getTime() + 9 * 86_400_000), outcome });
    }
  }
  return { petitions, events };
}

/**
 * Loads Gia Lâm's 2017 H1 oversight figures in ONE transaction (a few statements: ~300 items through the per-item
 * services took ~50 s on a loaded machine): the rows the services would write, judged by the same rules (the
 * statutory deadlines table, the working calendar, `dueAfter`) and counted by the same fact functions.
 */
export async function loadDemoOversight(db: Db): Promise<void> {
  const inspectionInputs = demoInspections();
  const sessions = demoReceptionSessions();
  const { petitions: petitionInputs, events } = demoPetitions();
  await db.transaction(async (tx) => {
    const codes = [demoUnitCodes.giaLam, ...Object.values(demoUnitCodes.giaLamCommunes)];
    const units = await findUnitsByCodes(tx, codes, "2017-01-01");
    const unitId = (code: string) => units.get(code)!.id;
    const rules = new Map((await findDeadlines(tx)).map((r) => [r.kind, r]));
    const calendar = await loadWorkingCalendar(tx, 2017, 2018);
    const facts: CountFact[] = [];

    const inspectionRows = inspectionInputs.map((i) => ({
      key: i.key, inspectingUnitId: unitId(i.inspectingUnitCode), kind: i.kind, subject: i.subject ?? null, startedOn: i.startedOn,
      endedOn: i.endedOn ?? null, findings: 0, violations: 0,
    }));
    const ids = await tx.insert(inspections).values(inspectionRows).returning({ id: inspections.id, key: inspections.key });
    const idOf = new Map(ids.map((r) => [r.key, r.id]));
    await tx.insert(inspectionTargets).values(inspectionInputs.flatMap((i) => i.inspectedUnitCodes.map((code) => ({ inspectionId: idOf.get(i.key)!, unitId: unitId(code) }))));
    for (const row of inspectionRows) facts.push(...inspectionFacts(row, []));

    const sessionRows = sessions.map((s) => ({
      key: s.key, unitId: unitId(s.unitCode), kind: s.kind, heldOn: s.heldOn, leaderName: s.leaderName ?? null, leaderTitle: s.leaderTitle ?? null,
      citizens: s.citizens, cases: s.cases, delegations: s.delegations ?? 0,
    }));
    await tx.insert(receptionSessions).values(sessionRows);
    for (const row of sessionRows) facts.push(...receptionFacts(row));

    const petitionRows = petitionInputs.map((p) => {
      const accepted = events.find((e) => e.petitionKey === p.key && e.action === PetitionAction.ACCEPTED)!;
      const resolved = events.find((e) => e.petitionKey === p.key && e.action === PetitionAction.RESOLVED);
      const rule = rules.get(p.kind)!;
      const dueAt = dueAfter(calendar, accepted.at, resolutionDays(rule, false, false), rule.resolutionCount);
      return {
        key: p.key, kind: p.kind, channel: p.channel, receivedAt: p.receivedAt, unitId: unitId(p.unitCode), complicated: false, remoteArea: false,
        status: resolved ? PetitionStatus.RESOLVED : PetitionStatus.ACCEPTED, acceptedAt: accepted.at, dueAt, resolvedAt: resolved?.at ?? null,
        outcome: resolved?.outcome ?? null, onTime: resolved ? resolved.at.getTime() < dueAt.getTime() : null,
      };
    });
    const petitionIds = await tx.insert(petitions).values(petitionRows).returning({ id: petitions.id, key: petitions.key });
    const petitionIdOf = new Map(petitionIds.map((r) => [r.key, r.id]));
    await tx.insert(petitionEvents).values(events.map((e) => ({
      eventId: e.id, petitionId: petitionIdOf.get(e.petitionKey)!, action: e.action, at: e.at, outcome: e.outcome ?? null, recordedBy: "demo",
    })));
    for (const row of petitionRows) facts.push(...petitionFacts(row));

    await addCounts(tx, facts);
    await appendChange(tx, unitId(demoUnitCodes.giaLam), "demo", "demo-gialam-2017");
  });
}

/**
 * The three targets facts.json quotes from Cao Bằng's plan 53/KH-UBND, through `upsertPlanTargets`: the 60% target
 * is computed by the hub from the procedures; the two others are REPORTED by units (no values are published, so
 * `planProgress` shows them unknown).
 */
export function demoPlanTargets(): PlanTargetInput[] {
  const [pilot, software, reduced] = (facts.documents.find((d) => d.symbol === "53/KH-UBND") as { targets: string[] }).targets;
  const common = { planSymbol: "53/KH-UBND", issuerUnitCode: demoUnitCodes.caoBang, periodFrom: "2017-01-12" };
  return [
    { ...common, code: "1", description: pilot!, metric: TargetMetric.REPORTED, scope: TargetScope.ISSUER_SUBTREE, threshold: 10, deadline: "2017-06-30" },
    {
      ...common, code: "2", description: software!, metric: TargetMetric.REPORTED, scope: TargetScope.EACH_UNIT,
      unitKinds: [AgencyUnitKind.PROVINCIAL_DEPARTMENT, AgencyUnitKind.DISTRICT], threshold: 100, deadline: "2017-12-31",
    },
    {
      ...common, code: "3", description: reduced!, metric: TargetMetric.REDUCED_TIME_SHARE, parameter: 20, scope: TargetScope.EACH_UNIT,
      unitKinds: [AgencyUnitKind.PROVINCIAL_DEPARTMENT, AgencyUnitKind.DISTRICT], threshold: 60, deadline: "2017-12-31",
    },
  ];
}

export async function loadDemoPlans(writer: BatchContext): Promise<void> {
  const result = await upsertPlanTargets(writer, demoPlanTargets());
  const failed = result.items.filter((i) => !i.ok);
  if (failed.length > 0) throw new Error(`demo plan targets failed to load: ${JSON.stringify(failed)}`);
}
