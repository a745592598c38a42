import {
  Kind, parse, visit, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { createRequire } from "node:module";
import type { ComplexityEstimator, getComplexity as GetComplexity } from "graphql-query-complexity";
import type { Limits } from "../config.js";
import { DEFAULT_PAGE_SIZE } from "./pagination.js";
import { SafeError } from "./errors.js";

// The package's ESM build imports `graphql/index.mjs`, a second graphql realm beside the CommonJS one type-graphql
// and Apollo use; its CommonJS build shares theirs.
const { getComplexity } = createRequire(import.meta.url)("graphql-query-complexity") as { getComplexity: typeof GetComplexity };

/**
 * Cost of a field: 1, plus its children's cost multiplied by the page size when the field takes `first`
 * (a connection), so a nested list of lists costs what it could return.
 */
const pageAwareEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === "number" ? args.first : "first" in args ? DEFAULT_PAGE_SIZE : 1;
  return 1 + childComplexity * Math.max(first, 1);
};

/** A refused operation: `BAD_USER_INPUT`, and HTTP 400 (a client error, nothing was executed). */
function tooMuch(what: string, value: number, limit: number): SafeError {
  return new SafeError("BAD_USER_INPUT", `the operation's ${what} is ${value}, over the limit of ${limit}`, { limit: what, http: { status: 400 } });
}

/**
 * The checks that need only the parsed document, run before it is validated: validating costs in proportion to
 * what a hostile document holds (10,000 unused variables give 10,000 errors, 5,000 aliases take seconds to compare),
 * so the number of variables, each operation's depth and its aliases are measured first (linear, a few ms at most).
 */
export function checkDocumentShape(document: DocumentNode, limits: Limits): void {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const variables = definition.variableDefinitions?.length ?? 0;
    if (variables > limits.maxVariables) throw tooMuch("number of variables", variables, limits.maxVariables);
    const shape = shapeOf(document, definition.name?.value);
    if (!shape) continue;
    if (shape.depth > limits.maxDepth) throw tooMuch("depth", shape.depth, limits.maxDepth);
    if (shape.aliases > limits.maxAliases) throw tooMuch("number of aliases", shape.aliases, limits.maxAliases);
  }
}

/**
 * Rejects an operation that is too deep, uses too many aliases or costs too much. The same check runs for HTTP
 * (an Apollo plugin) and WebSocket (graphql-ws `onSubscribe`).
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: Limits,
): void {
  const shape = shapeOf(document, operationName);
  if (!shape) return; // graphql-js reports the missing operation itself
  const { depth, aliases } = shape;
  if (depth > limits.maxDepth) throw tooMuch("depth", depth, limits.maxDepth);
  if (aliases > limits.maxAliases) throw tooMuch("number of aliases", aliases, limits.maxAliases);

  const cost = costOf(schema, document, operationName, variables);
  if (cost !== null && cost > limits.maxCost) throw tooMuch("estimated cost", cost, limits.maxCost);
}

/** Depth and aliases of each operation of a parsed document (Apollo hands the same object to every request). */
const shapeCache = new WeakMap<DocumentNode, Map<string, { depth: number; aliases: number } | null>>();

function shapeOf(document: DocumentNode, operationName: string | null | undefined): { depth: number; aliases: number } | null {
  let shapes = shapeCache.get(document);
  if (!shapes) shapeCache.set(document, (shapes = new Map()));
  const key = operationName ?? "";
  let shape = shapes.get(key);
  if (shape === undefined) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    const operations: OperationDefinitionNode[] = [];
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
    }
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
    shape = operation ? measure(operation.selectionSet, fragments, new Set()) : null;
    shapes.set(key, shape);
  }
  return shape;
}

/**
 * {@link checkDocumentShape} on a query text before Apollo parses and validates it (Apollo offers no hook between
 * the two that can refuse a request cleanly): the text is parsed once more, then remembered as fine, so that the
 * queries a client sends again and again are parsed once. Returns the refusal, or null (a text that does not parse
 * is left to Apollo, which reports it as GRAPHQL_PARSE_FAILED).
 */
export function shapeGuard(limits: Limits, remember = 1_000): (query: string) => SafeError | null {
  const fine = new Set<string>();
  return (query) => {
    if (fine.has(query)) return null;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true });
    } catch {
      return null;
    }
    try {
      checkDocumentShape(document, limits);
    } catch (error) {
      if (error instanceof SafeError) return error;
      throw error;
    }
    if (fine.size >= remember) fine.clear();
    fine.add(query);
    return null;
  };
}

/**
 * Costs already estimated, per parsed document (Apollo hands the same document object to every request with the
 * same query text) and per values of the variables the estimate reads: `first` arguments and the `if` of
 * `@skip`/`@include`.
 * Estimating walks the whole operation against the schema, ~5% of the CPU time of a short query (bench profile).
 */
const costCache = new WeakMap<DocumentNode, { pageVariables: string[]; costs: Map<string, number | null> }>();
const COSTS_PER_DOCUMENT = 256;

/** The estimated cost of the operation; null when the variables are invalid (execution reports them precisely). */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number | null {
  let cached = costCache.get(document);
  if (!cached) {
    const pageVariables = new Set<string>();
    visit(document, {
      Argument: (node) => {
        if ((node.name.value === "first" || node.name.value === "if") && node.value.kind === Kind.VARIABLE) pageVariables.add(node.value.name.value);
      },
    });
    cached = { pageVariables: [...pageVariables], costs: new Map() };
    costCache.set(document, cached);
  }
  const key = `${operationName ?? ""}|${JSON.stringify(cached.pageVariables.map((name) => variables?.[name] ?? null))}`;
  if (cached.costs.has(key)) return cached.costs.get(key)!;
  let cost: number | null;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [pageAwareEstimator],
    });
  } catch {
    cost = null;
  }
  if (cached.costs.size >= COSTS_PER_DOCUMENT) cached.costs.clear();
  cached.costs.set(key, cost);
  return cost;
}

/** Depth and alias count of a selection set, following fragment spreads (each fragment once per path). */
function measure(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): { depth: number; aliases: number } {
  let depth = 0;
  let aliases = 0;
  for (const selection of set.selections) {
    let inner = { depth: 0, aliases: 0 };
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases++;
      if (selection.selectionSet) inner = measure(selection.selectionSet, fragments, visiting);
      inner = { depth: inner.depth + 1, aliases: inner.aliases };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !visiting.has(name)) {
        visiting.add(name);
        inner = measure(fragment.selectionSet, fragments, visiting);
        visiting.delete(name);
      }
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
  }
  return { depth, aliases };
}

/**
 * Token buckets per client key (token id, or address when anonymous), on this instance. Behind a load balancer of
 * N instances a client gets at most N times the rate; that bound is what an in-process limiter can promise without
 * a shared store on the hot path.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** Takes one operation from the key's bucket; throws RATE_LIMITED with a retry hint when it is empty. */
  take(key: string, now = Date.now()): void {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / this.perSecond);
      throw new SafeError("RATE_LIMITED", `too many requests; retry in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
        http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
      });
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.sweep(now);
  }

  /** Drops full buckets so that memory stays bounded by the clients active in the last refill period. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}
