import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({
  simpleResolvers: true,
  description:
    "The limits this hub enforces, so that a client can size its requests (the `lienthong` command reads them " +
    "before an import). Public.",
})
export class ServerLimits {
  @Field(() => Int, { description: "Items accepted by one batch mutation (`MAX_BATCH_ITEMS`)." })
  maxBatchItems!: number;

  @Field(() => Int, { description: "Largest `first` of a connection." })
  maxPageSize!: number;

  @Field(() => Int, { description: "Largest accepted request body, in bytes (`MAX_BODY_BYTES`)." })
  maxBodyBytes!: number;

  @Field(() => Int, { description: "Aliased fields accepted in one operation (`MAX_ALIASES`)." })
  maxAliases!: number;

  @Field(() => Int, { description: "Sustained operations per second per token on each instance (`RATE_LIMIT_PER_SECOND`)." })
  rateLimitPerSecond!: number;
}
