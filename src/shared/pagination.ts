import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { BadInputError } from "./errors.js";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ simpleResolvers: true, description: "Where a page of a connection stands." })
export class PageInfo {
  @Field(() => Boolean, { description: "Whether more items follow this page." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the last item of this page; pass it as `after`." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Builds a Relay connection type for a node type; `totalCount` is counted only when a client asks for it. */
export function Connection<T extends object>(nodeType: ClassType<T>) {
  const name = nodeType.name;

  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${name} of a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: "Opaque position of this item; pass it as `after` to continue." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: "The items of this page." })
    edges!: Edge<T>[];

    @Field(() => PageInfo, { description: "Whether there is a next page and where it starts." })
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: "The number of items matching the filter, over all pages." })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionType;
}

/** Arguments of a page request after validation. */
export interface PageRequest {
  first: number;
  /** Decoded cursor values, `undefined` for the first page. */
  after: unknown[] | undefined;
}

/**
 * Validates `first` and decodes `after`. A cursor is only a position: filters and access scope are applied anew
 * on every page, so a forged cursor cannot reach rows the filter excludes.
 */
export function pageRequest(kind: string, first: number | undefined | null, after: string | undefined | null): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadInputError("first", `must be from 0 to ${MAX_PAGE_SIZE}`);
  }
  return { first: size, after: after == null ? undefined : decodeCursor(kind, after) };
}

export function encodeCursor(kind: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString("base64url");
}

export function decodeCursor(kind: string, cursor: string): unknown[] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(decoded) && decoded[0] === kind) return decoded.slice(1);
  } catch {
    // fall through to the error below
  }
  throw new BadInputError("after", "is not a cursor of this list");
}

/**
 * Turns `first + 1` fetched rows into a connection: the extra row only tells that a next page exists.
 * `cursorOf` gives the cursor values of a row (the sort key followed by a unique tie-breaker).
 */
export function toConnection<R, T>(
  kind: string,
  rows: R[],
  page: PageRequest,
  cursorOf: (row: R, index: number) => unknown[],
  toNode: (row: R) => T,
  count: () => Promise<number>,
) {
  const hasNextPage = rows.length > page.first;
  const edges = rows.slice(0, page.first).map((row, i) => ({ cursor: encodeCursor(kind, cursorOf(row, i)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    count,
  };
}
