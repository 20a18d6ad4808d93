import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getCouncilMinutes } from "@/app/api/documents/council-minutes/[councilId]/route";
import { GET as getHamletDecision } from "@/app/api/documents/hamlet-decision/[decisionId]/route";
import { GET as getHamletProposal } from "@/app/api/documents/hamlet-proposal/[councilId]/route";
import { GET as getHamletReport } from "@/app/api/documents/hamlet-report/[entryId]/route";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import {
  HAMLET_DOC_MSG, loadCouncilMinutes, loadHamletDecision, loadHamletProposal, loadHamletReport,
} from "@/lib/documents/hamlet-loaders";
import { DECISION_DOC_MSG, loadDecision } from "@/lib/documents/loaders";
import { DOCX_TYPE } from "@/lib/documents/route";
import type { Actor } from "@/lib/policy";
import { getActor } from "@/lib/session";
import { makeCampaignYear, type YearRow } from "../factories/cycle";
import { makeCouncil, makeHamletAward, makeHamletDecision, makeHamletEntry } from "../factories/hamlet-docs";
import { makeActor, makeWorld, resetDb, type World } from "../factories";
import { docxText } from "../support/docx";

// The loaders read real rows within the actor's scope; the GET handlers are called with the signed-in actor stubbed
// (only the session lookup is replaced, the database is real).
vi.mock("@/lib/session", () => ({ getActor: vi.fn() }));

let w: World;
let year: YearRow;
let council: { id: string };
let entryA: { id: string };
let entryB: { id: string };
let headB: Actor;

const signIn = (actor: Actor | null) => vi.mocked(getActor).mockResolvedValue(actor);
const params = <K extends string>(key: K, id: string) => ({ params: Promise.resolve({ [key]: id } as Record<K, string>) });
const request = () => new Request("http://localhost/api/documents");

async function docText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe(DOCX_TYPE);
  return docxText(new Uint8Array(await response.arrayBuffer()));
}

beforeEach(async () => {
  vi.mocked(getActor).mockReset();
  await resetDb();
  w = await makeWorld();
  // The district is set before the first campaign year, which creates the authority rules (district until 30/6/2025).
  await db.commune.update({ where: { id: w.commune.id }, data: { name: "Kim Phượng", district: "Định Hóa" } });
  await db.hamlet.update({ where: { id: w.hamletA.id }, data: { name: "Nà Mòn", headName: "Ma Văn Thắng" } });
  await db.hamlet.update({ where: { id: w.hamletB.id }, data: { name: "Bản Lác", headName: "Hoàng Văn Lác" } });
  headB = await makeActor("HAMLET_HEAD", { communeId: w.commune.id, hamletId: w.hamletB.id });
  year = await makeCampaignYear(w.commune.id, 2024);
  council = await makeCouncil(year);
  entryA = await makeHamletEntry(year, w.hamletA, {
    councilId: council.id, votesFor: 7, votesAgainst: 0, councilResult: "ACHIEVED",
    overview: "Xóm Nà Mòn có 120 hộ, đời sống Nhân dân ổn định.",
    results: [
      { code: "I.2", value: 6.67, isMet: true },
      { code: "II.2", value: 100, isMet: true, note: "Không có em bỏ học" },
      { code: "III.1", isMet: true },
    ],
  });
  entryB = await makeHamletEntry(year, w.hamletB, {
    councilId: council.id, votesFor: 3, votesAgainst: 4, councilResult: "NOT_ACHIEVED", reason: "Không đủ tỷ lệ tán thành của Hội đồng.",
  });
});

describe("Báo cáo thành tích (Mẫu 05)", () => {
  it("is read by the hamlet's head and commune readers, with the report's figures and criteria", async () => {
    for (const actor of [w.actors.headA, w.actors.officer, w.actors.leader, w.actors.committee]) {
      expect(await loadHamletReport(actor, entryA.id)).toMatchObject({ year: 2024, hamlet: { name: "Nà Mòn", headName: "Ma Văn Thắng" } });
    }
    const data = (await loadHamletReport(w.actors.headA, entryA.id))!;
    expect(data.criteria.map((c) => c.code).slice(0, 3)).toEqual(["I.1", "I.2", "I.3"]);
    expect(data.criteria.find((c) => c.code === "I.2")).toMatchObject({ metric: "POOR_NEAR_POOR_PCT", threshold: 15, result: { value: 6.67, isMet: true } });
    expect(data.criteria.find((c) => c.code === "I.1")!.result).toBeNull();

    signIn(w.actors.headA);
    const response = await getHamletReport(request(), params("entryId", entryA.id));
    expect(response.headers.get("Content-Disposition")).toContain('filename="Mau05_BaoCaoThanhTich_XomNaMon_2024.docx"');
    const text = await docText(response);
    expect(text).toContain("XÓM NÀ MÒN");
    expect(text).toContain("Xóm Nà Mòn có 120 hộ, đời sống Nhân dân ổn định.");
    expect(text).toContain("- Số hộ nghèo: 5 hộ; số hộ cận nghèo: 3 hộ; chiếm 6,67 % tổng số hộ.");
    expect(text).toContain("I.2. Tỷ lệ hộ nghèo, hộ cận nghèo thấp: 6,67 % (yêu cầu ≤ 15 %) - Đạt.");
    expect(text).toContain("II.2. Trẻ em trong độ tuổi đi học được đến trường: 100 % (yêu cầu ≥ 100 %) - Đạt. Ghi chú: Không có em bỏ học.");
    expect(text).toContain("Ma Văn Thắng");
  });

  it("is 404 for another hamlet's head, another commune, the admin; 401 signed out; 409 before the report is saved", async () => {
    for (const actor of [headB, w.actors.otherOfficer, w.actors.admin]) {
      expect(await loadHamletReport(actor, entryA.id)).toBeNull();
      signIn(actor);
      expect((await getHamletReport(request(), params("entryId", entryA.id))).status).toBe(404);
    }
    signIn(w.actors.officer);
    expect((await getHamletReport(request(), params("entryId", "not-a-uuid"))).status).toBe(404);
    signIn(null);
    expect((await getHamletReport(request(), params("entryId", entryA.id))).status).toBe(401);

    await db.hamletTitleEntry.update({ where: { id: entryB.id }, data: { reportedOn: null } });
    signIn(headB);
    const response = await getHamletReport(request(), params("entryId", entryB.id));
    expect(response.status).toBe(409);
    expect(await response.text()).toBe(HAMLET_DOC_MSG.noReport(2024));
  });
});

describe("Biên bản họp Hội đồng (Mẫu 06)", () => {
  it("lists the hamlets reviewed with votes and proposes the achieved ones to the district chairman", async () => {
    await db.noticeComment.create({
      data: { communeId: w.commune.id, councilReviewId: council.id, hamletId: w.hamletA.id, content: "Đồng ý", ipHash: "x", outcome: "REJECTED" },
    });
    const data = (await loadCouncilMinutes(w.actors.committee, council.id))!;
    expect(data).toMatchObject({ year: 2024, titleName: "Xóm văn hóa", hamletWord: "xóm", authority: "Chủ tịch Ủy ban nhân dân huyện Định Hóa" });
    expect(data.notice).toMatchObject({ postedOn: utcDate(2024, 11, 21), comments: 1 });
    expect(data.hamlets.map((h) => [h.name, h.councilResult])).toEqual([["Bản Lác", "NOT_ACHIEVED"], ["Nà Mòn", "ACHIEVED"]]);

    signIn(w.actors.officer);
    const response = await getCouncilMinutes(request(), params("councilId", council.id));
    expect(response.headers.get("Content-Disposition")).toContain('filename="Mau06_BienBanHopHoiDong_XaKimPhuong_2024.docx"');
    const text = await docText(response);
    expect(text).toContain("- Thành viên Hội đồng có mặt: 7/9 người.");
    expect(text).toContain("Xóm Bản Lác\n90 %\n3/7\n42,86 %\nKhông đạt");
    expect(text).toContain("số ý kiến nhận được: 1.");
    expect(text).toContain("đề nghị Chủ tịch Ủy ban nhân dân huyện Định Hóa công nhận danh hiệu \u201cXóm văn hóa\u201d năm 2024 cho 1 xóm: Xóm Nà Mòn.");
    expect(text).toContain("Lò Thị Hoa\nCHỦ TỊCH HỘI ĐỒNG");
  });

  it("is 404 for a hamlet head, the admin and another commune", async () => {
    for (const actor of [w.actors.headA, w.actors.admin, w.actors.otherOfficer]) {
      expect(await loadCouncilMinutes(actor, council.id)).toBeNull();
      signIn(actor);
      expect((await getCouncilMinutes(request(), params("councilId", council.id))).status).toBe(404);
    }
  });
});

describe("Tờ trình (Mẫu 04)", () => {
  it("is 409 until a number and date are recorded, then addresses whoever decides on that date", async () => {
    signIn(w.actors.officer);
    const refused = await getHamletProposal(request(), params("councilId", council.id));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toBe(HAMLET_DOC_MSG.noProposal);

    await db.councilReview.update({ where: { id: council.id }, data: { status: "PROPOSED", proposalNumber: 3, proposalDate: utcDate(2025, 6, 30) } });
    const data = (await loadHamletProposal(w.actors.leader, council.id))!;
    expect(data).toMatchObject({ number: 3, symbol: "TTr-UBND", voteBase: 7, notice: { days: 10, comments: 0 } });
    expect(data.hamlets.map((h) => h.name)).toEqual(["Nà Mòn"]);
    const response = await getHamletProposal(request(), params("councilId", council.id));
    const before = await docText(response);
    expect(before).toContain("Số: 03/TTr-UBND");
    expect(before).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân huyện Định Hóa.");
    expect(before).toContain("Xóm Nà Mòn\n90 %\n7/7 (100 %)");
    expect(before).not.toContain("Xóm Bản Lác");
    expect(before).toContain("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Hùng");

    await db.councilReview.update({ where: { id: council.id }, data: { proposalDate: utcDate(2025, 7, 1) } });
    const after = await docText(await getHamletProposal(request(), params("councilId", council.id)));
    expect(after).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân xã Kim Phượng.");
  });

  it("is 404 for a hamlet head", async () => {
    await db.councilReview.update({ where: { id: council.id }, data: { proposalNumber: 3, proposalDate: utcDate(2024, 12, 2) } });
    signIn(w.actors.headA);
    expect((await getHamletProposal(request(), params("councilId", council.id))).status).toBe(404);
  });
});

describe("Quyết định công nhận “Xóm văn hóa”", () => {
  it("a draft lists the council's ACHIEVED hamlets under the commune's own header", async () => {
    const draft = await makeHamletDecision(year, { authority: "Chủ tịch Ủy ban nhân dân xã Kim Phượng" });
    await db.councilReview.update({ where: { id: council.id }, data: { decisionId: draft.id } });
    const data = (await loadHamletDecision(w.actors.officer, draft.id))!;
    expect(data).toMatchObject({ status: "DRAFT", issuer: "", parentIssuer: "", hamlets: [{ label: "Xóm Nà Mòn", note: "" }] });
    signIn(w.actors.leader);
    const text = await docText(await getHamletDecision(request(), params("decisionId", draft.id)));
    expect(text).toContain("ỦY BAN NHÂN DÂN\nXÃ KIM PHƯỢNG");
    expect(text).toContain("DỰ THẢO\nQUYẾT ĐỊNH");
    expect(text).toContain("Điều 1. Công nhận danh hiệu \u201cXóm văn hóa\u201d năm 2024 cho 1 xóm thuộc xã Kim Phượng, gồm:");
  });

  it("an issued district decision lists its awards with the streak, under the district's header", async () => {
    const district = await db.authorityRule.findFirstOrThrow({ where: { communeId: w.commune.id, issuer: { not: "" } } });
    const decide = async (y: YearRow, number: number) =>
      makeHamletDecision(y, {
        status: "ISSUED", number, issuer: district.issuer, authority: district.authority, authorityRuleId: district.id,
        signerAuthority: "KT. CHỦ TỊCH", signerTitle: "PHÓ CHỦ TỊCH", signerName: "Hoàng Văn Định",
      });
    const [y2022, y2023] = [await makeCampaignYear(w.commune.id, 2022), await makeCampaignYear(w.commune.id, 2023)];
    const d2022 = await decide(y2022, 90);
    const d2023 = await decide(y2023, 101);
    await makeHamletAward(y2022, d2022, w.hamletA);
    await makeHamletAward(y2023, d2023, w.hamletA);
    // Bản Lác held it in 2022 but its 2023 award was cancelled: no streak.
    await makeHamletAward(y2022, d2022, w.hamletB);
    await makeHamletAward(y2023, d2023, w.hamletB, { status: "CANCELLED" });
    const issued = await decide(year, 112);
    await makeHamletAward(year, issued, w.hamletA, { entryId: entryA.id });
    await makeHamletAward(year, issued, w.hamletB, { entryId: entryB.id });

    const data = (await loadHamletDecision(w.actors.committee, issued.id))!;
    expect(data.hamlets).toEqual([{ label: "Xóm Bản Lác", note: "" }, { label: "Xóm Nà Mòn", note: "3 năm liên tục" }]);
    expect(data.parentIssuer).toBe("Ủy ban nhân dân tỉnh Thái Nguyên");

    signIn(w.actors.officer);
    const response = await getHamletDecision(request(), params("decisionId", issued.id));
    expect(response.headers.get("Content-Disposition")).toContain('filename="QuyetDinh_XomVanHoa_112QdUbnd_2024.docx"');
    const text = await docText(response);
    expect(text).toContain("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN\nỦY BAN NHÂN DÂN HUYỆN ĐỊNH HÓA");
    expect(text).toContain("Số: 112/QĐ-UBND\nĐịnh Hóa, ngày 20 tháng 12 năm 2024");
    expect(text).toContain("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN ĐỊNH HÓA");
    expect(text).toContain("Xóm Nà Mòn\n3 năm liên tục");
    expect(text).toContain("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Văn Định");
  });

  it("is 404 for a hamlet head or another commune, 409 for a household decision", async () => {
    const draft = await makeHamletDecision(year);
    for (const actor of [w.actors.headA, w.actors.admin, w.actors.otherOfficer]) {
      expect(await loadHamletDecision(actor, draft.id)).toBeNull();
      signIn(actor);
      expect((await getHamletDecision(request(), params("decisionId", draft.id))).status).toBe(404);
    }
    // The household decision's document refuses a hamlet decision instead of printing it as an empty household list.
    await expect(loadDecision(w.actors.officer, draft.id)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: DECISION_DOC_MSG.hamletDecision });
    const household = await makeHamletDecision(year, { subject: "HOUSEHOLD", number: 5, status: "ISSUED" });
    signIn(w.actors.officer);
    const response = await getHamletDecision(request(), params("decisionId", household.id));
    expect(response.status).toBe(409);
    expect(await response.text()).toBe(HAMLET_DOC_MSG.notHamletDecision);
  });
});
