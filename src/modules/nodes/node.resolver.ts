import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../../context.js";
import { Node } from "../../shared/node.js";
import { findNode } from "./node.service.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      "The object a global `id` names (Relay Global Object Identification): an agency unit, a legal document, a " +
      "procedure or a dossier (dossiers with the same token rules as `dossier(code)`). Null when it no longer exists.",
  })
  node(@Arg("id", () => ID, { description: "A global id read from an object's `id`." }) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return findNode(ctx, id);
  }
}

/** Every resolver class of this domain, registered in `src/schema.ts`. */
export const nodeResolvers = [NodeResolver] as const;
