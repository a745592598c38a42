import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { AgencyUnit } from "../agency-units/agency-unit.types.js";
import {
  ApiToken, ApiTokenConnection, AuditEntryConnection, AuditFilterInput, IssueApiTokenInput, IssuedToken,
} from "./access.types.js";
import { apiTokens, auditLog, issueApiToken, revokeApiToken } from "./token.service.js";

@Resolver(() => ApiToken)
export class AccessResolver {
  @Mutation(() => IssuedToken, { description: "Issues an API token (administrators only). The secret is shown once." })
  issueApiToken(
    @Arg("input", () => IssueApiTokenInput, { description: "Scope, roles, label and optional expiry." }) input: IssueApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedToken> {
    return issueApiToken(ctx, input);
  }

  @Mutation(() => ApiToken, {
    description: "Revokes a token (administrators only): it stops working at once, open WebSocket connections included.",
  })
  revokeApiToken(@Arg("id", () => ID, { description: "The token's id." }) id: string, @Ctx() ctx: Context): Promise<ApiToken> {
    return revokeApiToken(ctx, id);
  }

  @Query(() => ApiTokenConnection, { description: "Issued tokens, newest first, without their secrets (administrators only)." })
  apiTokens(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true, description: "Page size, at most 100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "The `endCursor` of the previous page." }) after?: string,
  ) {
    return apiTokens(ctx, first, after);
  }

  @Query(() => AuditEntryConnection, { description: "The audit trail of applied writes, newest first (administrators only)." })
  auditLog(
    @Ctx() ctx: Context,
    @Arg("filter", () => AuditFilterInput, { nullable: true, description: "Which entries to list." }) filter?: AuditFilterInput,
    @Arg("first", () => Int, { nullable: true, description: "Page size, at most 100 (default 20)." }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "The `endCursor` of the previous page." }) after?: string,
  ) {
    return auditLog(ctx, filter ?? {}, first, after);
  }

  @FieldResolver(() => AgencyUnit, { nullable: true, description: "The scope unit; null: the whole country." })
  async agency(@Root() token: ApiToken, @Ctx() ctx: Context): Promise<AgencyUnit | null> {
    return token.scopeUnitId === null ? null : ctx.loaders.agencyUnits.byId.load(token.scopeUnitId);
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const accessResolvers = [AccessResolver] as const;
