import type { Context } from "../../../context.js";
import { NotFoundError, UnauthenticatedError } from "../../../shared/errors.js";
import { canReadDossiersAt, canSeePersonalData, recordAudit } from "../../access/access.service.js";
import { maskPersonal } from "../../dossiers/write/dossier-rules.js";
import type { PetitionAction, PetitionChannel, PetitionKind, PetitionOutcome, PetitionStatus } from "../oversight.enums.js";
import type { Petition } from "../oversight.types.js";
import { findPetitionByKey, findPetitionEvents } from "../petition.store.js";

/** The operation an unmasked read of a petitioner is audited under. */
export const READ_PETITIONER = "readPetitioner";

/**
 * `petition(key)`: needs a token whose read scope covers the petition's unit (NOT_FOUND otherwise, so that keys of
 * other units are not disclosed). The petitioner is masked without PERSONAL_DATA; an unmasked read is audited.
 */
export async function getPetition(ctx: Context, key: string): Promise<Petition> {
  if (ctx.viewer.kind === "anonymous") throw new UnauthenticatedError("reading petitions needs a token");
  const found = await findPetitionByKey(ctx.db, key.trim());
  if (!found || !canReadDossiersAt(ctx.viewer, found.unitPath)) throw new NotFoundError("petition", key.trim());
  const p = found.petition;
  const personal = canSeePersonalData(ctx.viewer);
  if (personal && p.petitionerName !== null) {
    // On the primary: a query may read from a replica, which takes no writes.
    await ctx.database.db.transaction((tx) => recordAudit(tx, ctx.viewer, READ_PETITIONER, p.key));
  }
  const events = await findPetitionEvents(ctx.db, p.id);
  return {
    key: p.key, kind: p.kind as PetitionKind, channel: p.channel as PetitionChannel, receivedAt: p.receivedAt, unitCode: found.unitCode,
    status: p.status as PetitionStatus, acceptedAt: p.acceptedAt, dueAt: p.dueAt, resolvedAt: p.resolvedAt,
    outcome: p.outcome as PetitionOutcome | null, onTime: p.onTime, complicated: p.complicated, remoteArea: p.remoteArea, summary: p.summary,
    petitioner:
      p.petitionerName === null
        ? null
        : {
            name: p.petitionerName,
            identityNumber: personal ? p.petitionerIdentity : maskPersonal(p.petitionerIdentity),
            phone: personal ? p.petitionerPhone : maskPersonal(p.petitionerPhone),
            address: personal ? p.petitionerAddress : null,
          },
    events: events.map((e) => ({ id: e.eventId, action: e.action as PetitionAction, at: e.at, outcome: e.outcome as PetitionOutcome | null, extensionDays: e.extensionDays })),
  };
}
