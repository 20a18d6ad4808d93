import bcrypt from "bcryptjs";
import { parseOptions } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { CHEAPEST_PARAMS, PASSWORD_POLICY, hashKind, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";

// The KDF choice: argon2id with OWASP's parameters for new hashes, bcrypt still readable, and which hashes to redo.

describe("password policy", () => {
  it("is argon2id with OWASP's first recommended setting (m = 19 MiB, t = 2, p = 1)", async () => {
    expect(PASSWORD_POLICY).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const stored = await hashPassword("mat-khau-dai-du");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(parseOptions(stored)).toMatchObject({ algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32, saltLen: 16 });
  });

  it("salts every hash: the same password never gives the same string", async () => {
    const [a, b] = await Promise.all([hashPassword("giong-nhau", CHEAPEST_PARAMS), hashPassword("giong-nhau", CHEAPEST_PARAMS)]);
    expect(a).not.toBe(b);
  });
});

describe("verifyPassword", () => {
  it.each([
    { kind: "argon2id (policy)", make: (p: string) => hashPassword(p) },
    { kind: "argon2id (test fixture)", make: (p: string) => hashPassword(p, CHEAPEST_PARAMS) },
    { kind: "bcrypt cost 10 (accounts made before argon2)", make: (p: string) => bcrypt.hash(p, 10) },
    { kind: "bcrypt $2a$", make: async (p: string) => (await bcrypt.hash(p, 4)).replace(/^\$2b\$/, "$2a$") },
  ])("$kind: the right password matches, a wrong one does not", async ({ make }) => {
    const stored = await make("Mật khẩu có dấu 2025");
    expect(await verifyPassword(stored, "Mật khẩu có dấu 2025")).toBe(true);
    expect(await verifyPassword(stored, "Mật khẩu có dấu 2026")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it.each(["", "x", "$argon2id$v=19$m=8,t=1,p=1$hỏng", "$2b$10$ngan", "plaintext-password", "$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA"])(
    "a stored value that is not a readable hash (%j) never matches and never throws",
    async (stored) => {
      expect(await verifyPassword(stored, stored)).toBe(false);
      expect(await verifyPassword(stored, "plaintext-password")).toBe(false);
    },
  );
});

describe("hashKind and needsRehash", () => {
  it.each([
    { stored: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGg", kind: "argon2id", rehash: false },
    { stored: "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGg", kind: "argon2id", rehash: true },
    { stored: "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGg", kind: "argon2id", rehash: true },
    { stored: "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGg", kind: "argon2id", rehash: true },
    { stored: "$argon2id$v=19$hỏng", kind: "argon2id", rehash: true },
    { stored: "$2b$10$jv0kTzAuPeAWLv.MGfv8h.lo/eqPKXb/X3jayn1aEkdcl.32LP/Dq", kind: "bcrypt", rehash: true },
    { stored: "$2a$12$jv0kTzAuPeAWLv.MGfv8h.lo/eqPKXb/X3jayn1aEkdcl.32LP/Dq", kind: "bcrypt", rehash: true },
    { stored: "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", kind: "unknown", rehash: true },
    { stored: "", kind: "unknown", rehash: true },
  ])("$stored → $kind, rehash $rehash", ({ stored, kind, rehash }) => {
    expect(hashKind(stored)).toBe(kind);
    expect(needsRehash(stored)).toBe(rehash);
  });

  it("a fresh policy hash needs no rehash; a fixture hash does, until the policy is the fixture's", async () => {
    expect(needsRehash(await hashPassword("a"))).toBe(false);
    const cheap = await hashPassword("a", CHEAPEST_PARAMS);
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(cheap, CHEAPEST_PARAMS)).toBe(false);
  });
});
