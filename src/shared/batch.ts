import { Field, Int, ObjectType } from "type-graphql";
import type { Context } from "../context.js";
import type { Tx } from "../db/client.js";
import { recordAudit } from "../modules/access/access.service.js";
import { BadInputError } from "./errors.js";
import { itemInputProblem } from "./input-guard.js";
import { safeError } from "../observability/log.js";

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

  @Field(() => Boolean, {
    description: "True when the item was written (created or changed); false when it was already stored unchanged or was rejected.",
  })
  applied!: boolean;

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

/** Rejects an item holding text that cannot be stored (NUL, unpaired surrogates) or an instant out of range. */
function assertStorable(item: unknown): void {
  const problem = itemInputProblem(item);
  if (problem) throw new ItemError("INVALID_VALUE", problem.message, problem.field);
}

/**
 * Runs the checks that need nothing stored on every item of a batch: the items that pass, and an outcome slot per
 * item holding the error of those that fail (the others are filled when they are applied).
 */
export function checkItems<I, C>(items: readonly I[], check: (item: I, index: number) => C): { outcomes: (ItemOutcome | ItemError)[]; checked: C[] } {
  const outcomes: (ItemOutcome | ItemError)[] = new Array(items.length);
  const checked: C[] = [];
  items.forEach((item, index) => {
    try {
      assertStorable(item);
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
      result.items.push({ key, ok: false, applied: false, error: { code: outcome.code, message: outcome.message, field: outcome.field } });
    } else {
      result[outcome]++;
      result.items.push({ key, ok: true, applied: outcome === "applied", error: null });
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
    return countItems(ctx, operation, await inOne(ctx, items));
  } catch (error) {
    // The error is described without its statement or parameters (applicants' personal data).
    ctx.log?.warn({ mutation: operation, items: items.length, error: safeError(error) }, "batch fallback: applying the items one by one");
    ctx.metrics?.batchFallbacks.inc({ mutation: operation });
    return countItems(ctx, operation, await applyEachAlone(ctx, operation, items, keyOf, inOne));
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
  for (const [index, item] of items.entries()) {
    let one: BatchResult;
    try {
      one = await inOne(ctx, [item]);
    } catch (error) {
      ctx.log?.error({ mutation: operation, item: index, err: safeError(error) }, "batch item failed unexpectedly");
      one = batchResult([keyOf(item)], [new ItemError("INTERNAL", "the item could not be stored")]);
    }
    result.applied += one.applied;
    result.unchanged += one.unchanged;
    result.failed += one.failed;
    result.items.push(...one.items);
  }
  return result;
}

/** What a batch needs of the request context (logs and metrics only inside a running server). */
export type BatchContext = Pick<Context, "db" | "viewer" | "config"> & Partial<Pick<Context, "log" | "metrics">>;

function countItems(ctx: BatchContext, operation: string, result: BatchResult): BatchResult {
  const metrics = ctx.metrics;
  if (metrics) {
    if (result.applied) metrics.batchItems.inc({ mutation: operation, outcome: "applied" }, result.applied);
    if (result.unchanged) metrics.batchItems.inc({ mutation: operation, outcome: "unchanged" }, result.unchanged);
    if (result.failed) metrics.batchItems.inc({ mutation: operation, outcome: "failed" }, result.failed);
  }
  return result;
}

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
      assertStorable(item);
      const outcome = await ctx.db.transaction(async (tx) => {
        const applied = await apply(tx, item, index);
        if (applied === "applied") await recordAudit(tx, ctx.viewer, operation, key);
        return applied;
      });
      result[outcome]++;
      result.items.push({ key, ok: true, applied: outcome === "applied", error: null });
    } catch (error) {
      result.failed++;
      if (!(error instanceof ItemError)) ctx.log?.error({ mutation: operation, item: index, error: safeError(error) }, "batch item failed unexpectedly");
      const { code, message, field } =
        error instanceof ItemError ? error : { code: "INTERNAL", message: "the item could not be stored", field: null };
      result.items.push({ key, ok: false, applied: false, error: { code, message, field } });
    }
  }
  return countItems(ctx, operation, result);
}
