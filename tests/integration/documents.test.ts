import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { utcDate } from "@/lib/dates";
import { buildCertificates } from "@/lib/documents/certificate";
import { buildDecision } from "@/lib/documents/decision";
import { renderDocx } from "@/lib/documents/decree30";
import { CERTIFICATE_MSG, loadCertificates, loadDecision, loadMinutes, loadProposal } from "@/lib/documents/loaders";
import { buildProposal } from "@/lib/documents/proposal";
import { DOCX_TYPE, docxResponse } from "@/lib/documents/route";
import { buildMinutes, minutesFilename } from "@/lib/documents/minutes";
import { makeCampaignYear, makeReview, type YearRow } from "../factories/cycle";
import { makeActor, makeHousehold, makeWorld, resetDb, type World } from "../factories";
import { docxText } from "../support/docx";

// The loaders read real rows (made with Prisma) within the actor's scope; the builders turn them into .docx files.

let w: World;
let year: YearRow;
let reviewA: { id: string };
let reviewB: { id: string };
let hh: Record<"an" | "binh" | "cuong" | "dung" | "em", { id: string; hamletId: string; headName: string }>;

async function textOf(doc: Parameters<typeof renderDocx>[0]): Promise<string> {
  return docxText(new Uint8Array(await renderDocx(doc)));
}

async function makeDecision(status: "DRAFT" | "ISSUED", number: number, kind: "AWARD" | "CANCELLATION" = "AWARD") {
  return db.decision.create({
    data: {
      communeId: w.commune.id, campaignYearId: year.id, kind, status, number, numberYear: 2024, issuedOn: utcDate(2024, 12, 5),
      signerAuthority: "KT. CHỦ TỊCH", signerTitle: "PHÓ CHỦ TỊCH", signerName: "Nguyễn Văn Hùng",
      legalBasis: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\nTheo đề nghị của công chức Văn hóa - Xã hội",
      cancelGround: kind === "CANCELLATION" ? "A" : null,
    },
    select: { id: true },
  });
}

beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
  await db.commune.update({ where: { id: w.commune.id }, data: { name: "Kim Phượng" } });
  await db.hamlet.update({ where: { id: w.hamletA.id }, data: { name: "Bản Lác", headName: "Ma Văn Thắng" } });
  await db.hamlet.update({ where: { id: w.hamletB.id }, data: { name: "Kim Tân" } });
  w.hamletA.name = "Bản Lác";
  w.hamletB.name = "Kim Tân";
  year = await makeCampaignYear(w.commune.id, 2024);
  hh = {
    an: await makeHousehold(w.hamletA, { headName: "Hoàng Văn Ân" }),
    binh: await makeHousehold(w.hamletA, { headName: "Lương Văn Bình" }),
    cuong: await makeHousehold(w.hamletA, { headName: "Nông Văn Cường" }),
    dung: await makeHousehold(w.hamletA, { headName: "Triệu Văn Dũng" }),
    em: await makeHousehold(w.hamletB, { headName: "Đinh Thị Em" }),
  };
  // Both lists posted on 06/11 (the day after the meeting) until 16/11.
  const meeting = { status: "NOTICE", chairName: "Ma Văn Thắng", secretaryName: "Lò Thị Hoa", noticeChannel: "bảng tin nhà văn hóa xóm" } as const;
  reviewA = await makeReview(year, w.hamletA, {
    ...meeting,
    assessments: [
      { householdId: hh.an.id, result: "ACHIEVED", votesAgainst: 3 },
      { householdId: hh.binh.id, result: "ACHIEVED", votesAgainst: 3 },
      // Achieved at the meeting, removed after an upheld objection: the minutes keep the meeting's result.
      {
        householdId: hh.cuong.id, result: "ACHIEVED", votesAgainst: 3,
        upheld: {
          raisedBy: "Người Phản Ánh Bí Mật", content: "Nội dung phản ánh riêng tư", resolution: "Chi tiết xử lý riêng tư",
          receivedOn: utcDate(2024, 11, 8), resolvedOn: utcDate(2024, 11, 10),
        },
      },
      { householdId: hh.dung.id, result: "EXCLUDED" },
    ],
  });
  reviewB = await makeReview(year, w.hamletB, { ...meeting, assessments: [{ householdId: hh.em.id, result: "ACHIEVED", votesAgainst: 3 }] });
});

describe("minutes and proposal of a hamlet review", () => {
  it("load for the hamlet's head and commune readers, with the meeting's results and sets", async () => {
    for (const actor of [w.actors.headA, w.actors.officer, w.actors.leader, w.actors.committee]) {
      const data = await loadMinutes(actor, reviewA.id);
      expect(data).toMatchObject({ year: 2024, commune: { name: "Kim Phượng", kind: "XA" }, hamlet: { name: "Bản Lác" }, chairName: "Ma Văn Thắng" });
    }
    const data = (await loadMinutes(w.actors.headA, reviewA.id))!;
    expect(data.households.map((h) => [h.headName, h.result])).toEqual([
      ["Hoàng Văn Ân", "ACHIEVED"], ["Lương Văn Bình", "ACHIEVED"], ["Nông Văn Cường", "ACHIEVED"], ["Triệu Văn Dũng", "EXCLUDED"],
    ]);
    expect(data.ruleSet.name).toContain("Nghị định 59/2023");
    expect(data.criteriaSet.name).toBe("Khung tiêu chuẩn \u201cGia đình văn hóa\u201d");

    const text = await textOf(buildMinutes(data));
    expect(text).toContain("XÓM BẢN LÁC");
    expect(text).toContain("tổng số hộ được bình xét: 4 hộ; số hộ đạt: 3 hộ; số hộ không đạt: 0 hộ;");
    expect(text).toContain("Không đủ điều kiện");
    expect(text).not.toMatch(/E4|cờ bạc|xử phạt hành chính/);
  });

  it("the proposal lists the households achieved now and the objection by household name only", async () => {
    const data = (await loadProposal(w.actors.headA, reviewA.id, utcDate(2024, 11, 18)))!;
    expect(data.achieved.map((h) => h.headName)).toEqual(["Hoàng Văn Ân", "Lương Văn Bình"]);
    expect(data.documentDate).toEqual(utcDate(2024, 11, 18));
    expect(data.notice).toMatchObject({ postedOn: utcDate(2024, 11, 6), endsOn: utcDate(2024, 11, 16), days: 10 });
    expect(data.objections).toEqual([{ householdName: "Nông Văn Cường", receivedOn: utcDate(2024, 11, 8), outcome: "UPHELD", resolvedOn: utcDate(2024, 11, 10) }]);
    const text = await textOf(buildProposal(data));
    expect(text).toContain("cho 2 hộ gia đình");
    expect(text).toContain("Nông Văn Cường");
    expect(text).not.toMatch(/Người Phản Ánh Bí Mật|Nội dung phản ánh riêng tư|Chi tiết xử lý riêng tư/);
  });

  it("give nothing outside the actor's scope or for a malformed id", async () => {
    // Another hamlet's head, another commune's officer, the admin (no review.read), an unbound head.
    const headB = await makeActor("HAMLET_HEAD", { communeId: w.commune.id, hamletId: w.hamletB.id });
    const unbound = await makeActor("HAMLET_HEAD", { communeId: w.commune.id, hamletId: null });
    for (const actor of [headB, w.actors.otherOfficer, w.actors.admin, unbound]) {
      expect(await loadMinutes(actor, reviewA.id)).toBeNull();
      expect(await loadProposal(actor, reviewA.id)).toBeNull();
    }
    expect(await loadMinutes(w.actors.headA, reviewB.id)).toBeNull();
    expect(await loadMinutes(w.actors.officer, "not-a-uuid")).toBeNull();
    expect(await loadMinutes(w.actors.officer, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("decisions and certificates", () => {
  it("a draft award lists the ACHIEVED households of its reviews, grouped by xóm", async () => {
    const draft = await makeDecision("DRAFT", 0);
    await db.hamletReview.updateMany({ where: { id: { in: [reviewA.id, reviewB.id] } }, data: { status: "ACCEPTED", decisionId: draft.id } });
    const data = (await loadDecision(w.actors.officer, draft.id))!;
    expect(data).toMatchObject({ kind: "AWARD", status: "DRAFT", year: 2024, hamletWord: "xóm" });
    expect(data.households.map((h) => [h.hamletLabel, h.headName]).sort()).toEqual([
      ["Xóm Bản Lác", "Hoàng Văn Ân"], ["Xóm Bản Lác", "Lương Văn Bình"], ["Xóm Kim Tân", "Đinh Thị Em"],
    ]);
    const text = await textOf(buildDecision(data));
    expect(text).toContain("DỰ THẢO");
    expect(text).toContain("cho 3 hộ gia đình (có danh sách kèm theo)");
    expect(text).toContain("Xóm Bản Lác (2 hộ)");
    await expect(loadCertificates(w.actors.officer, draft.id)).rejects.toMatchObject({ code: "RULE_VIOLATION", message: CERTIFICATE_MSG.notIssuedAward });
  });

  it("an issued award lists its TitleAward rows; certificates print the active ones", async () => {
    const issued = await makeDecision("ISSUED", 5);
    for (const h of [hh.an, hh.binh, hh.em]) {
      await db.titleAward.create({
        data: {
          communeId: w.commune.id, householdId: h.id, hamletId: h.hamletId, campaignYearId: year.id, year: 2024, decisionId: issued.id,
          status: h === hh.binh ? "CANCELLED" : "ACTIVE",
        },
      });
    }
    const data = (await loadDecision(w.actors.leader, issued.id))!;
    expect(data.households).toHaveLength(3);
    const text = await textOf(buildDecision(data));
    expect(text).toContain("Số: 05/QĐ-UBND");
    expect(text).toContain("Kim Phượng, ngày 05 tháng 12 năm 2024");
    expect(text).toContain("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nTheo đề nghị của công chức Văn hóa - Xã hội.");

    const certs = (await loadCertificates(w.actors.committee, issued.id))!;
    expect(certs.households).toEqual([
      { headName: "Hoàng Văn Ân", hamletLabel: "Xóm Bản Lác" },
      { headName: "Đinh Thị Em", hamletLabel: "Xóm Kim Tân" },
    ]);
    const certText = await textOf(buildCertificates(certs));
    expect(certText).toContain("Gia đình ông/bà Hoàng Văn Ân");
    expect(certText).not.toContain("Lương Văn Bình");

    // A cancellation lists the awards it names, with the award decision.
    const cancel = await makeDecision("DRAFT", 0, "CANCELLATION");
    const award = await db.titleAward.findFirstOrThrow({ where: { householdId: hh.an.id } });
    await db.cancellationItem.create({ data: { decisionId: cancel.id, awardId: award.id } });
    const cancelData = (await loadDecision(w.actors.officer, cancel.id))!;
    expect(cancelData.households).toEqual([
      expect.objectContaining({ headName: "Hoàng Văn Ân", hamletLabel: "Xóm Bản Lác", note: "Số 05/QĐ-UBND ngày 05/12/2024 (năm 2024)" }),
    ]);
    expect(await textOf(buildDecision(cancelData))).toContain("a) Kê khai gian dối thành tích");
  });

  it("give nothing to a hamlet head, the admin or another commune", async () => {
    const issued = await makeDecision("ISSUED", 7);
    for (const actor of [w.actors.headA, w.actors.admin, w.actors.otherOfficer]) {
      expect(await loadDecision(actor, issued.id)).toBeNull();
      expect(await loadCertificates(actor, issued.id)).toBeNull();
    }
    expect(await loadDecision(w.actors.officer, "42")).toBeNull();
  });
});

describe("the download response", () => {
  it("is a Word file with an ASCII fallback name and the UTF-8 name", async () => {
    const data = (await loadMinutes(w.actors.officer, reviewA.id))!;
    const response = await docxResponse(buildMinutes(data), minutesFilename(data));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(DOCX_TYPE);
    expect(response.headers.get("Content-Disposition")).toBe(
      "attachment; filename=\"bien-ban-hop-ban-lac-2024.docx\"; filename*=UTF-8''" + encodeURIComponent("Biên bản họp bình xét Xóm Bản Lác 2024.docx"),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
    expect(Number(response.headers.get("Content-Length"))).toBe(bytes.length);
  });
});
