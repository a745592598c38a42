/*
 * Demo oversight data reproducing the published figures of facts.json (`otherActivity`): Huyện Gia Lâm, first half
 * of 2017 — 28 inspections (18 announced, 7 unannounced, 3 thematic), 203 citizens received by the district's
 * leaders with 56 cases, 90 petitions of which 78 resolved. Loaded through the oversight services (the same rules,
 * counters and audit as any sender). What the report does not give is generated deterministically and marked here:
 * the dates, the inspected communes, the split of sessions (12 leader days, two a month), the petitions' kinds
 * (60 complaints, 10 denunciations, 20 recommendations) and which of the 78 were resolved late (none: the report
 * gives no late count).
 */
import type { BatchContext, BatchResult } from "../shared/batch.js";
import { submitInspections } from "../modules/oversight/write/inspection-write.service.js";
import { recordPetitionEvents, submitPetitions } from "../modules/oversight/write/petition-write.service.js";
import { submitReceptionSessions } from "../modules/oversight/write/reception-write.service.js";
import { InspectionKind, PetitionAction, PetitionChannel, PetitionKind, PetitionOutcome, ReceptionKind } from "../modules/oversight/oversight.enums.js";
import type { InspectionInput, PetitionEventInput, PetitionInput, ReceptionSessionInput } from "../modules/oversight/oversight.inputs.js";
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

function assertLoaded(what: string, result: BatchResult): void {
  const failed = result.items.filter((i) => !i.ok);
  if (failed.length > 0) throw new Error(`demo ${what} failed to load: ${JSON.stringify(failed.slice(0, 3))}`);
}

/** Loads Gia Lâm's 2017 H1 oversight figures through the oversight services. */
export async function loadDemoOversight(writer: BatchContext): Promise<void> {
  assertLoaded("inspections", await submitInspections(writer, demoInspections()));
  assertLoaded("reception sessions", await submitReceptionSessions(writer, demoReceptionSessions()));
  const { petitions, events } = demoPetitions();
  assertLoaded("petitions", await submitPetitions(writer, petitions));
  assertLoaded("petition events", await recordPetitionEvents(writer, events));
}
