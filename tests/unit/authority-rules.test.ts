import { describe, expect, it } from "vitest";
import { DISTRICT_RULE_FROM, TWO_LEVEL_GOVERNMENT_FROM, defaultAuthorityRules } from "@/lib/campaign/defaults";
import { addDays, utcDate } from "@/lib/dates";
import { authorityOn, isExternal, type AuthorityRuleRow } from "@/lib/titles/rules";

// Who decides "Xóm văn hóa" on a date (DOMAIN.md §4.3 and §8 "District abolished"): the rule in force on the
// decision's date, never a constant.

const KIM_PHUONG = { name: "Kim Phượng", district: "Định Hóa", province: "Thái Nguyên" };
const rules: AuthorityRuleRow[] = defaultAuthorityRules(KIM_PHUONG).map((r, i) => ({ id: `rule-${i}`, ...r }));
const DISTRICT = "Ủy ban nhân dân huyện Định Hóa";

function rule(id: string, overrides: Partial<AuthorityRuleRow>): AuthorityRuleRow {
  return {
    id, subject: "HAMLET", effectiveFrom: utcDate(2024, 1, 1), effectiveTo: null, authority: "Chủ tịch Ủy ban nhân dân xã Kim Phượng", issuer: "",
    parentIssuer: "", legalBasis: "Căn cứ thử", ...overrides,
  };
}

describe("the default rules of a commune in a district", () => {
  it.each([
    ["30/6/2025 (the district's last day)", utcDate(2025, 6, 30), DISTRICT, true],
    ["12/12/2024", utcDate(2024, 12, 12), DISTRICT, true],
    ["the first day of the district rule", DISTRICT_RULE_FROM, DISTRICT, true],
    ["1/7/2025 (two-level government)", TWO_LEVEL_GOVERNMENT_FROM, "", false],
    ["10/12/2025", utcDate(2025, 12, 10), "", false],
    ["far ahead (no end date)", utcDate(2040, 1, 1), "", false],
  ])("on %s the issuer is %j (external: %s)", (_label, date, issuer, external) => {
    const found = authorityOn(rules, "HAMLET", date);
    expect(found).not.toBeNull();
    expect(found!.issuer).toBe(issuer);
    expect(isExternal(found!)).toBe(external);
  });

  it("names the district chairman before 1/7/2025 and the commune chairman from then", () => {
    expect(authorityOn(rules, "HAMLET", utcDate(2025, 6, 30))!.authority).toBe("Chủ tịch Ủy ban nhân dân huyện Định Hóa");
    expect(authorityOn(rules, "HAMLET", TWO_LEVEL_GOVERNMENT_FROM)!.authority).toBe("Chủ tịch Ủy ban nhân dân xã Kim Phượng");
  });

  it("has no rule for a date before any rule starts", () => {
    expect(authorityOn(rules, "HAMLET", addDays(DISTRICT_RULE_FROM, -1))).toBeNull();
    expect(authorityOn([], "HAMLET", utcDate(2025, 12, 1))).toBeNull();
  });

  it("a commune without a district has only its own chairman's rule", () => {
    const own = defaultAuthorityRules({ ...KIM_PHUONG, district: null }).map((r, i) => ({ id: `own-${i}`, ...r }));
    expect(own).toHaveLength(1);
    expect(isExternal(authorityOn(own, "HAMLET", utcDate(2024, 12, 12))!)).toBe(false);
  });
});

describe("authorityOn", () => {
  it("of two overlapping rules, the one that started later wins", () => {
    const older = rule("older", { effectiveFrom: utcDate(2024, 1, 1), issuer: DISTRICT });
    const newer = rule("newer", { effectiveFrom: utcDate(2025, 3, 1) });
    expect(authorityOn([older, newer], "HAMLET", utcDate(2025, 2, 28))!.id).toBe("older");
    expect(authorityOn([older, newer], "HAMLET", utcDate(2025, 3, 1))!.id).toBe("newer");
    // The order rows come in does not matter.
    expect(authorityOn([newer, older], "HAMLET", utcDate(2025, 8, 1))!.id).toBe("newer");
  });

  it("treats effectiveTo as the first day the rule no longer applies", () => {
    const closed = rule("closed", { effectiveTo: utcDate(2025, 7, 1) });
    expect(authorityOn([closed], "HAMLET", utcDate(2025, 6, 30))!.id).toBe("closed");
    expect(authorityOn([closed], "HAMLET", utcDate(2025, 7, 1))).toBeNull();
  });

  it("reads only the rules of the subject asked for", () => {
    const agency = rule("agency", { subject: "AGENCY", effectiveFrom: utcDate(2025, 1, 1), issuer: "Liên đoàn Lao động tỉnh Thái Nguyên" });
    const hamlet = rule("hamlet", { effectiveFrom: utcDate(2024, 1, 1) });
    expect(authorityOn([agency, hamlet], "HAMLET", utcDate(2025, 6, 1))!.id).toBe("hamlet");
    expect(authorityOn([agency, hamlet], "AGENCY", utcDate(2025, 6, 1))!.id).toBe("agency");
    expect(authorityOn([agency, hamlet], "HOUSEHOLD", utcDate(2025, 6, 1))).toBeNull();
    expect(authorityOn([agency], "AGENCY", utcDate(2024, 12, 31))).toBeNull();
  });

  it("an issuer of blanks is the commune's own", () => {
    expect(isExternal(rule("blank", { issuer: "   " }))).toBe(false);
    expect(isExternal(rule("district", { issuer: DISTRICT }))).toBe(true);
  });
});
