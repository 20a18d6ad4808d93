import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, toIsoDate } from "@/lib/dates";
import { DEMO_CANCELLATION, DEMO_RETURN_REASON } from "@/lib/demo-data";
import {
  assessHousehold, exclusionsInWindow, firstSubmitDay, noticeEndsOn, quorum, streakAt, violationWindow, type Category,
} from "@/lib/review/rules";
import { DEMO_USERS, seedDemo } from "@/prisma/seed";
import { authorityOn, councilResult, nextRecognition, recognitionPeriodError } from "@/lib/titles/rules";
import { resetDb } from "../factories";

async function counts() {
  const [communes, hamlets, links, households, members, agencies, users, audits, years, reviews, assessments, awards, decisions] = await Promise.all([
    db.commune.count(), db.hamlet.count(), db.hamletCommuneLink.count(), db.household.count(), db.householdMember.count(),
    db.agency.count(), db.user.count(), db.auditLog.count(), db.campaignYear.count(), db.hamletReview.count(), db.assessment.count(),
    db.titleAward.count(), db.decision.count(),
  ]);
  return { communes, hamlets, links, households, members, agencies, users, audits, years, reviews, assessments, awards, decisions };
}

/** Everything that identifies the seeded cycle: ids and results, in a stable order. */
async function fingerprint() {
  const [assessments, awards, events] = await Promise.all([
    db.assessment.findMany({ orderBy: { id: "asc" }, select: { id: true, householdId: true, result: true, votesFor: true, unmetCodes: true, exclusions: true } }),
    db.titleAward.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, decisionId: true } }),
    db.reviewEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, kind: true, createdAt: true, reason: true } }),
  ]);
  return { assessments, awards, events };
}

describe("seedDemo", () => {
  beforeEach(resetDb);

  it("loads Kim Phượng into an empty database, and a second call writes nothing", { timeout: 120_000 }, async () => {
    const started = performance.now();
    const first = await seedDemo(db);
    console.info(`seedDemo took ${Math.round(performance.now() - started)} ms`);
    expect(first.seeded).toBe(true);

    const hamlets = await db.hamlet.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
    expect(hamlets).toHaveLength(14);
    const banLac = hamlets.find((h) => h.name === "Bản Lác");
    expect(banLac).toBeDefined();

    const perHamlet = await db.household.groupBy({ by: ["hamletId"], _count: { _all: true } });
    expect(perHamlet).toHaveLength(14);
    for (const row of perHamlet) {
      expect(row._count._all).toBeGreaterThanOrEqual(80);
      expect(row._count._all).toBeLessThanOrEqual(110);
    }

    const users = await db.user.findMany({ select: { username: true, role: true, hamletId: true, isActive: true }, orderBy: { username: "asc" } });
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    expect(users.map((u) => u.username).sort()).toEqual(["admin", "bcd", "canbo", "lanhdao", "tinh", "truongxom"]);
    expect(await db.user.findUniqueOrThrow({ where: { username: "tinh" }, select: { role: true, communeId: true, province: true } }))
      .toEqual({ role: "PROVINCE", communeId: null, province: "Thái Nguyên" });
    expect(users.find((u) => u.username === "truongxom")).toEqual({ username: "truongxom", role: "HAMLET_HEAD", hamletId: banLac!.id, isActive: true });
    for (const u of users.filter((u) => u.username !== "truongxom")) expect(u.hamletId).toBeNull();
    // Demo passwords are stored as argon2id with the policy's parameters (lib/auth/password.ts).
    for (const { passwordHash } of await db.user.findMany({ select: { passwordHash: true } })) {
      expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    }

    const before = await counts();
    expect(before).toMatchObject({ communes: 1, hamlets: 14, links: 14, households: first.households, members: first.members, users: 6, years: 3 });
    expect(first.cycle.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(first.cycle.years.reduce((n, y) => n + y.awards, 0)).toBe(before.awards);

    const second = await seedDemo(db);
    expect(second.seeded).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("builds the same cycle, with the same ids, on every run", { timeout: 120_000 }, async () => {
    await seedDemo(db);
    const once = await fingerprint();
    await resetDb();
    await seedDemo(db);
    expect(await fingerprint()).toEqual(once);
  });
});

describe("the demo cycle", () => {
  beforeAll(async () => {
    await resetDb();
    await seedDemo(db);
  }, 120_000);

  const load = async () => {
    const [years, reviews, assessments, awards, decisions, violations, objections, ruleSets, criteria] = await Promise.all([
      db.campaignYear.findMany({ orderBy: { year: "asc" }, include: { planRefs: { orderBy: { position: "asc" } } } }),
      db.hamletReview.findMany({
        include: { hamlet: { select: { name: true } }, campaignYear: { select: { year: true, noticeDays: true } }, events: { orderBy: { createdAt: "asc" } } },
      }),
      db.assessment.findMany(),
      db.titleAward.findMany(),
      db.decision.findMany({ where: { subject: "HOUSEHOLD" }, include: { cancelItems: true } }),
      db.violation.findMany(),
      db.objection.findMany(),
      db.ruleSet.findMany(),
      db.criterion.findMany({ where: { kind: "STANDARD" } }),
    ]);
    return { years, reviews, assessments, awards, decisions, violations, objections, ruleSets, criteria };
  };

  it("has the years 2022–2024 on the default sets, and the 2024 plan with its five parent plans", async () => {
    const { years, ruleSets } = await load();
    expect(years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(ruleSets).toHaveLength(1);
    for (const y of years) {
      expect(y.ruleSetId).toBe(ruleSets[0]!.id);
      expect(toIsoDate(y.meetingDeadline)).toBe(`${y.year}-11-15`);
      expect(y.targetHouseholdsPct).toBe(90);
    }
    const y2024 = years[2]!;
    expect(toIsoDate(y2024.planDate!)).toBe("2024-03-21");
    expect(y2024.planRefs.map((r) => `${r.number} ${toIsoDate(r.date!)}`)).toEqual([
      "463/KH-BCĐ 2024-02-02", "3112/QĐ-UBND 2022-12-13", "648/KH-BCĐ 2024-03-13", "06/KH-UBND 2024-01-05", "80/KH-BCĐ 2024-03-18",
    ]);
  });

  it("decided 2022 and 2023 for every xóm, and leaves 2024 in the planned mix of states", async () => {
    const { reviews, decisions, years } = await load();
    const statuses = (year: number) => {
      const out: Record<string, number> = {};
      for (const r of reviews.filter((r) => r.campaignYear.year === year)) out[r.status] = (out[r.status] ?? 0) + 1;
      return out;
    };
    expect(statuses(2022)).toEqual({ DECIDED: 14 });
    expect(statuses(2023)).toEqual({ DECIDED: 14 });
    expect(statuses(2024)).toEqual({ ACCEPTED: 5, SUBMITTED: 3, RETURNED: 1, NOTICE: 2, MEETING: 1 });

    const yearOf = new Map(years.map((y) => [y.id, y.year]));
    const awardDecisions = decisions.filter((d) => d.kind === "AWARD");
    expect(awardDecisions.map((d) => `${yearOf.get(d.campaignYearId)}: ${d.number}/${d.symbol} ${toIsoDate(d.issuedOn)} ${d.status}`).sort()).toEqual([
      "2022: 215/QĐ-UBND 2022-12-05 ISSUED", "2023: 198/QĐ-UBND 2023-12-04 ISSUED",
    ]);
    for (const d of awardDecisions) {
      expect(d.signerTitle).toBe("CHỦ TỊCH");
      expect(d.signerAuthority).toBe("");
      expect(d.legalBasis.split("\n").length).toBeGreaterThanOrEqual(3);
    }
    expect(decisions.some((d) => yearOf.get(d.campaignYearId) === 2024)).toBe(false);
    // Every decided dossier points at its year's award decision; nothing else has a decision.
    for (const r of reviews) {
      const expected = r.status === "DECIDED" ? awardDecisions.find((d) => d.campaignYearId === r.campaignYearId)!.id : null;
      expect(r.decisionId, `${r.hamlet.name} ${r.campaignYear.year}`).toBe(expected);
    }
  });

  it("dates every step like the services would: quorate meetings 5–14/11, notice the next day, submitted after it", async () => {
    const { reviews, assessments, ruleSets } = await load();
    const rule = ruleSets[0]!;
    const assessedBy = new Map<string, number>();
    for (const a of assessments) assessedBy.set(a.hamletReviewId, (assessedBy.get(a.hamletReviewId) ?? 0) + 1);
    for (const r of reviews) {
      const label = `${r.hamlet.name} ${r.campaignYear.year}`;
      expect(r.meetingDate.getUTCMonth(), label).toBe(10);
      expect(r.meetingDate.getUTCDate(), label).toBeGreaterThanOrEqual(5);
      expect(r.meetingDate.getUTCDate(), label).toBeLessThanOrEqual(14);
      expect(quorum(rule, { invited: r.invitedCount, present: r.presentCount, totalHouseholds: r.totalHouseholds }), label)
        .toEqual({ isQuorate: r.isQuorate, note: r.quorumNote });
      expect(r.isQuorate, label).toBe(true);
      const kinds = r.events.map((e) => e.kind);
      expect(kinds[0], label).toBe("MEETING_OPENED");
      if (r.status === "MEETING") {
        expect(r.noticePostedOn).toBeNull();
        expect(assessedBy.get(r.id)! / r.totalHouseholds).toBeCloseTo(0.5, 1);
        continue;
      }
      expect(assessedBy.get(r.id), label).toBe(r.totalHouseholds);
      expect(r.noticePostedOn, label).toEqual(addDays(r.meetingDate, 1));
      expect(r.noticeEndsOn, label).toEqual(noticeEndsOn(r.noticePostedOn!, r.campaignYear.noticeDays));
      expect(kinds[1], label).toBe("NOTICE_POSTED");
      if (r.status === "NOTICE") continue;
      expect(toIsoDate(r.submittedAt!), label).toBe(toIsoDate(firstSubmitDay(r.noticeEndsOn!)));
      const expected = {
        SUBMITTED: ["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED"],
        RETURNED: ["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED", "RETURNED"],
        ACCEPTED: ["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED", "ACCEPTED"],
        DECIDED: ["MEETING_OPENED", "NOTICE_POSTED", "SUBMITTED", "ACCEPTED", "DECIDED"],
      }[r.status];
      expect(kinds, label).toEqual(expected);
      if (r.acceptedAt) expect(r.acceptedAt.getTime(), label).toBeGreaterThan(r.submittedAt!.getTime());
      for (const e of r.events) expect(e.actorName, label).not.toBe("");
    }
  });

  it("gives the returned dossier a RETURNED event by the officer, with its reason", async () => {
    const { reviews } = await load();
    const returned = reviews.filter((r) => r.status === "RETURNED");
    expect(returned).toHaveLength(1);
    const event = returned[0]!.events.find((e) => e.kind === "RETURNED");
    expect(event).toMatchObject({ actorName: "Hoàng Thị Thu Hà", reason: DEMO_RETURN_REASON });
    expect(event!.actorId).not.toBeNull();
  });

  it("leaves Bản Lác without a 2024 review, its households registered and a violation on record", async () => {
    const banLac = await db.hamlet.findFirstOrThrow({ where: { name: "Bản Lác" }, select: { id: true } });
    const y2024 = await db.campaignYear.findFirstOrThrow({ where: { year: 2024 } });
    expect(await db.hamletReview.count({ where: { hamletId: banLac.id, campaignYearId: y2024.id } })).toBe(0);
    const active = await db.household.count({ where: { hamletId: banLac.id, status: "ACTIVE" } });
    const registered = await db.registration.count({ where: { hamletId: banLac.id, campaignYearId: y2024.id } });
    expect(registered / active).toBeGreaterThan(0.85);
    expect(await db.violation.count({ where: { household: { hamletId: banLac.id }, occurredOn: { gte: new Date("2024-01-01T00:00:00Z") } } })).toBeGreaterThan(0);
    // The demo hamlet head held the meeting, posted the notice and submitted in each decided year.
    const head = await db.user.findUniqueOrThrow({ where: { username: "truongxom" } });
    expect(await db.reviewEvent.count({ where: { actorId: head.id, review: { hamletId: banLac.id } } })).toBe(3 * 2);
  });

  it("stores results equal to what rules.assessHousehold gives for the stored inputs, and exclusions from violations", async () => {
    const { reviews, assessments, ruleSets, criteria, violations, objections, awards } = await load();
    const reviewOf = new Map(reviews.map((r) => [r.id, r]));
    const ruleOf = new Map(ruleSets.map((r) => [r.id, r]));
    const textOf = new Map(criteria.map((c) => [`${c.criteriaSetId}/${c.code}`, c.text]));
    const upheld = new Set(objections.filter((o) => o.outcome === "UPHELD").map((o) => `${o.hamletReviewId}/${o.householdId}`));
    const cancelled = new Set(awards.filter((a) => a.status === "CANCELLED").map((a) => `${a.year}/${a.householdId}`));
    const tally: Record<string, number> = {};
    for (const a of assessments) {
      const review = reviewOf.get(a.hamletReviewId)!;
      const rule = ruleOf.get(a.ruleSetId)!;
      expect(a.ruleSetId).toBe(review.ruleSetId);
      expect(a.criteriaSetId).toBe(review.criteriaSetId);
      const meeting = assessHousehold(rule, review.ballotMethod, { invited: review.invitedCount, present: review.presentCount }, {
        unmet: a.unmetCodes.map((code) => ({ code, text: textOf.get(`${a.criteriaSetId}/${code}`)! })),
        exclusions: a.exclusions as Category[],
        votesFor: a.votesFor,
        votesAgainst: a.votesAgainst,
      });
      expect(a.meetingResult).toBe(meeting.result);
      if (upheld.has(`${a.hamletReviewId}/${a.householdId}`)) {
        expect(a.result).toBe("NOT_ACHIEVED");
        expect(a.reason).toMatch(/^Ý kiến phản ánh được chấp nhận: /);
      } else {
        expect({ result: a.result, reason: a.reason }).toEqual(meeting);
      }
      if (a.votesFor !== null) expect(a.votesFor + (a.votesAgainst ?? 0)).toBeLessThanOrEqual(review.presentCount);

      const year = review.campaignYear.year;
      const recorded = exclusionsInWindow(
        violations.filter((v) => v.householdId === a.householdId) as { category: Category; occurredOn: Date }[],
        violationWindow(year, rule.lookbackYears),
      );
      // A violation found after the award (the cancelled 2022 titles) was not known to the meeting.
      expect(a.exclusions).toEqual(cancelled.has(`${year}/${a.householdId}`) ? [] : recorded);
      if (review.status === "DECIDED") tally[`${year}/${a.result}`] = (tally[`${year}/${a.result}`] ?? 0) + 1;
    }
    for (const year of [2022, 2023]) {
      const total = (tally[`${year}/ACHIEVED`] ?? 0) + (tally[`${year}/NOT_ACHIEVED`] ?? 0) + (tally[`${year}/EXCLUDED`] ?? 0);
      expect(tally[`${year}/ACHIEVED`]! / total).toBeGreaterThan(0.88);
      expect(tally[`${year}/ACHIEVED`]! / total).toBeLessThan(0.96);
      expect(tally[`${year}/NOT_ACHIEVED`]).toBeGreaterThan(0);
      expect(tally[`${year}/EXCLUDED`]! / total).toBeGreaterThan(0.005);
      expect(tally[`${year}/EXCLUDED`]! / total).toBeLessThan(0.03);
    }
  });

  it("has one pending and one upheld objection during the 2024 notices", async () => {
    const { objections, reviews, assessments } = await load();
    expect(objections.map((o) => o.outcome).sort()).toEqual(["PENDING", "UPHELD"]);
    for (const o of objections) {
      const review = reviews.find((r) => r.id === o.hamletReviewId)!;
      expect(review.status).toBe("NOTICE");
      expect(o.receivedOn >= review.noticePostedOn! && o.receivedOn <= review.noticeEndsOn!).toBe(true);
    }
    const upheld = objections.find((o) => o.outcome === "UPHELD")!;
    const target = assessments.find((a) => a.hamletReviewId === upheld.hamletReviewId && a.householdId === upheld.householdId)!;
    expect({ result: target.result, meetingResult: target.meetingResult }).toEqual({ result: "NOT_ACHIEVED", meetingResult: "ACHIEVED" });
  });

  it("awards exactly the ACHIEVED households of decided dossiers, once each", async () => {
    const { reviews, assessments, awards } = await load();
    const decided = new Map(reviews.filter((r) => r.status === "DECIDED").map((r) => [r.id, r]));
    const achieved = assessments.filter((a) => a.result === "ACHIEVED" && decided.has(a.hamletReviewId));
    expect(awards).toHaveLength(achieved.length);
    for (const a of achieved) {
      const review = decided.get(a.hamletReviewId)!;
      const mine = awards.filter((w) => w.assessmentId === a.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        householdId: a.householdId, hamletId: review.hamletId, year: review.campaignYear.year, decisionId: review.decisionId, votesFor: a.votesFor,
      });
    }
    const assessmentIds = new Set(achieved.map((a) => a.id));
    for (const w of awards) expect(assessmentIds.has(w.assessmentId!)).toBe(true);
  });

  it("cancels two 2022 awards by an issued 2023 decision (ground d), so their streak skips 2022", async () => {
    const { awards, decisions, violations } = await load();
    const cancellation = decisions.filter((d) => d.kind === "CANCELLATION");
    expect(cancellation).toHaveLength(1);
    const decision = cancellation[0]!;
    expect(decision).toMatchObject({ status: "ISSUED", cancelGround: "D", number: DEMO_CANCELLATION.number, numberYear: 2023 });
    const cancelled = awards.filter((a) => a.status === "CANCELLED");
    expect(cancelled).toHaveLength(2);
    for (const a of cancelled) {
      expect(a).toMatchObject({ year: 2022, cancelDecisionId: decision.id });
      expect(a.cancelledAt).toEqual(decision.approvedAt);
      expect(decision.cancelItems.some((i) => i.awardId === a.id)).toBe(true);
      // The violation behind it is dated inside 2022.
      expect(violations.some((v) => v.householdId === a.householdId && v.occurredOn.getUTCFullYear() === 2022)).toBe(true);
      expect(streakAt(awards.filter((w) => w.householdId === a.householdId), 2023)).toBe(1);
    }
    expect(decision.cancelItems).toHaveLength(2);
    for (const a of awards.filter((w) => w.status === "ACTIVE")) expect(a.cancelDecisionId).toBeNull();

    // Most households already hold two consecutive years.
    const byHousehold = new Map<string, typeof awards>();
    for (const a of awards) byHousehold.set(a.householdId, [...(byHousehold.get(a.householdId) ?? []), a]);
    const twoYears = [...byHousehold.values()].filter((list) => streakAt(list, 2023) === 2).length;
    expect(twoYears).toBeGreaterThan(1000);
  });

  it("runs the hamlet title like the services would: council results from the rules, the district decided 2022 and 2023", async () => {
    const rule = (await db.ruleSet.findFirstOrThrow())!;
    const councils = await db.councilReview.findMany({ include: { campaignYear: { select: { year: true } }, entries: { include: { results: true } } } });
    expect(councils.map((c) => `${c.campaignYear.year} ${c.status}`).sort()).toEqual(["2022 DECIDED", "2023 DECIDED"]);
    const rules = await db.authorityRule.findMany({ where: { subject: "HAMLET" } });
    for (const c of councils) {
      for (const e of c.entries) {
        const unmet = e.results.filter((r) => !r.isMet).map((r) => r.code);
        expect(councilResult(rule, c, { unmetCodes: unmet, votesFor: e.votesFor! }), e.hamletId).toEqual({ result: e.councilResult, reason: e.reason });
        expect(e.votesFor! + e.votesAgainst!).toBeLessThanOrEqual(c.membersPresent);
      }
      const decision = await db.decision.findUniqueOrThrow({ where: { id: c.decisionId! }, include: { hamletAwards: true } });
      // Before 1/7/2025 the district chairman decided: the decision records the rule in force on its date.
      const inForce = authorityOn(rules, "HAMLET", decision.issuedOn)!;
      expect(decision).toMatchObject({ subject: "HAMLET", status: "ISSUED", issuer: inForce.issuer, authority: inForce.authority, authorityRuleId: inForce.id });
      expect(inForce.issuer).toBe("Ủy ban nhân dân huyện Định Hóa");
      expect(decision.issuedOn >= c.proposalDate!).toBe(true);
      expect(c.proposalDate!.getTime()).toBe(firstSubmitDay(c.noticeEndsOn!).getTime());
      expect(decision.hamletAwards.map((a) => a.hamletId).sort()).toEqual(c.entries.filter((e) => e.result === "ACHIEVED").map((e) => e.hamletId).sort());
    }
    // 2024: twelve xóm registered, four reported, no council yet; Bản Lác (the demo hamlet head's) not registered.
    const y2024 = await db.hamletTitleEntry.findMany({ where: { campaignYear: { year: 2024 } }, include: { hamlet: { select: { name: true } } } });
    expect(y2024).toHaveLength(12);
    expect(y2024.filter((e) => e.reportedOn !== null)).toHaveLength(4);
    expect(y2024.some((e) => e.hamlet.name === "Bản Lác")).toBe(false);
  });

  it("registers agencies yearly and records their recognitions on the 2-then-5-year cycle", async () => {
    const years = await db.agencyYear.findMany({ include: { agency: true, campaignYear: { select: { year: true } } } });
    expect(years.some((y) => y.agency.name.startsWith("Bưu điện"))).toBe(false);
    // A result lists its unmet standards exactly when it is không đạt; a pending year has neither.
    for (const y of years) expect(y.unmetCodes.length > 0, `${y.agency.name} ${y.campaignYear.year}`).toBe(y.result === "NOT_ACHIEVED");
    expect(years.filter((y) => y.result === "NOT_ACHIEVED").length).toBeGreaterThan(0);
    const recognitions = await db.agencyRecognition.findMany({ include: { agency: true } });
    for (const r of recognitions) {
      expect(recognitionPeriodError(r.kind, r.periodFrom, r.periodTo, []), r.agency.name).toBeNull();
    }
    const health = recognitions.find((r) => r.agency.name.startsWith("Trạm Y tế"))!;
    expect(nextRecognition(2022, [health])).toMatchObject({ kind: "RENEWAL", periodFrom: 2024, periodTo: 2028, dueYear: 2029 });
  });
});
