// Password hashing: argon2id for every new hash; bcrypt hashes of older accounts still verify and are replaced at
// their next successful sign-in (lib/auth/service.ts). No database, no next/*: the seed and the tests use it too.
import { hash as argon2Hash, parseOptions, verify as argon2Verify, type Options } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

export type Argon2Params = { memoryCost: number; timeCost: number; parallelism: number };

// `Algorithm` is an ambient const enum of @node-rs/argon2, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Options["algorithm"];
// Likewise `Version.V0x13`, the current argon2 version (19).
const VERSION_0X13 = 1 as Options["version"];

/** OWASP Password Storage Cheat Sheet, first argon2id option: 19 MiB of memory, 2 passes, 1 lane (≈ 50 ms here). */
export const PASSWORD_POLICY: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The cheapest parameters argon2 accepts (8 KiB per lane, 1 pass): for test fixtures only, never for real users. */
export const CHEAPEST_PARAMS: Argon2Params = { memoryCost: 8, timeCost: 1, parallelism: 1 };

/** Longest password the KDF is asked to read; the forms allow 128 characters, a sign-in attempt is cut here. */
export const PASSWORD_INPUT_MAX = 200;

export type HashKind = "argon2id" | "bcrypt" | "unknown";

/** Which KDF produced a stored hash, from its PHC / modular-crypt prefix. */
export function hashKind(stored: string): HashKind {
  if (stored.startsWith("$argon2id$")) return "argon2id";
  if (/^\$2[aby]\$\d{2}\$/.test(stored)) return "bcrypt";
  return "unknown";
}

/** A new argon2id hash (PHC string with its own random salt and parameters). */
export function hashPassword(password: string, params: Argon2Params = PASSWORD_POLICY): Promise<string> {
  return argon2Hash(password, { ...params, algorithm: ARGON2ID, version: VERSION_0X13 });
}

/** True when `password` matches `stored`; false for a wrong password and for a hash this app cannot read. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const input = password.slice(0, PASSWORD_INPUT_MAX);
  try {
    switch (hashKind(stored)) {
      case "argon2id":
        return await argon2Verify(stored, input);
      case "bcrypt":
        return await bcrypt.compare(input, stored);
      default:
        return false;
    }
  } catch {
    // A corrupt hash is a failed sign-in, not a server error.
    return false;
  }
}

/**
 * True when a stored hash should be replaced after a successful sign-in: anything but argon2id (bcrypt), or argon2id
 * with other parameters than the policy (older, or the cheap ones of a test fixture), so a policy change reaches every
 * account that signs in again.
 */
export function needsRehash(stored: string, policy: Argon2Params = PASSWORD_POLICY): boolean {
  if (hashKind(stored) !== "argon2id") return true;
  try {
    const used = parseOptions(stored);
    return (
      used.memoryCost !== policy.memoryCost ||
      used.timeCost !== policy.timeCost ||
      used.parallelism !== policy.parallelism ||
      used.version !== VERSION_0X13
    );
  } catch {
    return true;
  }
}
