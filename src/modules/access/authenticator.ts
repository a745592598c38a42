import { hash, timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/client.js";
import { UnauthenticatedError } from "../../shared/errors.js";
import { findTokenByHash } from "./access.store.js";
import { hashToken, TOKEN_PATTERN } from "./token.js";
import { anonymousViewer, bootstrapAdmin, type Role, type Viewer } from "./viewer.js";

/** Channel on which every instance hears that a token was revoked. */
export const TOKEN_REVOKED_CHANNEL = "lt_token_revoked";
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;

interface Cached {
  viewer: Viewer;
  expiresAt: number;
}

/**
 * Turns `Bearer <token>` into a viewer. Valid tokens are cached for a short time to keep a database round trip off
 * every request; a revocation clears the cache entry at once on every instance (through NOTIFY) and closes the
 * token's open WebSocket connections through the `onRevoked` listeners.
 */
export class Authenticator {
  private readonly cache = new Map<string, Cached>();
  private readonly revokedListeners = new Set<(tokenId: string) => void>();
  private unlisten: (() => Promise<void>) | undefined;
  /** The bootstrap token's digest, computed once rather than on every request. */
  private readonly adminHash: Buffer | undefined;

  constructor(
    private readonly database: Database,
    adminToken: string | undefined,
  ) {
    this.adminHash = adminToken ? hash("sha256", adminToken, "buffer") : undefined;
  }

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(TOKEN_REVOKED_CHANNEL, (tokenId) => this.revoked(tokenId));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }

  /** Calls `listener` with the id of every token revoked from now on, on any instance. */
  onRevoked(listener: (tokenId: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  /** Forgets a token at once on this instance (other instances hear the notification). */
  revoked(tokenId: string): void {
    for (const [hash, cached] of this.cache) if (cached.viewer.tokenId === tokenId) this.cache.delete(hash);
    for (const listener of this.revokedListeners) listener(tokenId);
  }

  /** The viewer of an `authorization` value: absent → anonymous; bad, expired or revoked → UNAUTHENTICATED. */
  async authenticate(authorization: unknown): Promise<Viewer> {
    if (authorization === undefined || authorization === null || authorization === "") return anonymousViewer;
    if (typeof authorization !== "string") throw new UnauthenticatedError("authorization must be a string");
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError("authorization must be `Bearer <token>`");
    const secret = match[1]!;
    if (this.adminHash && sameSecret(secret, this.adminHash)) return bootstrapAdmin();
    if (!TOKEN_PATTERN.test(secret)) throw new UnauthenticatedError();

    const hash = hashToken(secret);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > now) return cached.viewer;

    const row = await findTokenByHash(this.database.db, hash);
    if (!row) throw new UnauthenticatedError();
    if (row.revokedAt) throw new UnauthenticatedError("the token has been revoked");
    if (row.expiresAt && row.expiresAt.getTime() <= now) throw new UnauthenticatedError("the token has expired");
    const viewer: Viewer = {
      kind: "token",
      tokenId: row.id,
      label: row.label,
      roles: new Set(row.roles as Role[]),
      scopePath: row.scopePath,
      expiresAt: row.expiresAt,
    };
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    // Never cache past the token's own expiry.
    this.cache.set(hash, { viewer, expiresAt: Math.min(now + CACHE_TTL_MS, row.expiresAt?.getTime() ?? Infinity) });
    return viewer;
  }
}

/** Compares a secret with a stored SHA-256 digest in constant time (whatever the secret's length). */
function sameSecret(secret: string, digest: Buffer): boolean {
  // crypto.hash: the one-shot digest, without a Hash object per request.
  return timingSafeEqual(hash("sha256", secret, "buffer"), digest);
}
