/**
 * The boundary checks of every value a client sends, before anything reaches a service or the database: text without
 * NUL characters or unpaired surrogates (PostgreSQL refuses the first, UTF-8 cannot carry the second), and instants
 * within the years the hub supports. Arguments of a whole request fail the request naming the argument; the items of
 * a batch are checked one by one (see `itemInputProblem`) so that one bad item rejects only itself.
 */
import {
  getNamedType, getNullableType, isInputObjectType, isListType, Kind, TypeInfo, visit, visitWithTypeInfo,
  type DocumentNode, type GraphQLInputType, type GraphQLSchema, type ValueNode,
} from "graphql";
import { BadInputError } from "./errors.js";

/** The years an instant or a date may fall in (the working-day calendar and the lunar tables cover them). */
export const SUPPORTED_YEARS = { from: 1900, to: 2199 } as const;
const RANGE = `between ${SUPPORTED_YEARS.from}-01-01 and ${SUPPORTED_YEARS.to}-12-31`;

const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored; null when it can. */
export function textProblem(value: string): string | null {
  const bad = BAD_TEXT.exec(value);
  if (!bad) return null;
  return bad[0] === "\u0000"
    ? "must not contain NUL characters (U+0000)"
    : "must not contain unpaired surrogate code points (text that is not valid Unicode)";
}

/** Why an instant is not supported; null when it is. */
export function instantProblem(value: Date): string | null {
  // The year in Vietnam time, the calendar the hub computes in.
  const year = new Date(value.getTime() + 7 * 3_600_000).getUTCFullYear();
  return year < SUPPORTED_YEARS.from || year > SUPPORTED_YEARS.to ? `must be ${RANGE} (Vietnam time)` : null;
}

/** The year of an ISO 8601 text, for a check before it is parsed. */
function isoYearProblem(value: string): string | null {
  const year = Number(value.slice(0, 4));
  if (!/^\d{4}-/.test(value)) return null; // the scalar reports malformed values itself
  return year < SUPPORTED_YEARS.from || year > SUPPORTED_YEARS.to ? `must be ${RANGE} (got ${value})` : null;
}

/**
 * The first problem of a batch item's values, depth first, as `{ field, message }` with the field's path
 * (`applicant.name`); null when every text and instant can be stored.
 */
export function itemInputProblem(item: unknown, prefix = ""): { field: string; message: string } | null {
  if (typeof item === "string") {
    const problem = textProblem(item);
    return problem ? { field: prefix, message: `${prefix} ${problem}` } : null;
  }
  if (item instanceof Date) {
    const problem = instantProblem(item);
    return problem ? { field: prefix, message: `${prefix} ${problem}` } : null;
  }
  if (Array.isArray(item)) {
    for (let i = 0; i < item.length; i++) {
      const found = itemInputProblem(item[i], `${prefix}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (item !== null && typeof item === "object") {
    for (const [key, value] of Object.entries(item)) {
      const found = itemInputProblem(value, prefix ? `${prefix}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** One argument of the operation: where it is, its type, its value as written. */
interface ArgumentSite {
  path: string;
  type: GraphQLInputType;
  value: ValueNode;
}

/** Per parsed document: the first problem of its literals (checked once) and the arguments that read variables. */
const sites = new WeakMap<DocumentNode, { literalProblem: BadInputError | null; variableSites: ArgumentSite[] }>();

/**
 * Rejects a request whose arguments (literals or variables) hold text that cannot be stored or an instant outside
 * the supported years, naming the argument. The list arguments of batch mutations (those returning `BatchResult`)
 * are left to the batch, which reports each bad item on its own.
 */
export function checkArgumentValues(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined): void {
  let known = sites.get(document);
  if (!known) {
    known = collectSites(schema, document);
    sites.set(document, known);
  }
  if (known.literalProblem) throw known.literalProblem;
  for (const site of known.variableSites) {
    const problem = checkValue(site.type, site.value, variables ?? {}, site.path);
    if (problem) throw problem;
  }
}

function collectSites(schema: GraphQLSchema, document: DocumentNode) {
  const typeInfo = new TypeInfo(schema);
  const variableSites: ArgumentSite[] = [];
  let literalProblem: BadInputError | null = null;
  const mutationType = schema.getMutationType();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        if (!argument || !field) return false;
        const batch =
          typeInfo.getParentType() === mutationType && getNamedType(field.type).name === "BatchResult" && isListType(getNullableType(argument.type));
        if (batch) return false;
        const site = { path: node.name.value, type: argument.type, value: node.value };
        if (hasVariable(node.value)) variableSites.push(site);
        literalProblem ??= checkValue(site.type, site.value, null, site.path);
        return false;
      },
    }),
  );
  return { literalProblem, variableSites };
}

function hasVariable(value: ValueNode): boolean {
  if (value.kind === Kind.VARIABLE) return true;
  if (value.kind === Kind.LIST) return value.values.some(hasVariable);
  if (value.kind === Kind.OBJECT) return value.fields.some((f) => hasVariable(f.value));
  return false;
}

/**
 * Walks a value along its input type; literals only when `variables` is null, else the variables' values too.
 * Values of the wrong shape are left to graphql-js's coercion, which reports them precisely.
 */
function checkValue(type: GraphQLInputType, value: ValueNode, variables: Record<string, unknown> | null, path: string): BadInputError | null {
  if (value.kind === Kind.VARIABLE) return variables ? checkJson(type, variables[value.name.value], path) : null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = value.kind === Kind.LIST ? value.values : [value];
    for (let i = 0; i < items.length; i++) {
      const problem = checkValue(nullable.ofType, items[i]!, variables, value.kind === Kind.LIST ? `${path}[${i}]` : path);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (value.kind !== Kind.OBJECT) return null;
    const fields = nullable.getFields();
    for (const field of value.fields) {
      const def = fields[field.name.value];
      if (!def) continue;
      const problem = checkValue(def.type, field.value, variables, `${path}.${field.name.value}`);
      if (problem) return problem;
    }
    return null;
  }
  if (variables === null && value.kind === Kind.STRING) return leafProblem(nullable.name, value.value, path);
  return null;
}

function checkJson(type: GraphQLInputType, value: unknown, path: string): BadInputError | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length; i++) {
      const problem = checkJson(nullable.ofType, items[i], Array.isArray(value) ? `${path}[${i}]` : path);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== "object") return null;
    const fields = nullable.getFields();
    for (const [key, inner] of Object.entries(value)) {
      const def = fields[key];
      if (!def) continue;
      const problem = checkJson(def.type, inner, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return typeof value === "string" ? leafProblem(nullable.name, value, path) : null;
}

function leafProblem(typeName: string, value: string, path: string): BadInputError | null {
  const problem = textProblem(value) ?? (typeName === "DateTime" ? isoYearProblem(value) : null);
  return problem ? new BadInputError(path, problem) : null;
}
