import { createHash, randomBytes } from "node:crypto";
import { z } from "@/lib/zod";
import { requiredText } from "@/lib/validation";
import { API_TOKEN_NAME_MAX, API_TOKEN_PREFIX, API_TOKEN_PREFIX_LENGTH } from "./labels";

// A token is "vh_" and 32 random bytes in base64url (43 characters). It is shown once, when it is created; the
// database keeps only its SHA-256 (to find it again when it is presented) and its first characters (to list it).

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^vh_[A-Za-z0-9_-]{43}$/;

export const CreateApiTokenInput = z.object({ name: requiredText("tên khóa", API_TOKEN_NAME_MAX) });
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

/** A new random token. */
export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
}

/** Whether `value` has the shape of a token (checked before hashing, so garbage never reaches the database). */
export function isApiTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The SHA-256 of the token in hex: what the database stores and looks tokens up by. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token's first characters, shown in the list to tell tokens apart (not enough to guess the rest). */
export function apiTokenPrefix(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX_LENGTH);
}
