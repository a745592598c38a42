import { Field, ID, InterfaceType } from "type-graphql";

/** The entity types `node(id)` can find, by their GraphQL type name. */
export type NodeType = "AgencyUnit" | "LegalDocument" | "Procedure" | "Dossier";
const NODE_TYPES: readonly NodeType[] = ["AgencyUnit", "LegalDocument", "Procedure", "Dossier"];

/**
 * Relay's Global Object Identification: `id` is the type name and the row's internal key, base64url-encoded —
 * opaque to clients, stable for the life of the row, and different for two units that carried the same code.
 */
export function globalId(type: NodeType, key: number): string {
  return Buffer.from(`${type}:${key}`).toString("base64url");
}

/** The type and internal key a global id stands for; null for anything that is not one. */
export function parseGlobalId(id: string): { type: NodeType; key: number } | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const [type, key, extra] = Buffer.from(id, "base64url").toString().split(":");
  if (extra !== undefined || !NODE_TYPES.includes(type as NodeType) || !/^\d{1,15}$/.test(key ?? "")) return null;
  return { type: type as NodeType, key: Number(key) };
}

/** Marks an object with the GraphQL type it is, for the Node interface's `resolveType`. */
export const NODE_TYPE = Symbol("nodeType");

@InterfaceType({
  description: "An object with a global id (Relay's Global Object Identification): `node(id)` finds it again.",
  resolveType: (value: Record<PropertyKey, unknown>) => value[NODE_TYPE] as string | undefined,
})
export abstract class Node {
  @Field(() => ID, {
    description: "Global, opaque, stable id of this object (Relay); a successor unit that reuses a code has its own.",
  })
  id!: unknown;
}
