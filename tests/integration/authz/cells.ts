import { HAMLET_CRITERIA } from "@/lib/campaign/defaults";
import { db } from "@/lib/db";
import { addDays, toIsoDate, todayInVietnam, utcDate } from "@/lib/dates";
import { DEFAULT_AWARD_LEGAL_BASIS } from "@/lib/decisions/labels";
import type { AwardDecisionInput, HamletDecisionInput } from "@/lib/decisions/schema";
import { createAwardDecision, createCancellationDecision, createHamletCancellation, createHamletDecision } from "@/lib/decisions/service";
import type { ReportInput } from "@/lib/hamlet-title/schema";
import { postCouncilNotice, registerHamlet, saveCouncil, saveReport, saveVotes } from "@/lib/hamlet-title/service";
import { apiTokenPrefix, generateApiToken, hashApiToken } from "@/lib/api-tokens/schema";
import fs from "node:fs";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import os from "node:os";
import path from "node:path";
import { stageHouseholdImport } from "@/lib/household-import/service";
import { makeReview, type YearRow } from "../../factories/cycle";
import { makeCouncilReview } from "../../factories/hamlet-decision";
import { makeCouncil, makeHamletAward, makeHamletDecision, makeHamletEntry } from "../../factories/hamlet-docs";
import { makeHouseholdAwards, makeNoticeComment } from "../../factories/hamlet-title";
import { makeActor } from "../../factories";
import type { ExtraRefusal } from "../../support/outcome";
import { unique, type Household, type MatrixWorld, type Place } from "./world";

// How to call each server action and data route with valid input for a cell's place: the rows it needs are built
// at that place (through the services where the state is a cycle's, so it is the state the app itself leaves), and
// the call carries ids of those rows. An allowed caller must succeed with exactly this call; a refused one must be
// turned away by authorization, not by bad input.

type Fn = (...args: unknown[]) => Promise<unknown>;
export type Case = {
  label?: string;
  call: () => Promise<unknown>;
  /** Codes (with the field they must name) that also count as a refusal of this call. */
  refusedAlso?: ExtraRefusal[];
  /** An allowed call writes an audit row (default true for actions). */
  audited?: boolean;
};
export type Builder = (p: Place, w: MatrixWorld, fns: Record<string, Fn>) => Promise<Case | Case[]>;

/** A FormData of string fields; arrays become repeated fields. */
export function form(fields: Record<string, string | number | boolean | string[] | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) f.append(k, String(one));
  }
  return f;
}

let number = 100;
const nextNumber = () => ++number;
const day = (y: number, m: number, d: number) => toIsoDate(utcDate(y, m, d));

// ---- Reusable states -------------------------------------------------------------------------------------------

const assessed = (h: readonly Household[]) => h.map((x) => ({ householdId: x.id, result: "ACHIEVED" as const }));

export const reviewIn = (p: Place, status: "MEETING" | "NOTICE" | "SUBMITTED" | "ACCEPTED", withResults = true) =>
  makeReview(p.y2024, p.hamlet, { status, assessments: withResults ? assessed(p.households) : [] });

function awardHeader(over: Partial<AwardDecisionInput> = {}) {
  return {
    number: nextNumber(), symbol: "QĐ-UBND", issuedOn: utcDate(2024, 12, 5), signerAuthority: "" as const, signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
    legalBasis: DEFAULT_AWARD_LEGAL_BASIS, ...over,
  };
}

function hamletHeader(issuedOn: Date): HamletDecisionInput {
  return { number: nextNumber(), symbol: "QĐ-UBND", issuedOn, signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết", legalBasis: DEFAULT_AWARD_LEGAL_BASIS };
}

/** The decision form's header fields as posted. */
function headerFields(issuedOn: string) {
  return {
    number: nextNumber(), symbol: "QĐ-UBND", issuedOn, signerAuthority: "", signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết",
    legalBasis: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nCăn cứ Nghị định số 86/2023/NĐ-CP",
  };
}

/** A draft award decision including the place's accepted review. */
async function awardDraft(p: Place) {
  const review = await reviewIn(p, "ACCEPTED");
  const draft = await createAwardDecision(p.officer, 2024, { ...awardHeader(), reviewIds: [review.id] });
  return { review, draft };
}

async function awardOf(p: Place, h: Household) {
  await makeHouseholdAwards(p.y2024, [h]);
  return db.titleAward.findFirstOrThrow({ where: { householdId: h.id, year: 2024 }, select: { id: true } });
}

async function hamletAwardOf(p: Place) {
  const decision = await makeHamletDecision(p.y2025, { status: "ISSUED", number: nextNumber() });
  return makeHamletAward(p.y2025, decision, p.hamlet);
}

const PLAIN = HAMLET_CRITERIA.filter((c) => !c.metric).map((c) => c.code);
const ENTERED = HAMLET_CRITERIA.filter((c) => c.metric === "EMPLOYED_PCT" || c.metric === "CIVILISED_RITES_PCT").map((c) => c.code);

/** A report meeting every criterion of the default hamlet set (8 of 10 households, every child at school). */
export function hamletReport(): ReportInput {
  const criteria: ReportInput["criteria"] = {};
  for (const code of PLAIN) criteria[code] = { isMet: true };
  for (const code of ENTERED) criteria[code] = { isMet: false, value: 95 };
  return {
    reportedOn: utcDate(2024, 11, 10), totalHouseholds: 10, recognisedHouseholds: 8, poorHouseholds: 1, nearPoorHouseholds: 0, hasCulturalHouse: true,
    schoolAgeChildren: 5, childrenInSchool: 5, overview: "Xóm có 10 hộ.", commitments: "Giữ vững danh hiệu.", criteria,
  };
}

function reportFields() {
  const f: Record<string, string> = {
    reportedOn: day(2024, 11, 10), totalHouseholds: "10", recognisedHouseholds: "8", poorHouseholds: "1", nearPoorHouseholds: "0", hasCulturalHouse: "on",
    schoolAgeChildren: "5", childrenInSchool: "5", overview: "Xóm có 10 hộ.", commitments: "Giữ vững danh hiệu.", version: "1",
  };
  for (const code of PLAIN) f[`criteria.${code}.isMet`] = "on";
  for (const code of ENTERED) f[`criteria.${code}.value`] = "95";
  return f;
}

async function registered(p: Place) {
  return registerHamlet(p.officer, 2024, p.hamlet.id, { registeredOn: utcDate(2024, 2, 1) });
}

/** The place's hamlet registered and reported, the council met (version 1). */
async function councilMet(p: Place) {
  await registered(p);
  await saveReport(p.officer, 2024, p.hamlet.id, 1, hamletReport());
  return saveCouncil(p.officer, 2024, undefined, {
    meetingDate: utcDate(2024, 12, 10), meetingPlace: "Hội trường UBND xã", chairName: "Hoàng Văn Chủ", secretaryName: "Lê Thị Thư", membersTotal: 15, membersPresent: 12,
  });
}

/** …voted (version 2) and posted from 12/12/2024 (version 3; the notice ended on 22/12/2024). */
async function councilPosted(p: Place) {
  const council = await councilMet(p);
  await saveVotes(p.officer, council.id, 1, { votes: { [p.hamlet.id]: { votesFor: 10, votesAgainst: 2 } } });
  await postCouncilNotice(p.officer, council.id, 2, { postedOn: utcDate(2024, 12, 12), channel: "Trang thông tin điện tử của xã" });
  return council;
}

/** A draft criteria set of the place's commune with one standard item. */
async function draftSet(p: Place) {
  const top = await db.criteriaSet.aggregate({ where: { communeId: p.commune.id }, _max: { version: true } });
  return db.criteriaSet.create({
    data: {
      communeId: p.commune.id, subject: "HOUSEHOLD", version: (top._max.version ?? 0) + 1, name: unique("Bộ tiêu chí dự thảo"), legalBasis: "Nghị định 86/2023/NĐ-CP",
      effectiveFrom: utcDate(2024, 1, 1), items: { create: [{ code: "A1", groupCode: "A", groupTitle: "Nhóm A", kind: "STANDARD", text: "Chấp hành tốt chủ trương.", position: 0 }] },
    },
    select: { id: true, items: { select: { id: true } } },
  });
}

const householdFields = (hamletId: string) => ({
  headName: unique("Lò Văn Chủ"), address: unique("Tổ"), phone: "0912345678", hamletId, povertyStatus: "NONE", status: "ACTIVE",
  "members.0.fullName": unique("Lò Thị Con"), "members.0.relationship": "CHILD", "members.0.birthYear": "2005",
});

const userFields = () => ({ fullName: unique("Nguyễn Văn Người Dùng"), role: "COMMITTEE" });

async function otherUser(p: Place, isActive = true) {
  return makeActor("COMMITTEE", { communeId: p.commune.id, isActive });
}

/** One household of the place's hamlet in the import layout, as a CSV file's text. */
const importCsv = (p: Place) => `STT,Xóm,Họ và tên,Quan hệ với chủ hộ,Năm sinh,Địa chỉ\n1,${p.hamlet.name},${unique("Lò Văn Nhập")},Chủ hộ,1970,${unique("Tổ")}\n`;

/** An import the place's officer staged (READY): one household of the place's hamlet. */
async function stagedImport(p: Place) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "authz-import-")), "ho.csv");
  fs.writeFileSync(file, importCsv(p));
  return stageHouseholdImport(p.officer, { fileName: "ho.csv", path: file });
}

/** Waits until a confirmed import's background job has finished, so no write lands in the next cell's snapshot. */
async function settled(importId: string) {
  for (let i = 0; i < 200; i++) {
    const row = await db.householdImport.findUnique({ where: { id: importId }, select: { status: true } });
    if (row?.status !== "RUNNING") return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${importId} still running`);
}

// ---- Server actions ----------------------------------------------------------------------------------------------

export const ACTION_CELLS: Record<string, Builder> = {
  // Its one answer, to anyone, is the way to the sign-in page (which the matrix otherwise reads as the refusal of an
  // anonymous caller): read back as success. It writes no audit row — the UserSession row it ends is the record, as
  // for signing in; that the session really ends is tests/e2e/session-security.spec.ts's.
  signOutAction: async (_p, _w, f) => ({
    call: async () => {
      try {
        return await f.signOutAction!();
      } catch (error) {
        if (isRedirectError(error) && getURLFromRedirectError(error) === "/login") return { ok: true };
        throw error;
      }
    },
    audited: false,
  }),

  createHouseholdAction: async (p, _w, f) => ({
    call: () => f.createHouseholdAction!(null, form(householdFields(p.hamlet.id))),
    // A hamlet of another commune is answered as an unknown choice in the form (it is not in the caller's list).
    refusedAlso: [{ code: "INVALID_INPUT", field: "hamletId" }],
  }),
  updateHouseholdAction: async (p, _w, f) => ({
    call: () => f.updateHouseholdAction!(p.households[0].id, null, form({ ...householdFields(p.hamlet.id), version: 1 })),
  }),
  createHamletAction: async (_p, _w, f) => ({ call: () => f.createHamletAction!(null, form({ name: unique("Xóm Mới"), kind: "XOM" })) }),
  updateHamletAction: async (p, _w, f) => ({ call: () => f.updateHamletAction!(p.hamlet.id, null, form({ name: unique("Xóm Đổi Tên"), kind: "THON", version: 1 })) }),
  createAgencyAction: async (_p, _w, f) => ({
    call: () => f.createAgencyAction!(null, form({ name: unique("Công ty Chè"), kind: "ENTERPRISE", headName: "Ma Văn Giám", headcount: 12 })),
  }),
  updateAgencyAction: async (p, _w, f) => ({
    call: () => f.updateAgencyAction!(p.agency.id, null, form({ name: unique("Trường Mầm non"), kind: "PUBLIC_UNIT", headName: "Ma Thị Hiệu", headcount: 20, version: 1 })),
  }),

  confirmHouseholdImportAction: async (p, _w, f) => {
    const staged = await stagedImport(p);
    return {
      call: async () => {
        try {
          return await f.confirmHouseholdImportAction!(staged.id);
        } finally {
          await settled(staged.id);
        }
      },
    };
  },

  recordViolationAction: async (p, _w, f) => ({
    call: () => f.recordViolationAction!(p.households[0].id, null, form({
      memberId: p.households[0].memberId, category: "E2", occurredOn: day(2024, 5, 1), documentRef: "Quyết định số 12/QĐ-XPHC ngày 01/05/2024",
    })),
  }),
  deleteViolationAction: async (p, _w, f) => {
    const h = p.households[0];
    const v = await db.violation.create({
      data: { communeId: h.communeId, householdId: h.id, memberId: h.memberId, memberName: "Lò Thị Vợ", category: "E1", occurredOn: utcDate(2024, 3, 1), documentRef: "Bản án số 5/2024/HS-ST" },
      select: { id: true },
    });
    return { call: () => f.deleteViolationAction!(v.id) };
  },

  createCampaignYearAction: async (_p, _w, f) => ({
    call: () => f.createCampaignYearAction!(null, form({
      year: 2031, targetHouseholdsPct: 90, targetHamletsPct: 90, targetAgenciesPct: 100, meetingDeadline: day(2031, 11, 15), reviewDeadline: day(2031, 11, 25),
      noticeDays: 10, decisionDays: 10, honourYears: 3,
    })),
  }),
  updateCampaignYearAction: async (p, _w, f) => ({
    call: () => f.updateCampaignYearAction!(p.y2024.id, null, form({
      year: 2024, targetHouseholdsPct: 85, targetHamletsPct: 80, targetAgenciesPct: 100, meetingDeadline: day(2024, 11, 15), reviewDeadline: day(2024, 11, 25),
      noticeDays: 10, decisionDays: 10, honourYears: 3, version: 1,
    })),
  }),
  createRuleSetAction: async (_p, _w, f) => ({
    call: () => f.createRuleSetAction!(null, form({
      name: unique("Quy tắc"), legalBasis: "Nghị định 86/2023/NĐ-CP", effectiveFrom: day(2025, 1, 1), quorumBase: "INVITED", quorumPct: 50, quorumOp: "GT",
      approvalBase: "PRESENT", approvalPct: 50, approvalOp: "GT", ballotMethod: "SHOW_OF_HANDS", lookbackYears: 1, councilApprovalBase: "PRESENT",
      councilApprovalPct: 50, councilApprovalOp: "GT",
    })),
  }),
  createCriteriaDraftAction: async (p, _w, f) => ({ call: () => f.createCriteriaDraftAction!(p.y2024.criteriaSetId) }),
  createCriteriaDraftForAction: async (_p, _w, f) => ({ call: () => f.createCriteriaDraftForAction!("AGENCY") }),
  updateCriteriaSetAction: async (p, _w, f) => {
    const set = await draftSet(p);
    return { call: () => f.updateCriteriaSetAction!(set.id, null, form({ name: unique("Bộ tiêu chí sửa"), legalBasis: "Nghị định 86/2023/NĐ-CP", effectiveFrom: day(2024, 1, 1) })) };
  },
  addCriterionAction: async (p, _w, f) => {
    const set = await draftSet(p);
    return { call: () => f.addCriterionAction!(set.id, null, form({ code: "A2", groupCode: "A", groupTitle: "Nhóm A", kind: "STANDARD", text: "Tham gia hoạt động.", isVerified: "on" })) };
  },
  updateCriterionAction: async (p, _w, f) => {
    const set = await draftSet(p);
    return {
      call: () => f.updateCriterionAction!(set.id, set.items[0]!.id, null, form({ code: "A1", groupCode: "A", groupTitle: "Nhóm A", kind: "STANDARD", text: "Sửa nội dung.", isVerified: "on" })),
    };
  },
  removeCriterionAction: async (p, _w, f) => {
    const set = await draftSet(p);
    return { call: () => f.removeCriterionAction!(set.id, set.items[0]!.id) };
  },
  publishCriteriaSetAction: async (p, _w, f) => {
    const set = await draftSet(p);
    return { call: () => f.publishCriteriaSetAction!(set.id) };
  },
  createAuthorityRuleAction: async (_p, _w, f) => ({
    call: () => f.createAuthorityRuleAction!(null, form({
      subject: "AGENCY", effectiveFrom: day(2025, 7, 1), authority: "Chủ tịch Ủy ban nhân dân xã", legalBasis: "Luật Thi đua, khen thưởng 2022",
    })),
  }),

  changeRegistrationAction: async (p, _w, f) => {
    const [one, two] = p.households;
    await db.registration.create({ data: { communeId: two.communeId, campaignYearId: p.y2024.id, householdId: two.id, hamletId: two.hamletId, registeredOn: utcDate(2024, 2, 1) } });
    const call = (intent: string) => () => f.changeRegistrationAction!(p.y2024.id, p.hamlet.id, null, form({ intent, registeredOn: day(2024, 2, 3) }));
    return [
      { label: "all", call: call("all") },
      { label: "register", call: call(`register:${one.id}`) },
      { label: "unregister", call: call(`unregister:${two.id}`) },
    ];
  },
  saveMeetingAction: async (p, _w, f) => ({
    call: () => f.saveMeetingAction!(2024, p.hamlet.id, null, form({
      meetingDate: day(2024, 11, 5), meetingPlace: "Nhà văn hóa xóm", chairName: "Trưởng Xóm", secretaryName: "Thư Ký", invitedCount: 20, presentCount: 15, ballotMethod: "SHOW_OF_HANDS",
    })),
  }),
  saveAssessmentAction: async (p, _w, f) => {
    const review = await reviewIn(p, "MEETING", false);
    return { call: () => f.saveAssessmentAction!(review.id, p.households[0].id, form({ votesFor: 12, votesAgainst: 1 })) };
  },
  assessRemainingAction: async (p, _w, f) => {
    const review = await reviewIn(p, "MEETING", false);
    return { call: () => f.assessRemainingAction!(review.id, null, form({ votesFor: 12, votesAgainst: 1 })) };
  },
  postNoticeAction: async (p, _w, f) => {
    const review = await reviewIn(p, "MEETING");
    return { call: () => f.postNoticeAction!(review.id, null, form({ postedOn: day(2024, 11, 6), channel: "Bảng tin nhà văn hóa xóm" })) };
  },
  reopenMeetingAction: async (p, _w, f) => {
    const review = await reviewIn(p, "NOTICE");
    return { call: () => f.reopenMeetingAction!(review.id, null, form({ reason: "Sửa số người có mặt." })) };
  },
  recordObjectionAction: async (p, _w, f) => {
    const review = await reviewIn(p, "NOTICE");
    return {
      call: () => f.recordObjectionAction!(review.id, null, form({ householdId: p.households[0].id, raisedBy: "Người dân", content: "Hộ chưa tham gia vệ sinh.", receivedOn: day(2024, 11, 8) })),
      refusedAlso: [{ code: "INVALID_INPUT", field: "householdId" }],
    };
  },
  resolveObjectionAction: async (p, _w, f) => {
    const review = await reviewIn(p, "NOTICE");
    const objection = await db.objection.create({
      data: { communeId: p.commune.id, hamletReviewId: review.id, householdId: p.households[0].id, raisedBy: "Người dân", content: "Phản ánh.", receivedOn: utcDate(2024, 11, 8) },
      select: { id: true },
    });
    return { call: () => f.resolveObjectionAction!(objection.id, null, form({ outcome: "REJECTED", resolution: "Không có cơ sở.", resolvedOn: day(2024, 11, 10) })) };
  },
  submitReviewAction: async (p, _w, f) => {
    const review = await reviewIn(p, "NOTICE");
    return { call: () => f.submitReviewAction!(review.id, null, form({})) };
  },
  acceptReviewAction: async (p, _w, f) => {
    const review = await reviewIn(p, "SUBMITTED");
    return { call: () => f.acceptReviewAction!(review.id, null, form({})) };
  },
  returnReviewAction: async (p, _w, f) => {
    const review = await reviewIn(p, "SUBMITTED");
    return { call: () => f.returnReviewAction!(review.id, null, form({ reason: "Thiếu chữ ký của thư ký." })) };
  },

  createAwardDecisionAction: async (p, _w, f) => {
    const review = await reviewIn(p, "ACCEPTED");
    return { call: () => f.createAwardDecisionAction!(null, form({ year: 2024, ...headerFields(day(2024, 12, 5)), reviewIds: [review.id] })) };
  },
  updateAwardDecisionAction: async (p, _w, f) => {
    const { review, draft } = await awardDraft(p);
    return { call: () => f.updateAwardDecisionAction!(draft.id, null, form({ ...headerFields(day(2024, 12, 6)), reviewIds: [review.id], version: 1 })) };
  },
  createCancellationDecisionAction: async (p, _w, f) => {
    const award = await awardOf(p, p.households[0]);
    return {
      call: () => f.createCancellationDecisionAction!(null, form({
        ...headerFields(day(2025, 1, 10)), awardIds: [award.id], cancelGround: "A", cancelReason: "Hộ gia đình vi phạm pháp luật sau khi được công nhận.",
      })),
    };
  },
  updateCancellationDecisionAction: async (p, _w, f) => {
    const award = await awardOf(p, p.households[0]);
    const draft = await createCancellationDecision(p.officer, {
      ...awardHeader({ issuedOn: utcDate(2025, 1, 10) }), awardIds: [award.id], cancelGround: "A", cancelReason: "Vi phạm pháp luật.",
    });
    return {
      call: () => f.updateCancellationDecisionAction!(draft.id, null, form({
        ...headerFields(day(2025, 1, 11)), awardIds: [award.id], cancelGround: "B", cancelReason: "Khai man hồ sơ.", version: 1,
      })),
    };
  },
  issueDecisionAction: async (p, _w, f) => {
    const { draft } = await awardDraft(p);
    await makeCouncilReview(p.y2025, [{ hamlet: p.hamlet }]);
    const hamletDraft = await createHamletDecision(p.officer, 2025, "draft", hamletHeader(utcDate(2025, 12, 10)));
    return [
      { label: "household award", call: () => f.issueDecisionAction!(draft.id, null, form({ version: 1 })) },
      { label: "hamlet award", call: () => f.issueDecisionAction!(hamletDraft.id, null, form({ version: 1 })) },
    ];
  },
  discardDecisionAction: async (p, _w, f) => {
    const { draft } = await awardDraft(p);
    return { call: () => f.discardDecisionAction!(draft.id, null, form({ version: 1 })) };
  },
  createHamletDecisionAction: async (p, _w, f) => {
    await makeCouncilReview(p.y2025, [{ hamlet: p.hamlet }]);
    return { call: () => f.createHamletDecisionAction!(null, form({ year: 2025, mode: "draft", ...headerFields(day(2025, 12, 10)) })) };
  },
  updateHamletDecisionAction: async (p, _w, f) => {
    await makeCouncilReview(p.y2025, [{ hamlet: p.hamlet }]);
    const draft = await createHamletDecision(p.officer, 2025, "draft", hamletHeader(utcDate(2025, 12, 10)));
    return { call: () => f.updateHamletDecisionAction!(draft.id, null, form({ ...headerFields(day(2025, 12, 11)), version: 1 })) };
  },
  createHamletCancellationAction: async (p, _w, f) => {
    const award = await hamletAwardOf(p);
    return {
      call: () => f.createHamletCancellationAction!(null, form({
        mode: "draft", ...headerFields(day(2025, 12, 20)), hamletAwardIds: [award.id], cancelGround: "C", cancelReason: "Hồ sơ vi phạm trình tự lấy ý kiến.",
      })),
    };
  },
  updateHamletCancellationAction: async (p, _w, f) => {
    const award = await hamletAwardOf(p);
    const draft = await createHamletCancellation(p.officer, "draft", {
      ...hamletHeader(utcDate(2025, 12, 20)), hamletAwardIds: [award.id], cancelGround: "C", cancelReason: "Vi phạm trình tự.",
    });
    return {
      call: () => f.updateHamletCancellationAction!(draft.id, null, form({
        ...headerFields(day(2025, 12, 21)), hamletAwardIds: [award.id], cancelGround: "D", cancelReason: "Khai man thành tích.", version: 1,
      })),
    };
  },

  registerHamletAction: async (p, _w, f) => ({ call: () => f.registerHamletAction!(2024, p.hamlet.id, null, form({ registeredOn: day(2024, 2, 1) })) }),
  unregisterHamletAction: async (p, _w, f) => {
    await registered(p);
    return { call: () => f.unregisterHamletAction!(2024, p.hamlet.id, null, form({})) };
  },
  saveReportAction: async (p, _w, f) => {
    await registered(p);
    return { call: () => f.saveReportAction!(2024, p.hamlet.id, null, form(reportFields())) };
  },
  saveCouncilAction: async (_p, _w, f) => ({
    call: () => f.saveCouncilAction!(2024, null, form({
      meetingDate: day(2024, 12, 10), meetingPlace: "Hội trường UBND xã", chairName: "Hoàng Văn Chủ", secretaryName: "Lê Thị Thư", membersTotal: 15, membersPresent: 12,
    })),
  }),
  saveVotesAction: async (p, _w, f) => {
    const council = await councilMet(p);
    return { call: () => f.saveVotesAction!(2024, council.id, null, form({ [`votes.${p.hamlet.id}.votesFor`]: 10, [`votes.${p.hamlet.id}.votesAgainst`]: 2, version: 1 })) };
  },
  postCouncilNoticeAction: async (p, _w, f) => {
    const council = await councilMet(p);
    await saveVotes(p.officer, council.id, 1, { votes: { [p.hamlet.id]: { votesFor: 10, votesAgainst: 2 } } });
    return { call: () => f.postCouncilNoticeAction!(council.id, null, form({ postedOn: day(2024, 12, 12), channel: "Trang thông tin điện tử của xã", version: 2 })) };
  },
  reopenCouncilAction: async (p, _w, f) => {
    const council = await councilPosted(p);
    return { call: () => f.reopenCouncilAction!(council.id, null, form({ version: 3 })) };
  },
  resolveCommentAction: async (p, _w, f) => {
    const council = await councilPosted(p);
    const comment = await makeNoticeComment({ id: council.id, communeId: p.commune.id }, { hamletId: p.hamlet.id });
    return { call: () => f.resolveCommentAction!(comment.id, null, form({ outcome: "REJECTED", resolution: "Xóm đã thu gom rác." })) };
  },
  proposeCouncilAction: async (p, _w, f) => {
    const council = await councilPosted(p);
    return { call: () => f.proposeCouncilAction!(2024, council.id, null, form({ proposalNumber: 12, proposalSymbol: "TTr-UBND", proposalDate: day(2025, 1, 5), version: 3 })) };
  },
  submitNoticeCommentAction: async (p, _w, f) => {
    const today = todayInVietnam();
    const council = await makeCouncil(p.y2024, { status: "NOTICE", noticePostedOn: addDays(today, -1), noticeEndsOn: addDays(today, 9) });
    await makeHamletEntry(p.y2024, p.hamlet, { councilId: council.id, councilResult: "ACHIEVED", votesFor: 7 });
    return { call: () => f.submitNoticeCommentAction!(council.id, null, form({ hamletId: p.hamlet.id, content: "Xóm giữ gìn vệ sinh tốt." })) };
  },

  registerAgencyAction: async (p, _w, f) => ({ call: () => f.registerAgencyAction!(2024, null, form({ agencyId: p.agency.id, registeredOn: day(2024, 2, 10) })) }),
  unregisterAgencyAction: async (p, _w, f) => {
    await agencyRegistered(p.y2024, p);
    return { call: () => f.unregisterAgencyAction!(2024, p.agency.id, 1, null, form({})) };
  },
  saveAgencyResultAction: async (p, _w, f) => {
    await agencyRegistered(p.y2024, p);
    const { agencyCriteriaSetId } = await db.campaignYear.findUniqueOrThrow({ where: { id: p.y2024.id }, select: { agencyCriteriaSetId: true } });
    const codes = (await db.criterion.findMany({ where: { criteriaSetId: agencyCriteriaSetId!, kind: "STANDARD" }, select: { code: true } })).map((c) => c.code);
    return { call: () => f.saveAgencyResultAction!(2024, p.agency.id, null, form({ met: codes, assessedOn: day(2024, 12, 15), version: 1 })) };
  },
  recordRecognitionAction: async (p, _w, f) => ({
    call: () => f.recordRecognitionAction!(p.agency.id, null, form({
      kind: "FIRST", periodFrom: 2022, periodTo: 2023, issuer: "Liên đoàn Lao động tỉnh", number: "125/QĐ-LĐLĐ", decidedOn: day(2024, 3, 15),
    })),
  }),
  deleteRecognitionAction: async (p, _w, f) => {
    const r = await db.agencyRecognition.create({
      data: { communeId: p.commune.id, agencyId: p.agency.id, kind: "FIRST", periodFrom: 2022, periodTo: 2023, issuer: "Liên đoàn Lao động tỉnh", number: "1/QĐ", decidedOn: utcDate(2024, 3, 15) },
      select: { id: true },
    });
    return { call: () => f.deleteRecognitionAction!(r.id, null, form({})) };
  },

  createUserAction: async (_p, _w, f) => ({
    call: () => f.createUserAction!(null, form({ username: unique("nguoidung").replace(" ", ""), ...userFields(), password: "mat-khau-moi-2024", passwordConfirm: "mat-khau-moi-2024" })),
  }),
  updateUserAction: async (p, _w, f) => {
    const user = await otherUser(p);
    return { call: () => f.updateUserAction!(user.id, null, form(userFields())) };
  },
  resetUserPasswordAction: async (p, _w, f) => {
    const user = await otherUser(p);
    return { call: () => f.resetUserPasswordAction!(user.id, null, form({ password: "mat-khau-moi-2024", passwordConfirm: "mat-khau-moi-2024" })) };
  },
  deactivateUserAction: async (p, _w, f) => {
    const user = await otherUser(p);
    return { call: () => f.deactivateUserAction!(user.id) };
  },
  reactivateUserAction: async (p, _w, f) => {
    const user = await otherUser(p, false);
    return { call: () => f.reactivateUserAction!(user.id) };
  },
  createApiTokenAction: async (_p, _w, f) => ({ call: () => f.createApiTokenAction!(null, form({ name: unique("Hệ thống tỉnh") })) }),
  revokeApiTokenAction: async (p, _w, f) => {
    const token = generateApiToken();
    const row = await db.apiToken.create({ data: { communeId: p.commune.id, name: unique("Khóa"), tokenHash: hashApiToken(token), prefix: apiTokenPrefix(token) }, select: { id: true } });
    return { call: () => f.revokeApiTokenAction!(row.id) };
  },
};

async function agencyRegistered(year: YearRow, p: Place) {
  await db.agencyYear.create({ data: { communeId: p.commune.id, campaignYearId: year.id, agencyId: p.agency.id, registeredOn: utcDate(2024, 2, 10), unmetCodes: [] } });
}

// ---- Data routes ---------------------------------------------------------------------------------------------------

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteBuilder = (p: Place, w: MatrixWorld, handler: Handler) => Promise<Case | Case[]>;

const get = (handler: Handler, url: string, params: Record<string, string> = {}): Case => ({
  label: url.includes("?") ? url.slice(url.indexOf("?")) : undefined,
  call: () => handler(new Request(`http://localhost${url}`), { params: Promise.resolve(params) }),
  audited: false,
});

async function issuedAward(p: Place) {
  await makeHouseholdAwards(p.y2024, [p.households[0]]);
  return db.decision.findFirstOrThrow({ where: { communeId: p.commune.id, status: "ISSUED", subject: "HOUSEHOLD" }, orderBy: { createdAt: "desc" }, select: { id: true } });
}

export const ROUTE_CELLS: Record<string, RouteBuilder> = {
  "GET /api/documents/minutes/[reviewId]": async (p, _w, h) => {
    const review = await reviewIn(p, "ACCEPTED");
    return get(h, `/api/documents/minutes/${review.id}`, { reviewId: review.id });
  },
  "GET /api/documents/proposal/[reviewId]": async (p, _w, h) => {
    const review = await reviewIn(p, "ACCEPTED");
    return get(h, `/api/documents/proposal/${review.id}`, { reviewId: review.id });
  },
  "GET /api/documents/hamlet-report/[entryId]": async (p, _w, h) => {
    const entry = await makeHamletEntry(p.y2024, p.hamlet);
    return get(h, `/api/documents/hamlet-report/${entry.id}`, { entryId: entry.id });
  },
  "GET /api/documents/decision/[decisionId]": async (p, _w, h) => {
    const issued = await issuedAward(p);
    const { draft } = await awardDraft(p);
    return [get(h, `/api/documents/decision/${issued.id}`, { decisionId: issued.id }), get(h, `/api/documents/decision/${draft.id}`, { decisionId: draft.id })];
  },
  "GET /api/documents/certificates/[decisionId]": async (p, _w, h) => {
    const issued = await issuedAward(p);
    return get(h, `/api/documents/certificates/${issued.id}`, { decisionId: issued.id });
  },
  "GET /api/documents/hamlet-decision/[decisionId]": async (p, _w, h) => {
    const decision = await makeHamletDecision(p.y2025, { number: nextNumber() });
    return get(h, `/api/documents/hamlet-decision/${decision.id}`, { decisionId: decision.id });
  },
  "GET /api/documents/council-minutes/[councilId]": async (p, _w, h) => {
    const council = await makeCouncil(p.y2024);
    await makeHamletEntry(p.y2024, p.hamlet, { councilId: council.id, councilResult: "ACHIEVED", votesFor: 7, votesAgainst: 0 });
    return get(h, `/api/documents/council-minutes/${council.id}`, { councilId: council.id });
  },
  "GET /api/documents/hamlet-proposal/[councilId]": async (p, _w, h) => {
    const council = await makeCouncilReview(p.y2025, [{ hamlet: p.hamlet }]);
    return get(h, `/api/documents/hamlet-proposal/${council.id}`, { councilId: council.id });
  },
  "GET /api/documents/agency-list/[year]": async (_p, _w, h) => [
    get(h, "/api/documents/agency-list/2024", { year: "2024" }),
    get(h, "/api/documents/agency-list/2024?format=xlsx", { year: "2024" }),
  ],
  "GET /api/documents/year-report/[year]": async (_p, _w, h) => [
    get(h, "/api/documents/year-report/2024", { year: "2024" }),
    get(h, "/api/documents/year-report/2024?format=xlsx", { year: "2024" }),
  ],
  "GET /api/v1/communes": async (_p, _w, h) => get(h, "/api/v1/communes"),
  "POST /api/household-imports": async (p, _w, h) => ({
    call: () => h(new Request("http://localhost/api/household-imports?name=ho.csv", {
      method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: importCsv(p),
    }), { params: Promise.resolve({}) }),
    audited: false,
  }),
  "GET /api/household-imports/template": async (_p, _w, h) => get(h, "/api/household-imports/template"),
  "GET /api/household-imports/[id]": async (p, _w, h) => {
    const staged = await stagedImport(p);
    return get(h, `/api/household-imports/${staged.id}`, { id: staged.id });
  },
  "GET /api/v1/communes/[id]/progress": async (p, _w, h) => get(h, `/api/v1/communes/${p.commune.id}/progress?year=2024`, { id: p.commune.id }),
};

// ---- IDOR: a form or URL whose id is swapped for another hamlet's or another commune's --------------------------

export type IdorCase = {
  name: string;
  /** Who sends it: a caller allowed to act on the row the request starts from. */
  role: "OFFICER" | "HAMLET_HEAD" | "ADMIN" | "LEADER" | null;
  build: (w: MatrixWorld, fns: Record<string, Fn>) => Promise<Case>;
};

const own = (w: MatrixWorld) => w.places.ownHamlet;
const otherHamlet = (w: MatrixWorld) => w.places.otherHamlet;
const otherCommune = (w: MatrixWorld) => w.places.otherCommune;

export const IDOR_CASES: IdorCase[] = [
  {
    name: "hamlet head moves their own household into another hamlet (form hamletId)",
    role: "HAMLET_HEAD",
    build: async (w, f) => ({
      call: () => f.updateHouseholdAction!(own(w).households[0].id, null, form({ ...householdFields(otherHamlet(w).hamlet.id), version: 1 })),
      refusedAlso: [{ code: "FORBIDDEN", field: "hamletId" }],
    }),
  },
  {
    name: "officer moves a household into another commune's hamlet (form hamletId)",
    role: "OFFICER",
    build: async (w, f) => ({
      call: () => f.updateHouseholdAction!(own(w).households[0].id, null, form({ ...householdFields(otherCommune(w).hamlet.id), version: 1 })),
      refusedAlso: [{ code: "INVALID_INPUT", field: "hamletId" }],
    }),
  },
  {
    name: "hamlet head creates a household in another hamlet (form hamletId)",
    role: "HAMLET_HEAD",
    build: async (w, f) => ({ call: () => f.createHouseholdAction!(null, form(householdFields(otherHamlet(w).hamlet.id))), refusedAlso: [{ code: "FORBIDDEN", field: "hamletId" }] }),
  },
  {
    name: "hamlet head registers another hamlet's household from their own registration page (intent id)",
    role: "HAMLET_HEAD",
    build: async (w, f) => ({
      call: () => f.changeRegistrationAction!(own(w).y2024.id, own(w).hamlet.id, null, form({ intent: `register:${otherHamlet(w).households[0].id}`, registeredOn: day(2024, 2, 3) })),
    }),
  },
  {
    name: "officer registers another commune's household (intent id)",
    role: "OFFICER",
    build: async (w, f) => ({
      call: () => f.changeRegistrationAction!(own(w).y2024.id, own(w).hamlet.id, null, form({ intent: `register:${otherCommune(w).households[0].id}`, registeredOn: day(2024, 2, 3) })),
    }),
  },
  {
    name: "officer registers a hamlet under another commune's campaign year (bound year id)",
    role: "OFFICER",
    build: async (w, f) => ({ call: () => f.changeRegistrationAction!(otherCommune(w).y2024.id, own(w).hamlet.id, null, form({ intent: "all", registeredOn: day(2024, 2, 3) })) }),
  },
  {
    name: "hamlet head assesses another hamlet's household at their own meeting (bound household id)",
    role: "HAMLET_HEAD",
    build: async (w, f) => {
      const review = await reviewIn(own(w), "MEETING", false);
      return { call: () => f.saveAssessmentAction!(review.id, otherHamlet(w).households[0].id, form({ votesFor: 12, votesAgainst: 1 })) };
    },
  },
  {
    name: "officer assesses another commune's household at a meeting of their commune (bound household id)",
    role: "OFFICER",
    build: async (w, f) => {
      const review = await reviewIn(own(w), "MEETING", false);
      return { call: () => f.saveAssessmentAction!(review.id, otherCommune(w).households[0].id, form({ votesFor: 12, votesAgainst: 1 })) };
    },
  },
  {
    name: "hamlet head records an objection about another hamlet's household (form householdId)",
    role: "HAMLET_HEAD",
    build: async (w, f) => {
      const review = await reviewIn(own(w), "NOTICE");
      return {
        call: () => f.recordObjectionAction!(review.id, null, form({ householdId: otherHamlet(w).households[0].id, raisedBy: "Người dân", content: "Phản ánh.", receivedOn: day(2024, 11, 8) })),
        refusedAlso: [{ code: "INVALID_INPUT", field: "householdId" }],
      };
    },
  },
  {
    name: "officer returns a dossier naming another commune's household (form householdId)",
    role: "OFFICER",
    build: async (w, f) => {
      const review = await reviewIn(own(w), "SUBMITTED");
      return {
        call: () => f.returnReviewAction!(review.id, null, form({ reason: "Thiếu chữ ký của thư ký.", householdId: otherCommune(w).households[0].id })),
        refusedAlso: [{ code: "INVALID_INPUT", field: "householdId" }],
      };
    },
  },
  {
    name: "officer records a violation against a member of another commune's household (form memberId)",
    role: "OFFICER",
    build: async (w, f) => ({
      call: () => f.recordViolationAction!(own(w).households[0].id, null, form({
        memberId: otherCommune(w).households[0].memberId, category: "E2", occurredOn: day(2024, 5, 1), documentRef: "Quyết định số 12/QĐ-XPHC",
      })),
      refusedAlso: [{ code: "INVALID_INPUT", field: "memberId" }],
    }),
  },
  {
    name: "hamlet head deletes a violation of another hamlet's household (bound violation id)",
    role: "HAMLET_HEAD",
    build: async (w, f) => {
      const h = otherHamlet(w).households[0];
      const v = await db.violation.create({
        data: { communeId: h.communeId, householdId: h.id, memberId: h.memberId, memberName: "Lò Thị Vợ", category: "E1", occurredOn: utcDate(2024, 3, 1), documentRef: "Bản án số 5" },
        select: { id: true },
      });
      return { call: () => f.deleteViolationAction!(v.id) };
    },
  },
  {
    name: "officer drafts an award decision slipping in another commune's accepted dossier (form reviewIds)",
    role: "OFFICER",
    build: async (w, f) => {
      const mine = await reviewIn(own(w), "ACCEPTED");
      const theirs = await reviewIn(otherCommune(w), "ACCEPTED");
      return { call: () => f.createAwardDecisionAction!(null, form({ year: 2024, ...headerFields(day(2024, 12, 5)), reviewIds: [mine.id, theirs.id] })) };
    },
  },
  {
    name: "officer edits their draft to include another commune's dossier (form reviewIds)",
    role: "OFFICER",
    build: async (w, f) => {
      const { review, draft } = await awardDraft(own(w));
      const theirs = await reviewIn(otherCommune(w), "ACCEPTED");
      return { call: () => f.updateAwardDecisionAction!(draft.id, null, form({ ...headerFields(day(2024, 12, 6)), reviewIds: [review.id, theirs.id], version: 1 })) };
    },
  },
  {
    name: "officer cancels another commune's household award alongside their own (form awardIds)",
    role: "OFFICER",
    build: async (w, f) => {
      const mine = await awardOf(own(w), own(w).households[0]);
      const theirs = await awardOf(otherCommune(w), otherCommune(w).households[0]);
      return {
        call: () => f.createCancellationDecisionAction!(null, form({ ...headerFields(day(2025, 1, 10)), awardIds: [mine.id, theirs.id], cancelGround: "A", cancelReason: "Vi phạm pháp luật." })),
      };
    },
  },
  {
    name: "officer cancels another commune's hamlet award (form hamletAwardIds)",
    role: "OFFICER",
    build: async (w, f) => {
      const theirs = await hamletAwardOf(otherCommune(w));
      return {
        call: () => f.createHamletCancellationAction!(null, form({ mode: "draft", ...headerFields(day(2025, 12, 20)), hamletAwardIds: [theirs.id], cancelGround: "C", cancelReason: "Vi phạm." })),
      };
    },
  },
  {
    name: "officer edits another commune's criterion through their own draft set (bound item id)",
    role: "OFFICER",
    build: async (w, f) => {
      const mine = await draftSet(own(w));
      const theirs = await draftSet(otherCommune(w));
      return {
        call: () => f.updateCriterionAction!(mine.id, theirs.items[0]!.id, null, form({ code: "A1", groupCode: "A", groupTitle: "Nhóm A", kind: "STANDARD", text: "Sửa.", isVerified: "on" })),
      };
    },
  },
  {
    name: "officer removes another commune's criterion through their own draft set (bound item id)",
    role: "OFFICER",
    build: async (w, f) => {
      const mine = await draftSet(own(w));
      const theirs = await draftSet(otherCommune(w));
      return { call: () => f.removeCriterionAction!(mine.id, theirs.items[0]!.id) };
    },
  },
  {
    name: "officer votes on another commune's hamlet at their own council (form votes.<hamletId>)",
    role: "OFFICER",
    build: async (w, f) => {
      const council = await councilMet(own(w));
      const z = otherCommune(w).hamlet.id;
      return {
        call: () => f.saveVotesAction!(2024, council.id, null, form({ [`votes.${z}.votesFor`]: 10, [`votes.${z}.votesAgainst`]: 2, version: 1 })),
        refusedAlso: [{ code: "INVALID_INPUT", field: `votes.${z}.votesFor` }],
      };
    },
  },
  {
    name: "administrator binds a new hamlet head to another commune's hamlet (form hamletId)",
    role: "ADMIN",
    build: async (w, f) => ({
      call: () => f.createUserAction!(null, form({
        username: unique("truongxom").replace(" ", ""), fullName: "Ma Văn Xóm", role: "HAMLET_HEAD", hamletId: otherCommune(w).hamlet.id,
        password: "mat-khau-moi-2024", passwordConfirm: "mat-khau-moi-2024",
      })),
      refusedAlso: [{ code: "INVALID_INPUT", field: "hamletId" }],
    }),
  },
  {
    name: "administrator moves an account of their commune to another commune's hamlet (form hamletId)",
    role: "ADMIN",
    build: async (w, f) => {
      const user = await otherUser(own(w));
      return {
        call: () => f.updateUserAction!(user.id, null, form({ fullName: "Ma Văn Xóm", role: "HAMLET_HEAD", hamletId: otherCommune(w).hamlet.id })),
        refusedAlso: [{ code: "INVALID_INPUT", field: "hamletId" }],
      };
    },
  },
  {
    name: "a visitor comments on a public notice about a hamlet not on its list (form hamletId)",
    role: null,
    build: async (w, f) => {
      const p = own(w);
      const today = todayInVietnam();
      const council = await makeCouncil(p.y2024, { status: "NOTICE", noticePostedOn: addDays(today, -1), noticeEndsOn: addDays(today, 9) });
      await makeHamletEntry(p.y2024, p.hamlet, { councilId: council.id, councilResult: "ACHIEVED", votesFor: 7 });
      return {
        call: () => f.submitNoticeCommentAction!(council.id, null, form({ hamletId: otherCommune(w).hamlet.id, content: "Ý kiến." })),
        refusedAlso: [{ code: "INVALID_INPUT", field: "hamletId" }],
      };
    },
  },
];
