import { describe, expect, it } from "vitest";
import { utcDate } from "@/lib/dates";
import {
  DECISION_MSG, DEFAULT_AWARD_LEGAL_BASIS, decisionNumberText, decisionReference, defaultCancellationLegalBasis, defaultHamletLegalBasis, padNumber,
  uniqueNumberMessages,
} from "@/lib/decisions/labels";
import {
  AwardDecisionInput, CancellationDecisionInput, DecisionMode, decisionFormToObject, HamletCancellationInput, HamletDecisionInput,
} from "@/lib/decisions/schema";
import { fieldErrorsOf } from "@/lib/result";

// The decision forms as the browser posts them, parsed the way the actions parse them.

const R1 = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const R2 = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

const VALID: [string, string][] = [
  ["number", "5"],
  ["symbol", "QĐ-UBND"],
  ["issuedOn", "2024-12-05"],
  ["signerAuthority", ""],
  ["signerTitle", "CHỦ TỊCH"],
  ["signerName", "Ma Văn Quyết"],
  ["legalBasis", DEFAULT_AWARD_LEGAL_BASIS],
  ["reviewIds", R1],
  ["reviewIds", R2],
];

function form(changes: Record<string, string | undefined> = {}, extra: [string, string][] = []): FormData {
  const fd = new FormData();
  const changed = new Set(Object.keys(changes));
  for (const [k, v] of VALID) if (!changed.has(k)) fd.append(k, v);
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) fd.append(k, v);
  for (const [k, v] of extra) fd.append(k, v);
  return fd;
}

const parseAward = (fd: FormData) => AwardDecisionInput.safeParse(decisionFormToObject(fd));
const errorsOf = (fd: FormData) => {
  const r = parseAward(fd);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("AwardDecisionInput", () => {
  it("parses a complete form: number, date, both dossiers, căn cứ line by line", () => {
    const r = parseAward(form());
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      number: 5, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 5), signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
      reviewIds: [R1, R2],
    });
    expect(r.data!.legalBasis.split("\n")).toHaveLength(4);
  });

  it("keeps căn cứ one per line, trimming spaces and dropping blank lines", () => {
    const r = parseAward(form({ legalBasis: "  Căn cứ Luật A;  \r\n\r\n   \nTheo   đề nghị của công chức.\n" }));
    expect(r.data!.legalBasis).toBe("Căn cứ Luật A;\nTheo đề nghị của công chức.");
  });

  it.each([
    [{ number: "" }, "number", "Vui lòng nhập số quyết định."],
    [{ number: "0" }, "number", "Số quyết định phải từ 1 đến 9999."],
    [{ number: "5a" }, "number", "Số quyết định phải là số nguyên."],
    [{ number: "-3" }, "number", "Số quyết định phải là số nguyên."],
    [{ issuedOn: "" }, "issuedOn", "Vui lòng nhập ngày ban hành."],
    [{ issuedOn: "2024-02-30" }, "issuedOn", "Ngày ban hành không hợp lệ (ngày/tháng/năm)."],
    [{ issuedOn: "05/12/2024" }, "issuedOn", "Ngày ban hành không hợp lệ (ngày/tháng/năm)."],
    [{ symbol: "QĐ UBND" }, "symbol", "Ký hiệu chỉ gồm chữ in hoa, chữ số và dấu gạch nối, ví dụ QĐ-UBND."],
    [{ signerName: "  " }, "signerName", "Vui lòng nhập họ và tên người ký."],
    [{ signerAuthority: "TM. ỦY BAN NHÂN DÂN" }, "signerAuthority", "Vui lòng chọn hình thức ký."],
    [{ legalBasis: " \n \n" }, "legalBasis", "Vui lòng nhập các căn cứ ban hành (mỗi căn cứ một dòng)."],
  ])("%o → %s: %s", (changes, field, message) => {
    expect(errorsOf(form(changes))[field]?.[0]).toBe(message);
  });

  it("requires at least one dossier, and only well-formed ids", () => {
    const none = new FormData();
    for (const [k, v] of VALID) if (k !== "reviewIds") none.append(k, v);
    expect(errorsOf(none).reviewIds).toEqual([DECISION_MSG.noReviews]);
    expect(errorsOf(form({ reviewIds: "1; DROP TABLE" }))["reviewIds.0"]).toEqual([DECISION_MSG.noReviews]);
  });

  it("counts a dossier ticked twice once", () => {
    const fd = new FormData();
    for (const [k, v] of VALID) if (k !== "reviewIds") fd.append(k, v);
    fd.append("reviewIds", R1);
    fd.append("reviewIds", R1);
    expect(parseAward(fd).data!.reviewIds).toEqual([R1]);
  });

  it("defaults the symbol to QĐ-UBND and upper-cases what is typed", () => {
    expect(parseAward(form({ symbol: "" })).data!.symbol).toBe("QĐ-UBND");
    expect(parseAward(form({ symbol: "qđ-ct" })).data!.symbol).toBe("QĐ-CT");
  });

  it("pairs KT. CHỦ TỊCH with PHÓ CHỦ TỊCH, and the chairman signs without KT.", () => {
    expect(errorsOf(form({ signerAuthority: "KT. CHỦ TỊCH" })).signerTitle).toEqual(["Khi ký thay (KT. CHỦ TỊCH), chức danh người ký là PHÓ CHỦ TỊCH."]);
    expect(errorsOf(form({ signerTitle: "Phó Chủ tịch" })).signerAuthority).toEqual(["Phó Chủ tịch ký thay thì chọn \u201cKT. CHỦ TỊCH\u201d."]);
    const deputy = parseAward(form({ signerAuthority: "KT. CHỦ TỊCH", signerTitle: "phó chủ tịch" }));
    expect(deputy.data).toMatchObject({ signerAuthority: "KT. CHỦ TỊCH", signerTitle: "PHÓ CHỦ TỊCH" });
  });
});

describe("CancellationDecisionInput", () => {
  const cancel = (changes: Record<string, string | undefined>) =>
    CancellationDecisionInput.safeParse(decisionFormToObject(form({ reviewIds: undefined, ...changes }, [["awardIds", R1]])));

  it("needs a ground a–d and a reason", () => {
    const r = cancel({});
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!)).toMatchObject({
      cancelGround: ["Vui lòng chọn căn cứ hủy bỏ (a, b, c hoặc d)."],
      cancelReason: ["Vui lòng nhập lý do hủy bỏ."],
    });
    const ok = cancel({ cancelGround: "D", cancelReason: "Thành viên hộ bị xử phạt về đánh bạc ngày 12/08/2024." });
    expect(ok.data).toMatchObject({ awardIds: [R1], cancelGround: "D" });
  });
});

describe("numbers and references", () => {
  it("names the hamlets a concurrent draft took in Vietnamese alphabetical order, whatever order the rows came in", () => {
    const expected = "Hồ sơ của xóm Xóm Bắc, Xóm Đông, Xóm Tây đã được đưa vào quyết định khác (đã được xử lý).";
    expect(DECISION_MSG.reviewTaken(["Xóm Tây", "Xóm Đông", "Xóm Bắc"])).toBe(expected);
    expect(DECISION_MSG.reviewTaken(["Xóm Đông", "Xóm Bắc", "Xóm Tây"])).toBe(expected);
  });

  it.each([[1, "01"], [5, "05"], [9, "09"], [10, "10"], [123, "123"]])("%i → %s (Decree 30: two digits below 10)", (n, text) => {
    expect(padNumber(n)).toBe(text);
  });

  it("writes the number with its symbol, and the reference with the date", () => {
    expect(decisionNumberText(5, "QĐ-UBND")).toBe("05/QĐ-UBND");
    expect(decisionReference({ number: 12, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 5) })).toBe("Số 12/QĐ-UBND ngày 05/12/2024");
    expect(DECISION_MSG.numberTaken(5, 2024)).toBe("Số 05 đã được dùng cho một quyết định khác năm 2024.");
  });

  it("maps the unique constraint to the number field with the year of the issue date", () => {
    expect(uniqueNumberMessages({ number: 7, issuedOn: utcDate(2025, 1, 3) })).toEqual({
      numberYear: ["number", "Số 07 đã được dùng cho một quyết định khác năm 2025."],
    });
  });

  it("prefills the căn cứ of a cancellation with the award decisions it cancels from", () => {
    const text = defaultCancellationLegalBasis([{ number: 5, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 5), year: 2024 }]);
    expect(text).toContain("Căn cứ Quyết định số 05/QĐ-UBND ngày 05/12/2024 về việc tặng danh hiệu \u201cGia đình văn hóa\u201d năm 2024;");
    expect(text.split("\n").at(-1)).toBe("Theo đề nghị của công chức Văn hóa - Xã hội.");
  });
});

describe("\u201cXóm văn hóa\u201d decisions", () => {
  it("share the header: a hamlet decision needs no dossiers, and the same signer rule applies", () => {
    const ok = HamletDecisionInput.safeParse(decisionFormToObject(form({ reviewIds: undefined })));
    expect(ok.data).toMatchObject({ number: 5, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 5), signerTitle: "CHỦ TỊCH" });
    const bad = HamletDecisionInput.safeParse(decisionFormToObject(form({ signerAuthority: "KT. CHỦ TỊCH" })));
    expect(fieldErrorsOf(bad.error!).signerTitle).toEqual(["Khi ký thay (KT. CHỦ TỊCH), chức danh người ký là PHÓ CHỦ TỊCH."]);
  });

  it("a hamlet cancellation names HamletAward ids, with a ground and a reason", () => {
    const parse = (extra: [string, string][]) =>
      HamletCancellationInput.safeParse(decisionFormToObject(form({ reviewIds: undefined, cancelGround: "C", cancelReason: "Sai quy trình." }, extra)));
    expect(parse([["hamletAwardIds", R1], ["hamletAwardIds", R1], ["hamletAwardIds", R2]]).data).toMatchObject({ hamletAwardIds: [R1, R2], cancelGround: "C" });
    // Household award ids do not count for a hamlet cancellation.
    expect(fieldErrorsOf(parse([["awardIds", R1]]).error!).hamletAwardIds).toEqual([DECISION_MSG.noAwards]);
  });

  it.each([["draft", true], ["record", true], ["issue", false], ["", false]])("mode %j is accepted: %s", (mode, ok) => {
    expect(DecisionMode.safeParse(mode).success).toBe(ok);
  });

  it("prefills the căn cứ by who decides: the commune cites its competence, an upper body's decision the law and the Tờ trình", () => {
    const proposal = { number: 12, symbol: "TTr-UBND", date: utcDate(2025, 11, 20) };
    const commune = defaultHamletLegalBasis({ issuer: "", legalBasis: "Nghị định số 129/2025/NĐ-CP của Chính phủ." }, proposal).split("\n");
    expect(commune).toContain("Căn cứ Nghị định số 129/2025/NĐ-CP của Chính phủ;");
    expect(commune.at(-1)).toBe("Xét Tờ trình số 12/TTr-UBND ngày 20/11/2025 đề nghị công nhận danh hiệu \u201cXóm văn hóa\u201d.");
    const district = defaultHamletLegalBasis({ issuer: "Ủy ban nhân dân huyện Định Hóa", legalBasis: "Luật Thi đua, khen thưởng 2022" }, null).split("\n");
    expect(district.some((l) => l.includes("Luật Tổ chức chính quyền địa phương"))).toBe(false);
    expect(district.at(-1)).toBe("Theo đề nghị của Hội đồng Thi đua - Khen thưởng xã và công chức Văn hóa - Xã hội.");
  });

  it("cancelling a hamlet title cites the recognition decision", () => {
    const text = defaultCancellationLegalBasis([{ number: 45, symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 12), year: 2024 }], "HAMLET");
    expect(text).toContain("Căn cứ Quyết định số 45/QĐ-UBND ngày 12/12/2024 về việc công nhận danh hiệu \u201cXóm văn hóa\u201d năm 2024;");
  });
});
