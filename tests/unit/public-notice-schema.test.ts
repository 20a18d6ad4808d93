import { describe, expect, it } from "vitest";
import { BODY_MAX_CHARS, COMMENT_MSG, formTextLength, hasMarkup, NoticeCommentInput } from "@/lib/public-notice/schema";
import { fieldErrorsOf } from "@/lib/result";

// The public comment form as a browser (or anyone else) posts it, parsed the way the action parses it.

const HAMLET = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const FORM = { hamletId: HAMLET, authorName: "Nguyễn Thị Hoa", contact: "0912 345 678", content: "Xóm Bản Lác giữ gìn vệ sinh rất tốt." };

const parse = (changes: Record<string, string | undefined> = {}) =>
  NoticeCommentInput.safeParse(Object.fromEntries(Object.entries({ ...FORM, ...changes }).filter(([, v]) => v !== undefined)));

function errors(changes: Record<string, string | undefined>): Record<string, string[]> {
  const result = parse(changes);
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("NoticeCommentInput", () => {
  it("parses a complete comment", () => {
    expect(parse().data).toEqual({ hamletId: HAMLET, authorName: "Nguyễn Thị Hoa", contact: "0912 345 678", content: "Xóm Bản Lác giữ gìn vệ sinh rất tốt." });
  });

  it("takes a general comment with only the content", () => {
    expect(parse({ hamletId: "", authorName: "", contact: "  " }).data).toEqual({ hamletId: undefined, authorName: undefined, contact: undefined, content: FORM.content });
    expect(NoticeCommentInput.safeParse({ content: "Ý kiến chung." }).data).toEqual({ hamletId: undefined, authorName: undefined, contact: undefined, content: "Ý kiến chung." });
  });

  it("keeps paragraphs, normalises line breaks and trims", () => {
    expect(parse({ content: "  Dòng một.\r\nDòng hai.\rDòng ba.\n\tThụt lề.  " }).data?.content).toBe("Dòng một.\nDòng hai.\nDòng ba.\n\tThụt lề.");
  });

  it("stores composed Vietnamese (NFC) whatever the keyboard sent", () => {
    const decomposed = "Nguye\u0302\u0303n".normalize("NFD");
    expect(parse({ authorName: decomposed, content: decomposed }).data).toMatchObject({ authorName: "Nguyễn", content: "Nguyễn" });
  });

  it.each([[""], ["   "], ["\n\n\t"], [undefined]])("refuses empty content %j", (content) => {
    expect(errors({ content })).toEqual({ content: [COMMENT_MSG.contentRequired] });
  });

  it("accepts exactly 2,000 characters and refuses 2,001, saying how many there are", () => {
    expect(parse({ content: "a".repeat(2000) }).success).toBe(true);
    expect(parse({ content: "ệ".repeat(2000) }).success).toBe(true);
    expect(errors({ content: "a".repeat(2001) })).toEqual({ content: ["Ý kiến dài quá 2.000 ký tự (hiện có 2.001 ký tự); vui lòng rút gọn."] });
    expect(errors({ content: "a".repeat(12345) }).content).toEqual([COMMENT_MSG.contentTooLong(12345)]);
  });

  it.each([
    ["<b>đậm</b>"],
    ["Xem <script>alert(1)</script>"],
    ["<img src=x onerror=alert(1)>"],
    ["<IMG SRC=x ONERROR=alert(1)"],
    ["<svg/onload=alert(1)>"],
    ["</div>"],
    ["<!-- ghi chú -->"],
    ["<!DOCTYPE html>"],
    ["<?xml version=\"1.0\"?>"],
    ["<a href=\"https://vi.wikipedia.org\">link</a>"],
    ["<p>Đoạn văn</p>"],
    ["Bấm javascript:alert(1)"],
    ["JavaScript : void(0)"],
    ["vbscript:msgbox"],
    ["data:text/html;base64,PHNjcmlwdD4="],
    ["&lt;script&gt;"],
    ["&#60;script&#62;"],
    ["&#x3C;b&#x3E;"],
    ["[b]đậm[/b]"],
    ["[url=https://example.com]xem[/url]"],
    // Look-alikes and hidden characters that a naive check would let through.
    ["＜script＞alert(1)＜/script＞"],
    ["﹤b﹥đậm﹤/b﹥"],
    ["＜svg onload=alert(1)＞"],
    ["&lt script&gt"],
    ["＆ｌｔ；script＆ｇｔ；"],
    ["java\u200bscript:alert(1)"],
    ["java\u00adscript:alert(1)"],
    ["&\u200blt;b&\u200bgt;"],
  ])("refuses markup %j", (content) => {
    expect(errors({ content })).toEqual({ content: [COMMENT_MSG.markup] });
  });

  it.each([
    ["Tỷ lệ hộ nghèo < 5 % và > 2 %."],
    ["a < b nhưng b > c"],
    ["Điểm 3<5, mũi tên -> và <- đều được."],
    ["Số nhà 12/3, ngõ 4 & ngách 5."],
    ["Email: ten@example.com; web: https://xa.gov.vn"],
    ["Trích [1] và (2)."],
  ])("accepts plain text that only looks a little like markup: %j", (content) => {
    expect(parse({ content }).success).toBe(true);
    expect(hasMarkup(content)).toBe(false);
  });

  it.each([
    ["\u0000"], ["\u0007"], ["\u0008"], ["\u000b"], ["\u000c"], ["\u001b[31m"], ["\u007f"], ["\u0085"], ["\u202e"], ["\u2066"],
    ["\u200e"], ["\u200f"], ["\u061c"],
  ])("refuses the control character %j in the content", (ch) => {
    expect(errors({ content: `Ý kiến ${ch} có ký tự lạ` })).toEqual({ content: [COMMENT_MSG.control] });
  });

  it("drops zero-width characters, the BOM and soft hyphens instead of storing them", () => {
    expect(parse({ content: "\ufeffXóm\u200b văn\u00ad hóa\u2060.\u200d", authorName: "Ho\u200ca" }).data).toMatchObject({ content: "Xóm văn hóa.", authorName: "Hoa" });
    expect(parse({ content: "\u200b\u200b \ufeff" }).success).toBe(false);
    expect(parse({ contact: "0912\u200b345678" }).data?.contact).toBe("0912345678");
  });

  it.each([["a\u0000b@x.vn"], ["a\u202eb@x.vn"], ["ten@x\u0007.vn"], ["0912\u202e345678"]])("refuses the contact %j with a control character", (contact) => {
    expect(errors({ contact })).toEqual({ contact: [COMMENT_MSG.contactFormat] });
  });

  it("refuses control characters and markup in the name too", () => {
    expect(errors({ authorName: "Hoa\u0000" })).toEqual({ authorName: [COMMENT_MSG.authorControl] });
    expect(errors({ authorName: "<b>Hoa</b>" })).toEqual({ authorName: [COMMENT_MSG.authorMarkup] });
    expect(errors({ authorName: "＜b＞Hoa" })).toEqual({ authorName: [COMMENT_MSG.authorMarkup] });
  });

  it("accepts a name and a contact of 100 characters, refuses 101", () => {
    expect(parse({ authorName: "H".repeat(100) }).success).toBe(true);
    expect(errors({ authorName: "H".repeat(101) })).toEqual({ authorName: ["Họ tên dài quá 100 ký tự."] });
    const email = `${"a".repeat(88)}@example.com`;
    expect(email).toHaveLength(100);
    expect(parse({ contact: email }).success).toBe(true);
    expect(errors({ contact: `a${email}` })).toEqual({ contact: ["Thông tin liên hệ dài quá 100 ký tự."] });
  });

  it.each([
    ["0912345678", true], ["0912.345.678", true], ["+84 912 345 678", true], ["(0208) 3855 123", true], ["ten.ho@xa.gov.vn", true],
    ["12345", false], ["gọi tôi", false], ["ten@", false], ["ten@example", false], ["<b>@x.vn", false],
  ])("contact %j → valid %s", (contact, ok) => {
    const result = parse({ contact });
    expect(result.success).toBe(ok);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ contact: [COMMENT_MSG.contactFormat] });
  });

  it.each([["1"], ["xóm-a"], ["'; drop table"]])("refuses a hamlet id that is not one %j", (hamletId) => {
    expect(errors({ hamletId })).toEqual({ hamletId: [COMMENT_MSG.hamlet] });
  });

  it("shows every field's problem at once, each next to its field", () => {
    expect(Object.keys(errors({ hamletId: "x", authorName: "a".repeat(101), contact: "??", content: "" })).sort())
      .toEqual(["authorName", "contact", "content", "hamletId"]);
  });
});

describe("formTextLength", () => {
  it("counts the posted fields' names and text, leaving out the action's own fields", () => {
    const form = new FormData();
    form.append("content", "abc");
    form.append("authorName", "de");
    form.append("$ACTION_ID_123", "x".repeat(50));
    expect(formTextLength(form)).toBe(1 + 7 + 3 + 1 + 10 + 2);
  });

  it("counts long field names, many empty fields and files, which a value-only count missed", () => {
    const names = new FormData();
    names.append("n".repeat(BODY_MAX_CHARS), "");
    expect(formTextLength(names)).toBeGreaterThan(BODY_MAX_CHARS);
    const many = new FormData();
    for (let i = 0; i < BODY_MAX_CHARS; i++) many.append("x", "");
    expect(formTextLength(many)).toBeGreaterThan(BODY_MAX_CHARS);
    const file = new FormData();
    file.append("content", new Blob(["x".repeat(BODY_MAX_CHARS)]), "a.txt");
    expect(formTextLength(file)).toBeGreaterThan(BODY_MAX_CHARS);
  });

  it("leaves a complete, legitimate comment well under the limit", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...FORM, content: "ệ".repeat(2000), authorName: "H".repeat(100), contact: "a".repeat(88) + "@example.com" })) form.append(key, value);
    expect(formTextLength(form)).toBeLessThanOrEqual(BODY_MAX_CHARS);
  });
});
