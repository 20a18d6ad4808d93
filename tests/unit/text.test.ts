import { describe, expect, it } from "vitest";
import { cleanText, dedupeKeyOf, foldText, isUuid, searchTextOf } from "@/lib/text";

describe("foldText", () => {
  it.each([
    ["Nguyễn Văn Ả", "nguyen van a"],
    ["ĐINH THỊ BÍCH", "dinh thi bich"],
    ["đường Đồng Đình", "duong dong dinh"],
    ["  Hoàng   Thị\tThu  Hà ", "hoang thi thu ha"],
    ["Lò Văn Ước", "lo van uoc"],
    ["Ma Văn Thắng", "ma van thang"],
    ["0912 345 678", "0912 345 678"],
    ["", ""],
  ])("%j → %j", (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it("folds decomposed (NFD) input the same as composed input", () => {
    const composed = "Nguyễn Thị Ánh Tuyết, xóm Phai Đá";
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(foldText(decomposed)).toBe(foldText(composed));
    expect(foldText(decomposed)).toBe("nguyen thi anh tuyet, xom phai da");
  });
});

describe("searchTextOf", () => {
  it("joins the folded non-empty parts with single spaces", () => {
    expect(searchTextOf("Nguyễn Văn A", "Tổ 1, xóm Bản Lác", "0912345678")).toBe("nguyen van a to 1, xom ban lac 0912345678");
  });

  it("skips missing and blank parts", () => {
    expect(searchTextOf("Đinh Thị B", null, undefined, "  ", "")).toBe("dinh thi b");
    expect(searchTextOf()).toBe("");
  });
});

describe("dedupeKeyOf", () => {
  const address = "Tổ 1, xóm Bản Lác";

  it("keeps accents: Lan and Lân are different people", () => {
    expect(dedupeKeyOf("Nguyễn Thị Lan", address)).not.toBe(dedupeKeyOf("Nguyễn Thị Lân", address));
    expect(dedupeKeyOf("Lò Văn Đức", address)).not.toBe(dedupeKeyOf("Lò Văn Duc", address));
  });

  it("ignores case and spacing", () => {
    expect(dedupeKeyOf("  NGUYỄN   thị LAN ", " tổ 1,  XÓM bản lác")).toBe(dedupeKeyOf("Nguyễn Thị Lan", address));
  });

  it("treats composed and decomposed accents alike", () => {
    expect(dedupeKeyOf("Nguyễn Thị Lân".normalize("NFD"), address.normalize("NFD"))).toBe(dedupeKeyOf("Nguyễn Thị Lân", address));
  });

  it("separates the name from the address so parts cannot run together", () => {
    expect(dedupeKeyOf("Nguyễn Văn", "A Tổ 1")).not.toBe(dedupeKeyOf("Nguyễn Văn A", "Tổ 1"));
  });
});

describe("cleanText", () => {
  it("trims, collapses whitespace and composes accents", () => {
    const result = cleanText("  Hoàng \n Thị   Hà ".normalize("NFD"));
    expect(result).toBe("Hoàng Thị Hà");
    expect(result).toBe(result.normalize("NFC"));
  });
});

describe("isUuid", () => {
  const id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
  it.each([id, id.toUpperCase()])("accepts %s", (v) => expect(isUuid(v)).toBe(true));
  // Bound arguments of a server action arrive with any type; RegExp.test would stringify [id] into a match.
  it.each([[[id]], [{ toString: () => id }], [`${id}\n`], [` ${id}`], ["not-a-uuid"], [null], [undefined], [42]])("refuses %j", (v) => {
    expect(isUuid(v)).toBe(false);
  });
});
