import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { API_TOKEN_NAME_MAX, API_TOKEN_PREFIX } from "@/lib/api-tokens/labels";
import { CreateApiTokenInput, apiTokenPrefix, generateApiToken, hashApiToken, isApiTokenShaped } from "@/lib/api-tokens/schema";

// API tokens: "vh_" + 32 random bytes in base64url, stored as their SHA-256 hex, listed by their first characters.

describe("generateApiToken", () => {
  it("is vh_ followed by 43 base64url characters (32 bytes)", () => {
    const token = generateApiToken();
    expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
    expect(token).toMatch(/^vh_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
    expect(isApiTokenShaped(token)).toBe(true);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateApiToken));
    expect(tokens.size).toBe(200);
  });
});

describe("isApiTokenShaped", () => {
  it.each([
    ["", false],
    ["vh_", false],
    [`vh_${"a".repeat(42)}`, false],
    [`vh_${"a".repeat(44)}`, false],
    [`xx_${"a".repeat(43)}`, false],
    [`vh_${"a".repeat(42)}=`, false],
    [`vh_${"a".repeat(42)}+`, false],
    [`vh_${"A-_9".repeat(10)}abc`, true],
  ])("%j → %s", (value, expected) => {
    expect(isApiTokenShaped(value)).toBe(expected);
  });
});

describe("hashApiToken and apiTokenPrefix", () => {
  it("hashes with SHA-256 to 64 lower-case hex characters", () => {
    const token = generateApiToken();
    const hash = hashApiToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    // The FIPS 180-2 test vector: SHA-256("abc").
    expect(hashApiToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("gives different hashes for different tokens and the same hash for the same token", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(hashApiToken(a)).toBe(hashApiToken(a));
    expect(hashApiToken(a)).not.toBe(hashApiToken(b));
  });

  it("the prefix is vh_ and 8 more characters, far too short to stand for the token", () => {
    const token = generateApiToken();
    expect(apiTokenPrefix(token)).toBe(token.slice(0, 11));
    expect(apiTokenPrefix(token)).toHaveLength(11);
    expect(apiTokenPrefix(token).startsWith("vh_")).toBe(true);
  });
});

describe("CreateApiTokenInput", () => {
  it("trims the name", () => {
    expect(CreateApiTokenInput.parse({ name: "  Sở VHTTDL Thái Nguyên  " })).toEqual({ name: "Sở VHTTDL Thái Nguyên" });
  });

  it.each([
    [{}, "Vui lòng nhập tên khóa."],
    [{ name: "" }, "Vui lòng nhập tên khóa."],
    [{ name: "   " }, "Vui lòng nhập tên khóa."],
    [{ name: "x".repeat(API_TOKEN_NAME_MAX + 1) }, `Tên khóa dài quá ${API_TOKEN_NAME_MAX} ký tự.`],
  ])("refuses %j with a Vietnamese message", (input, message) => {
    const parsed = CreateApiTokenInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toEqual([message]);
    expect(parsed.error!.issues[0]!.path).toEqual(["name"]);
  });

  it("accepts a name of exactly the maximum length", () => {
    expect(CreateApiTokenInput.safeParse({ name: "x".repeat(API_TOKEN_NAME_MAX) }).success).toBe(true);
  });
});
