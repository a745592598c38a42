import { hash, randomBytes } from "node:crypto";

/** Token secrets: `lt_` + 32 random bytes, base64url. High entropy, so a plain SHA-256 is a sufficient hash. */
export function generateToken(): string {
  return `lt_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}

/** The shape of a token this hub issues; anything else is rejected without a database lookup. */
export const TOKEN_PATTERN = /^lt_[A-Za-z0-9_-]{43}$/;
