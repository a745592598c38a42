import { Field, Int, ObjectType } from "type-graphql";
import type { Context } from "../context.js";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../modules/access/access.service.js";
import { BadInputError } from "./errors.js";

@ObjectType({ simpleResolvers: true, description: "Why one item of a batch was not applied." })
export class InputError {
  @Field(() => String, { description: "Machine-readable reason, e.g. `INVALID_FORMAT`, `UNKNOWN_REFERENCE`, `FORBIDDEN`." })
  code!: string;

  @Field(() => String, { description: "Human-readable explanation naming the rule." })
  message!: string;

  @Field(() => String, { nullable: true, description: "The offending input field, e.g. `parentCode`." })
  field!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "The outcome of one item of a batch." })
export class BatchItemResult {
  @Field(() => String, { description: "The item's key: its public code, symbol or event id." })
  key!: string;

  @Field(() => Boolean, { description: "True when the item was applied or was already present unchanged." })
  ok!: boolean;

  @Field(() => InputError, { nullable: true, description: "Why the item was rejected; null when `ok`." })
  error!: InputError | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The outcome of a batch write. Each item is applied whole or not at all; a rejected item does not affect the " +
    "others; sending an item again that is already stored changes nothing and counts as `unchanged`.",
})
export class BatchResult {
  @Field(() => Int, { description: "Items written (created or changed)." })
  applied!: number;

  @Field(() => Int, { description: "Items already stored exactly as sent." })
  unchanged!: number;

  @Field(() => Int, { description: "Items rejected; see their `error`." })
  failed!: number;

  @Field(() => [BatchItemResult], { description: "One result per input item, in input order." })
  items!: BatchItemResult[];
}

/** An expected rejection of one batch item: becomes that item's `error`, the item's transaction rolls back. */
export class ItemError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export type ItemOutcome = "applied" | "unchanged";

/**
 * Runs the checks that need nothing stored on every item of a batch: the items that pass, and an outcome slot per
 * item holding the error of those that fail (the others are filled when they are applied).
 */
export function checkItems<I, C>(items: readonly I[], check: (item: I, index: number) => C): { outcomes: (ItemOutcome | ItemError)[]; checked: C[] } {
  const outcomes: (ItemOutcome | ItemError)[] = new Array(items.length);
  const checked: C[] = [];
  items.forEach((item, index) => {
    try {
      checked.push(check(item, index));
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      outcomes[index] = error;
    }
  });
  return { outcomes, checked };
}

/** The result of a batch from each item's key and outcome, in input order. */
export function batchResult(keys: readonly string[], outcomes: readonly (ItemOutcome | ItemError)[]): BatchResult {
  const result: BatchResult = { applied: 0, unchanged: 0, failed: 0, items: [] };
  outcomes.forEach((outcome, index) => {
    const key = keys[index]!;
    if (outcome instanceof ItemError) {
      result.failed++;
      result.items.push({ key, ok: false, error: { code: outcome.code, message: outcome.message, field: outcome.field } });
    } else {
      result[outcome]++;
      result.items.push({ key, ok: true, error: null });
    }
  });
  return result;
}

/** Rejects an empty batch or one over the limit, naming the argument. */
export function assertBatchSize(items: unknown[], max: number, field = "input"): void {
  if (items.length === 0) throw new BadInputError(field, "must contain at least one item");
  if (items.length > max) throw new BadInputError(field, `must contain at most ${max} items (got ${items.length})`);
}

/**
 * Applies a batch in one transaction (`inOne`: set-based reads and writes, the outcomes of applying the items one by
 * one); should that transaction fail unexpectedly (a concurrent writer stored the same key first, a lost
 * connection), applies the items again one by one through the same `inOne`, each as a batch of one in its own
 * transaction (`applyEachAlone`), so that every rule lives in one function. The batch size is checked first.
 */
export async function applyBatch<I, C extends BatchContext>(
  ctx: C,
  operation: string,
  items: I[],
  keyOf: (item: I) => string,
  inOne: (ctx: C, items: I[]) => Promise<BatchResult>,
): Promise<BatchResult> {
  assertBatchSize(items, ctx.config.limits.maxBatchItems);
  try {
    return await inOne(ctx, items);
  } catch (error) {
    console.warn(`${operation}: the batch of ${items.length} could not be written at once, applying its items one by one:`, (error as Error).message);
    return applyEachAlone(ctx, operation, items, keyOf, inOne);
  }
}

/**
 * The fallback of `applyBatch`: each item, in input order, as a batch of one through `inOne` (its own
 * transaction), so that later items may refer to earlier ones and one failing item leaves no trace while the
 * others are applied. An unexpected error fails that item as `INTERNAL` without details.
 */
export async function applyEachAlone<I, C extends BatchContext>(
  ctx: C,
  operation: string,
  items: I[],
  keyOf: (item: I) => string,
  inOne: (ctx: C, items: I[]) => Promise<BatchResult>,
): Promise<BatchResult> {
  assertBatchSize(items, ctx.config.limits.maxBatchItems);
  const result: BatchResult = { applied: 0, unchanged: 0, failed: 0, items: [] };
  for (const item of items) {
    const key = keyOf(item);
    let one: BatchResult;
    try {
      one = await inOne(ctx, [item]);
    } catch (error) {
      console.error(`${operation}: item ${JSON.stringify(key)} failed`, error);
      one = batchResult([key], [new ItemError("INTERNAL", "the item could not be stored")]);
    }
    result.applied += one.applied;
    result.unchanged += one.unchanged;
    result.failed += one.failed;
    result.items.push(...one.items);
  }
  return result;
}

/** What a batch needs of the request context. */
export type BatchContext = Pick<Context, "db" | "viewer" | "config">;

/**
 * Applies each item in its own transaction, in input order, so that later items may refer to earlier ones and
 * one failing item leaves no trace while the others are applied. `operation` names the mutation for the audit
 * trail. The batch size is checked first: an empty batch or one over the limit is a `BAD_USER_INPUT` error.
 */
export async function runBatch<I>(
  ctx: BatchContext,
  operation: string,
  items: I[],
  keyOf: (item: I) => string,
  apply: (tx: Tx, item: I, index: number) => Promise<ItemOutcome>,
): Promise<BatchResult> {
  assertBatchSize(items, ctx.config.limits.maxBatchItems);
  const result: BatchResult = { applied: 0, unchanged: 0, failed: 0, items: [] };
  for (const [index, item] of items.entries()) {
    const key = keyOf(item);
    try {
      const outcome = await ctx.db.transaction(async (tx) => {
        const applied = await apply(tx, item, index);
        if (applied === "applied") await recordAudit(tx, ctx.viewer, operation, key);
        return applied;
      });
      result[outcome]++;
      result.items.push({ key, ok: true, error: null });
    } catch (error) {
      result.failed++;
      if (!(error instanceof ItemError)) console.error(`${operation}: item ${JSON.stringify(key)} failed`, error);
      const { code, message, field } =
        error instanceof ItemError ? error : { code: "INTERNAL", message: "the item could not be stored", field: null };
      result.items.push({ key, ok: false, error: { code, message, field } });
    }
  }
  return result;
}
