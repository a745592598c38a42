import { Ctx, FieldResolver, Resolver, Root, ID } from "type-graphql";
import { globalId } from "../../../shared/node.js";
import type { Context } from "../../../context.js";
import { auditPersonalDataRead, canSeePersonalData } from "../../access/access.service.js";
import { AgencyUnit } from "../../agency-units/agency-unit.types.js";
import { Procedure } from "../../procedures/procedure.types.js";
import { maskAddress, maskEmail, maskName, maskPersonal } from "../write/dossier-rules.js";
import { Applicant, Dossier, DossierEvent } from "../dossier.types.js";

@Resolver(() => Dossier)
export class DossierFieldResolver {
  @FieldResolver(() => ID, { description: "Global, opaque, stable id (Relay Global Object Identification); `node(id)` finds it." })
  id(@Root() row: Dossier): string {
    return globalId("Dossier", row.id);
  }

  @FieldResolver(() => Procedure, { nullable: true, description: "The procedure (TTHC) the dossier was submitted for." })
  procedure(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<Procedure | null> {
    return ctx.loaders.procedures.byId.load(dossier.procedureId);
  }

  @FieldResolver(() => AgencyUnit, { nullable: true, description: "The receiving agency." })
  agency(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<AgencyUnit | null> {
    return ctx.loaders.agencyUnits.byId.load(dossier.agencyId);
  }

  @FieldResolver(() => AgencyUnit, { nullable: true, description: "The agency holding the dossier now (changes with inter-agency hand-overs)." })
  holder(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<AgencyUnit | null> {
    return ctx.loaders.agencyUnits.byId.load(dossier.holderId);
  }

  @FieldResolver(() => Applicant, {
    nullable: true,
    description:
      "The applicant; name, identity number, phone, e-mail and address masked without the PERSONAL_DATA role. Every " +
      "unmasked read is recorded in the audit trail (token, dossier, time) as Decree 13/2023/NĐ-CP expects.",
  })
  async applicant(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<Applicant | null> {
    const data = dossier.applicantData;
    if (!data) return null;
    if (canSeePersonalData(ctx.viewer)) {
      await auditPersonalDataRead(ctx, dossier.code);
      return Object.assign(new Applicant(), { ...data, masked: false });
    }
    return Object.assign(new Applicant(), {
      ...data,
      name: maskName(data.name),
      identityNumber: maskPersonal(data.identityNumber),
      phone: maskPersonal(data.phone),
      email: maskEmail(data.email),
      address: maskAddress(data.address),
      masked: true,
    });
  }

  @FieldResolver(() => [DossierEvent], {
    description: "The dossier's history in log order (the process control slip): receipt, status events, hand-overs, updates.",
  })
  events(@Root() dossier: Dossier, @Ctx() ctx: Context): Promise<DossierEvent[]> {
    return ctx.loaders.dossiers.eventsByDossierId.load(dossier.id);
  }
}

@Resolver(() => DossierEvent)
export class DossierEventFieldResolver {
  @FieldResolver(() => AgencyUnit, { nullable: true, description: "The agency holding the dossier after the event." })
  agency(@Root() event: DossierEvent, @Ctx() ctx: Context): Promise<AgencyUnit | null> {
    return ctx.loaders.agencyUnits.byId.load(event.agencyId);
  }

  @FieldResolver(() => AgencyUnit, {
    nullable: true,
    description: "The agency that held it before; differs from `agency` on a hand-over; null for the receipt.",
  })
  previousAgency(@Root() event: DossierEvent, @Ctx() ctx: Context): Promise<AgencyUnit | null> | null {
    return event.previousAgencyId === null ? null : ctx.loaders.agencyUnits.byId.load(event.previousAgencyId);
  }
}
