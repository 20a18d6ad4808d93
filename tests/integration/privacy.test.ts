import { strFromU8, unzipSync } from "fflate";
import { prerender } from "react-dom/static";
import type { ReactElement } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { redirect } from "next/navigation";
import { isHTTPAccessFallbackError, getAccessFallbackHTTPStatus } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { listAuditEntries } from "@/lib/audit-log/queries";
import { db } from "@/lib/db";
import { addDays, todayInVietnam, utcDate } from "@/lib/dates";
import type { Actor } from "@/lib/policy";
import { PUBLIC_NOT_ELIGIBLE } from "@/lib/review/rules";
import { recordViolation } from "@/lib/violations/service";
import HouseholdPage from "@/app/(app)/registry/households/[id]/page";
import AssessmentPage from "@/app/(app)/review/[year]/[hamletId]/households/[householdId]/page";
import ReviewHubPage from "@/app/(app)/review/[year]/[hamletId]/page";
import NoticePage from "@/app/(app)/review/[year]/[hamletId]/notice/page";
import NoticePrintPage from "@/app/(print)/review/[year]/[hamletId]/notice/print/page";
import AuditPage from "@/app/(app)/audit/page";
import PublicNoticesPage from "@/app/(public)/cong-khai/page";
import PublicNoticePage from "@/app/(public)/cong-khai/[councilReviewId]/page";
import { GET as minutesRoute } from "@/app/api/documents/minutes/[reviewId]/route";
import { GET as proposalRoute } from "@/app/api/documents/proposal/[reviewId]/route";
import { GET as decisionRoute } from "@/app/api/documents/decision/[decisionId]/route";
import { GET as yearReportRoute } from "@/app/api/documents/year-report/[year]/route";
import { GET as progressRoute } from "@/app/api/v1/communes/[id]/progress/route";
import { makeCampaignYear, makeReview } from "../factories/cycle";
import { makeCouncil, makeHamletEntry } from "../factories/hamlet-docs";
import { makeActor, makeHousehold, makeWorld, resetDb, type World } from "../factories";
import { docxText } from "../support/docx";
import "../support/outcome";

// Privacy of personal and sensitive data, read where users read it: the rendered pages, the .docx and .xlsx files and
// the JSON API. Exclusion reasons and violation records (who, what, which judgment) reach only the officer, the leader
// and the household's own hamlet head (violation.read in the hamlet's scope); a steering-committee member and another
// hamlet's head see no reason text. Public pages and the notice-board sheet show no personal data beyond the notice.
// Every time a violation record or an exclusion reason is shown, the audit log says who saw whose.

let current: Actor | null = null;
vi.mock("@/lib/session", () => ({
  getActor: vi.fn(async () => current),
  requireActor: vi.fn(async () => {
    if (!current) redirect("/login");
    return current;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// The public pages ask for a request (render per request); there is no request here to ask.
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => undefined }));

// The sensitive facts, chosen so any leak is found by a plain text search.
const VIOLATOR = "Hoàng Văn Vi Phạm";
const VIOLATOR_PHONE = "0987654321";
const MEMBER = "Hoàng Thị Mắc Lỗi";
const JUDGMENT = "Bản án số 77/2024/HS-ST";
const NOTE = "Đánh bạc tại nhà văn hóa";
const ACHIEVER = "Lò Văn Đạt Chuẩn";
const ACHIEVER_PHONE = "0911222333";
const NOT_ACHIEVER = "Ma Văn Chưa Đạt";
const B_VIOLATOR = "Nông Văn Xóm Khác";

let w: World;
let headB: Actor;
let violator: { id: string };
let clean: { id: string };
let reviewA: { id: string };
let reason: string;
let councilId: string;

beforeAll(async () => {
  await resetDb();
  w = await makeWorld();
  headB = await makeActor("HAMLET_HEAD", { communeId: w.commune.id, hamletId: w.hamletB.id });
  const year = await makeCampaignYear(w.commune.id, 2024);
  violator = await makeHousehold(w.hamletA, { headName: VIOLATOR, phone: VIOLATOR_PHONE, members: [{ fullName: MEMBER, relationship: "CHILD" }] });
  const achiever = await makeHousehold(w.hamletA, { headName: ACHIEVER, phone: ACHIEVER_PHONE });
  const notAchiever = await makeHousehold(w.hamletA, { headName: NOT_ACHIEVER });
  clean = achiever;
  const member = await db.householdMember.findFirstOrThrow({ where: { householdId: violator.id, fullName: MEMBER } });
  // Through the service, so its audit row (with the judgment) exists as the app writes it.
  await recordViolation(w.actors.officer, violator.id, { memberId: member.id, category: "E1", occurredOn: utcDate(2024, 3, 2), documentRef: JUDGMENT, note: NOTE });
  reviewA = await makeReview(year, w.hamletA, {
    assessments: [
      { householdId: violator.id, result: "EXCLUDED" },
      { householdId: achiever.id, result: "ACHIEVED" },
      { householdId: notAchiever.id, result: "NOT_ACHIEVED" },
    ],
  });
  reason = (await db.assessment.findFirstOrThrow({ where: { householdId: violator.id } })).reason!;
  expect(reason).toMatch(/^Không xét: /);
  const bViolator = await makeHousehold(w.hamletB, { headName: B_VIOLATOR });
  await db.violation.create({
    data: { communeId: w.commune.id, householdId: bViolator.id, memberName: B_VIOLATOR, category: "E4", occurredOn: utcDate(2024, 4, 1), documentRef: "Quyết định 9/QĐ-XPHC" },
  });
  await makeReview(year, w.hamletB, { assessments: [{ householdId: bViolator.id, result: "EXCLUDED" }] });
  const today = todayInVietnam();
  const council = await makeCouncil(year, { status: "NOTICE", noticePostedOn: addDays(today, -1), noticeEndsOn: addDays(today, 9) });
  await makeHamletEntry(year, w.hamletA, { councilId: council.id, councilResult: "ACHIEVED", votesFor: 7, votesAgainst: 0 });
  councilId = council.id;
});

afterEach(() => {
  current = null;
});

/** The HTML a page renders for `actor`, or the HTTP status of notFound()/forbidden(). */
async function render(actor: Actor | null, page: () => Promise<ReactElement>): Promise<string | number> {
  current = actor;
  try {
    // prerender waits for everything that suspends (nested async parts of a page), as a full page load would.
    const { prelude } = await prerender(await page());
    return await new Response(prelude).text();
  } catch (error) {
    if (isHTTPAccessFallbackError(error)) return getAccessFallbackHTTPStatus(error);
    throw error;
  } finally {
    current = null;
  }
}

const params = <T extends object>(p: T) => Promise.resolve(p);
const hub = () => ReviewHubPage({ params: params({ year: "2024", hamletId: w.hamletA.id }), searchParams: params({}) });
const assessment = () => AssessmentPage({ params: params({ year: "2024", hamletId: w.hamletA.id, householdId: violator.id }), searchParams: params({}) });
const household = (id = violator.id) => () => HouseholdPage({ params: params({ id }), searchParams: params({}) });
const notice = () => NoticePage({ params: params({ year: "2024", hamletId: w.hamletA.id }) });

const SENSITIVE = () => [reason, JUDGMENT, NOTE, "truy cứu trách nhiệm hình sự"];
const leaks = (html: string | number) => (typeof html === "number" ? [] : SENSITIVE().filter((s) => html.includes(s)));

describe("exclusion reasons and violation records in the pages", () => {
  const readers = () => ({ officer: w.actors.officer, leader: w.actors.leader, "household's own hamlet head": w.actors.headA });

  it.each(["officer", "leader", "household's own hamlet head"] as const)("the %s sees the reason and the record", async (who) => {
    const actor = readers()[who];
    expect(await render(actor, hub)).toContain(reason);
    const page = await render(actor, assessment);
    expect(page).toContain(JUDGMENT);
    expect(await render(actor, household())).toContain(JUDGMENT);
  });

  it("a steering-committee member sees the result but no reason, no record, in every page that lists the household", async () => {
    const member = w.actors.committee;
    const pages = { hub: await render(member, hub), assessment: await render(member, assessment), household: await render(member, household()), notice: await render(member, notice) };
    for (const [name, html] of Object.entries(pages)) {
      expect(typeof html, `${name} renders for the committee`).toBe("string");
      expect(leaks(html), `${name} shows the committee`).toEqual([]);
    }
    expect(pages.hub).toContain(PUBLIC_NOT_ELIGIBLE);
    expect(pages.hub).toContain(VIOLATOR);
  });

  it("another hamlet's head is not let in at all", async () => {
    for (const page of [hub, assessment, household(), notice]) expect(await render(headB, page)).toBe(404);
  });

  it("the administrator's audit page shows that a violation was recorded, not what it says", async () => {
    const html = await render(w.actors.admin, () => AuditPage({ searchParams: params({}) }));
    expect(typeof html).toBe("string");
    expect(html).toContain("Ghi nhận vi phạm");
    expect(leaks(html)).toEqual([]);
    expect(html).not.toContain(MEMBER);
  });
});

describe("exclusion reasons in documents, spreadsheets and the JSON API", () => {
  async function get<P>(actor: Actor, handler: (r: Request, c: { params: Promise<P> }) => Promise<Response>, url: string, p: P) {
    current = actor;
    try {
      const response = await handler(new Request(`http://localhost${url}`), { params: Promise.resolve(p) });
      expect(response.status, url).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const type = response.headers.get("content-type") ?? "";
      if (type.includes("wordprocessingml")) return docxText(bytes);
      if (type.includes("spreadsheetml")) {
        return Object.entries(unzipSync(bytes)).filter(([name]) => name.endsWith(".xml")).map(([, data]) => strFromU8(data)).join("\n");
      }
      return strFromU8(bytes);
    } finally {
      current = null;
    }
  }

  it.each(["officer", "leader", "committee"] as const)("the minutes, the proposal, the year's report and workbook, the decision and the API: no reason for the %s", async (who) => {
    const actor = w.actors[who];
    const draft = await db.decision.create({
      data: { communeId: w.commune.id, campaignYearId: (await db.campaignYear.findFirstOrThrow({ where: { communeId: w.commune.id } })).id, kind: "AWARD", number: 900 + ["officer", "leader", "committee"].indexOf(who), numberYear: 2024, issuedOn: utcDate(2024, 12, 5), signerTitle: "CHỦ TỊCH", signerName: "Ma Văn Quyết", legalBasis: "Căn cứ" },
    });
    await db.hamletReview.update({ where: { id: reviewA.id }, data: { decisionId: draft.id } });
    const texts = {
      minutes: await get(actor, minutesRoute, `/api/documents/minutes/${reviewA.id}`, { reviewId: reviewA.id }),
      proposal: await get(actor, proposalRoute, `/api/documents/proposal/${reviewA.id}`, { reviewId: reviewA.id }),
      decision: await get(actor, decisionRoute, `/api/documents/decision/${draft.id}`, { decisionId: draft.id }),
      yearReport: await get(actor, yearReportRoute, "/api/documents/year-report/2024", { year: "2024" }),
      workbook: await get(actor, yearReportRoute, "/api/documents/year-report/2024?format=xlsx", { year: "2024" }),
      api: await get(actor, progressRoute, `/api/v1/communes/${w.commune.id}/progress?year=2024`, { id: w.commune.id }),
    };
    await db.hamletReview.update({ where: { id: reviewA.id }, data: { decisionId: null } });
    await db.decision.delete({ where: { id: draft.id } });
    for (const [name, text] of Object.entries(texts)) expect(leaks(text), name).toEqual([]);
    // The minutes list every household, the excluded one as the public lists word it; the API holds no household at all.
    expect(texts.minutes).toContain(VIOLATOR);
    expect(texts.minutes).toContain(PUBLIC_NOT_ELIGIBLE);
    for (const name of [VIOLATOR, ACHIEVER, NOT_ACHIEVER, VIOLATOR_PHONE]) expect(texts.api).not.toContain(name);
    // Phones and members are nobody's business in a report.
    for (const [docName, text] of Object.entries(texts)) for (const s of [VIOLATOR_PHONE, ACHIEVER_PHONE, MEMBER]) expect(text.includes(s), `${docName}: ${s}`).toBe(false);
  });
});

describe("public pages and the notice-board sheet", () => {
  const PERSONAL = [VIOLATOR, ACHIEVER, NOT_ACHIEVER, B_VIOLATOR, MEMBER, VIOLATOR_PHONE, ACHIEVER_PHONE, JUDGMENT, NOTE, PUBLIC_NOT_ELIGIBLE];

  it("/cong-khai and /cong-khai/<id> show the notice and its hamlets, no household, person, phone or reason", async () => {
    const list = await render(null, () => PublicNoticesPage());
    const one = await render(null, () => PublicNoticePage({ params: params({ councilReviewId: councilId }) }));
    expect(typeof one).toBe("string");
    expect(one).toContain(w.hamletA.name);
    expect(list).toContain(`/cong-khai/${councilId}`);
    for (const html of [list, one]) {
      expect(PERSONAL.filter((s) => (html as string).includes(s))).toEqual([]);
      expect(reason && (html as string).includes(reason)).toBe(false);
    }
  });

  it("the notice-board sheet names the households proposed, with their address, and only counts the others", async () => {
    const html = await render(w.actors.headA, () => NoticePrintPage({ params: params({ year: "2024", hamletId: w.hamletA.id }) }));
    expect(typeof html).toBe("string");
    expect(html).toContain(ACHIEVER);
    for (const s of [VIOLATOR, NOT_ACHIEVER, MEMBER, VIOLATOR_PHONE, ACHIEVER_PHONE, JUDGMENT, NOTE, reason]) expect((html as string).includes(s), s).toBe(false);
  });
});

describe("the audit log records who viewed a household's violation record", () => {
  const views = (householdId: string, actorId?: string) =>
    db.auditLog.findMany({ where: { action: "violation.view", entityType: "Household", entityId: householdId, ...(actorId ? { actorId } : {}) } });

  it("a view of the household page by the officer, not by the committee, not of a household with no record", async () => {
    const before = (await views(violator.id, w.actors.officer.id)).length;
    await render(w.actors.officer, household());
    const after = await views(violator.id, w.actors.officer.id);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ actorUsername: w.actors.officer.username, communeId: w.commune.id, after: { viewedOn: "household" } });

    const committeeBefore = await db.auditLog.count({ where: { action: "violation.view", actorId: w.actors.committee.id } });
    await render(w.actors.committee, household());
    await render(w.actors.committee, hub);
    await render(w.actors.committee, assessment);
    expect(await db.auditLog.count({ where: { action: "violation.view", actorId: w.actors.committee.id } })).toBe(committeeBefore);

    await render(w.actors.officer, household(clean.id));
    expect(await views(clean.id)).toEqual([]);
  });

  it("the assessment page and the hamlet's review hub record their views too", async () => {
    const head = w.actors.headA;
    await render(head, assessment);
    expect((await views(violator.id, head.id)).map((v) => v.after)).toContainEqual({ viewedOn: "assessment" });
    await render(w.actors.leader, hub);
    expect((await views(violator.id, w.actors.leader.id)).map((v) => v.after)).toContainEqual({ viewedOn: "reviewHub" });
    // The hub shows no reason for the households that have none.
    expect(await views(clean.id)).toEqual([]);
  });

  it("the audit page records the records it shows the officer, and shows those rows in words", async () => {
    await render(w.actors.officer, () => AuditPage({ searchParams: params({}) }));
    expect((await views(violator.id, w.actors.officer.id)).map((v) => v.after)).toContainEqual({ viewedOn: "auditLog" });
    const adminBefore = await db.auditLog.count({ where: { action: "violation.view", actorId: w.actors.admin.id } });
    await render(w.actors.admin, () => AuditPage({ searchParams: params({}) }));
    expect(await db.auditLog.count({ where: { action: "violation.view", actorId: w.actors.admin.id } })).toBe(adminBefore);

    const page = await listAuditEntries(w.actors.officer, { page: 1, action: "violation.view" });
    const row = page.items.find((r) => r.changes.some((c) => c.after === "Trang thông tin hộ gia đình"))!;
    expect(row).toMatchObject({
      actionLabel: "Xem hồ sơ vi phạm, lý do không xét của hộ", entityLabel: "Hộ gia đình", href: `/registry/households/${violator.id}`,
      changes: [{ label: "Xem tại", before: null, after: "Trang thông tin hộ gia đình" }],
    });
    const html = await render(w.actors.officer, () => AuditPage({ searchParams: params({ action: "violation.view" }) }));
    expect(html).toContain("Xem hồ sơ vi phạm, lý do không xét của hộ");
  });

  it("a view that cannot be recorded still shows the page", async () => {
    // An actor id that is no uuid: the insert fails in PostgreSQL itself; the reads, scoped by commune and hamlet, work.
    const broken = { ...w.actors.officer, id: "not-a-uuid" };
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const count = await db.auditLog.count({ where: { action: "violation.view" } });
    try {
      expect(await render(broken, household())).toContain(JUDGMENT);
      expect(errors).toHaveBeenCalledWith("[vanhoa] could not record a violation view", expect.anything());
    } finally {
      errors.mockRestore();
    }
    expect(await db.auditLog.count({ where: { action: "violation.view" } })).toBe(count);
  });
});
