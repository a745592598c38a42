/** Roles a token may carry (the contract's names). */
export type Role = "READER" | "WRITER" | "PERSONAL_DATA" | "ADMIN";

/** Who is calling: resolved once per HTTP request or WebSocket connection. */
export interface Viewer {
  kind: "anonymous" | "token";
  /** The token's id, for the audit trail; `bootstrap` for `ADMIN_TOKEN`. */
  tokenId: string | null;
  label: string | null;
  roles: ReadonlySet<Role>;
  /** The token's agency subtree as an ltree path; `null`: the whole country (meaningless for anonymous). */
  scopePath: string | null;
  /** When the token stops working; null: never. */
  expiresAt: Date | null;
}

export const anonymousViewer: Viewer = Object.freeze({
  kind: "anonymous",
  tokenId: null,
  label: null,
  roles: new Set<Role>(),
  scopePath: null,
  expiresAt: null,
});

export function bootstrapAdmin(): Viewer {
  return { kind: "token", tokenId: "bootstrap", label: "ADMIN_TOKEN", roles: new Set<Role>(["ADMIN"]), scopePath: null, expiresAt: null };
}
