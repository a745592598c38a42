import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { MAX_PAGE_SIZE } from "../../shared/pagination.js";
import { ServerLimits } from "./server-limits.types.js";

@Resolver()
export class ServerLimitsResolver {
  @Query(() => ServerLimits, { description: "The request limits of this hub: batch size, page size, body size, aliases, rate. Public." })
  serverLimits(@Ctx() ctx: Context): ServerLimits {
    const { limits } = ctx.config;
    return {
      maxBatchItems: limits.maxBatchItems,
      maxPageSize: MAX_PAGE_SIZE,
      maxBodyBytes: limits.maxBodyBytes,
      maxAliases: limits.maxAliases,
      rateLimitPerSecond: limits.rateLimitPerSecond,
    };
  }
}

export const serverInfoResolvers = [ServerLimitsResolver] as const;
