import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../../context.js";
import { BatchResult } from "../../shared/batch.js";
import { DateScalar } from "../../shared/scalars.js";
import { resolveTarget, type DashboardArgs } from "../dashboards/query/dashboard.service.js";
import { listDeadlines, setDeadlines } from "./deadline.service.js";
import { OVERSIGHT_ERRORS_TEXT } from "./oversight.errors.js";
import {
  ConductFeedbackInput, InspectionInput, PetitionDeadlineInput, PetitionEventInput, PetitionInput, ReceptionSessionInput,
} from "./oversight.inputs.js";
import { Oversight, Petition, PetitionDeadline } from "./oversight.types.js";
import { oversightFeedFor } from "./live/oversight-feed.js";
import { PlanResolver } from "./plans/plan.resolver.js";
import { oversight } from "./read/oversight.service.js";
import { getPetition } from "./read/petition-read.service.js";
import { submitConductFeedback } from "./write/feedback-write.service.js";
import { submitInspections } from "./write/inspection-write.service.js";
import { recordPetitionEvents, submitPetitions } from "./write/petition-write.service.js";
import { submitReceptionSessions } from "./write/reception-write.service.js";

export const CODE = "Electronic code of the unit (Decision 20/2020), e.g. `000.00.18.H26`.";
export const FROM = "First day of the period (Vietnam dates).";
export const TO = "Last day of the period, inclusive; not before `from`, at most 10 years after it.";
export const AS_OF = "Take the tree (and the unit the code names) as of this date; default today (merged units count for their successor).";
const BATCH =
  " Each item is applied whole or not at all in its own transaction, with the counters of `oversight` and an audit row; " +
  "a rejected item leaves no trace and does not affect the others; a key sent again unchanged counts as `unchanged`. " +
  `Needs the WRITER role for each item's unit. Item error codes: ${OVERSIGHT_ERRORS_TEXT}.`;

@Resolver()
export class OversightResolver {
  @Query(() => Oversight, {
    description:
      "Accountability figures of a unit's subtree over a period: inspections (by kind, units inspected and their share), " +
      "citizen reception, petitions (received, resolved, resolution rate, on time, overdue, by kind) and feedback on " +
      "conduct, with the unit's own figures and each child's. Public (no token needed). NOT_FOUND for an unknown unit.",
  })
  oversight(
    @Arg("agencyCode", () => String, { description: CODE }) agencyCode: string,
    @Arg("from", () => DateScalar, { description: FROM }) from: string,
    @Arg("to", () => DateScalar, { description: TO }) to: string,
    @Arg("asOf", () => DateScalar, { nullable: true, description: AS_OF }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<Oversight> {
    return oversight(ctx.db, { agencyCode, from, to, asOf });
  }

  @Subscription(() => Oversight, {
    description:
      "The figures of `oversight(agencyCode, from, to, asOf)`: once at once, then again whenever an inspection, reception " +
      "session, petition or feedback item of a unit of its scope is written — at most once a second, computed once for " +
      "every subscriber of the same arguments. Public (no token needed).",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const target = await resolveTarget(ctx.db, args as DashboardArgs);
      return oversightFeedFor(ctx.database).open(target);
    },
  })
  oversightChanged(
    @Root() pushed: Oversight,
    @Arg("agencyCode", () => String, { description: CODE }) _agencyCode: string,
    @Arg("from", () => DateScalar, { description: FROM }) _from: string,
    @Arg("to", () => DateScalar, { description: TO }) _to: string,
    @Arg("asOf", () => DateScalar, { nullable: true, description: AS_OF }) _asOf: string | null,
  ): Oversight {
    return pushed;
  }

  @Query(() => Petition, {
    description:
      "One petition by key. Needs a token whose read scope covers its unit (NOT_FOUND otherwise); the petitioner's " +
      "identity and phone are masked and the address withheld without PERSONAL_DATA; an unmasked read is audited.",
  })
  petition(@Arg("key", () => String, { description: "The petition's key." }) key: string, @Ctx() ctx: Context): Promise<Petition> {
    return getPetition(ctx, key);
  }

  @Query(() => [PetitionDeadline], { description: "The statutory time limits per petition kind, with their legal basis. Public." })
  petitionDeadlines(@Ctx() ctx: Context): Promise<PetitionDeadline[]> {
    return listDeadlines(ctx);
  }

  @Mutation(() => BatchResult, { description: `Records inspections (kiểm tra công vụ, kiểm tra CCHC) with their inspected units and follow-ups.${BATCH}` })
  submitInspections(@Arg("input", () => [InspectionInput], { description: "The inspections." }) input: InspectionInput[], @Ctx() ctx: Context) {
    return submitInspections(ctx, input);
  }

  @Mutation(() => BatchResult, { description: `Records citizen reception sessions (tiếp công dân).${BATCH}` })
  submitReceptionSessions(
    @Arg("input", () => [ReceptionSessionInput], { description: "The sessions." }) input: ReceptionSessionInput[],
    @Ctx() ctx: Context,
  ) {
    return submitReceptionSessions(ctx, input);
  }

  @Mutation(() => BatchResult, { description: `Records petitions (đơn thư) as received; what happens next is recorded by \`recordPetitionEvents\`.${BATCH}` })
  submitPetitions(@Arg("input", () => [PetitionInput], { description: "The petitions." }) input: PetitionInput[], @Ctx() ctx: Context) {
    return submitPetitions(ctx, input);
  }

  @Mutation(() => BatchResult, {
    description:
      "Records what happened to petitions: acceptance (the due instant is computed from `petitionDeadlines`), refusal, " +
      `transfer, extension, resolution with its outcome, withdrawal. The key of an item is its event id.${BATCH}`,
  })
  recordPetitionEvents(@Arg("input", () => [PetitionEventInput], { description: "The events, in order." }) input: PetitionEventInput[], @Ctx() ctx: Context) {
    return recordPetitionEvents(ctx, input);
  }

  @Mutation(() => BatchResult, {
    description: `Records hotline and portal feedback on officials' conduct and its answer (due within the REFLECTION time limit of \`petitionDeadlines\`).${BATCH}`,
  })
  submitConductFeedback(@Arg("input", () => [ConductFeedbackInput], { description: "The feedback items." }) input: ConductFeedbackInput[], @Ctx() ctx: Context) {
    return submitConductFeedback(ctx, input);
  }

  @Mutation(() => BatchResult, {
    description:
      "Replaces the statutory time limits of petition kinds (ADMIN only; audited). Applies to petitions accepted or " +
      "extended afterwards. The key of an item is its kind.",
  })
  setPetitionDeadlines(@Arg("input", () => [PetitionDeadlineInput], { description: "One row per kind." }) input: PetitionDeadlineInput[], @Ctx() ctx: Context) {
    return setDeadlines(ctx, input);
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const oversightResolvers = [OversightResolver, PlanResolver] as const;
