// The demo's "Xóm văn hóa" and agency titles for Kim Phượng (prisma/seed.ts). 2022 and 2023: every xóm
// registered, reported and was reviewed by the commune council; the district chairman decided (before 1/7/2025
// the title was the district's). 2024: registrations and the first achievement reports, the council not yet met.
// Agencies: yearly registrations and results 2022–2024, one first recognition and one renewal on record.
// Pure and deterministic: results come from the same rules the services apply (lib/titles/rules.ts).

import { addDays, utcDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { noticeEndsOn, firstSubmitDay } from "@/lib/review/rules";
import {
  councilResult, metricValue, nextCouncilStatus, ratioMet, type CouncilRule, type CouncilStatus, type HamletFacts, type Metric,
} from "@/lib/titles/rules";
import type { Comparator } from "@/lib/review/rules";
import { demoYearId } from "./demo-cycle";
import { Rng, demoId } from "./demo-random";

const TITLES_SEED = 0x7e_2024;
const CURRENT_YEAR = 2024;
const DISTRICT = "Ủy ban nhân dân huyện Định Hóa";
const DISTRICT_AUTHORITY = "Chủ tịch Ủy ban nhân dân huyện Định Hóa";
/** A stand-in name: the demo does not name real office holders. */
const DISTRICT_CHAIRMAN = "Nguyễn Đức Minh";
const UNION = "Liên đoàn Lao động tỉnh Thái Nguyên";

/** The district's "Xóm văn hóa" decisions the commune recorded (numbers in the district's register). */
const DISTRICT_DECISIONS = {
  2022: { number: 3125, issuedOn: utcDate(2022, 12, 20), proposalNumber: 112 },
  2023: { number: 3362, issuedOn: utcDate(2023, 12, 21), proposalNumber: 124 },
} as const;

/** Xóm that already wrote their 2024 report (those whose household dossier the commune accepted). */
const REPORTED_2024 = ["Bản Mới", "Thái Chi", "Kim Tân", "Đồng Đình"];
/** Xóm that did not register for 2024 (the demo hamlet head of Bản Lác can register it). */
const UNREGISTERED_2024 = ["Bản Lác", "Kim Tiến"];

type Person = { id: string; fullName: string };
type Criterion = { code: string; metric: Metric | null; comparator: Comparator | null; threshold: number | null };

export type TitlesInput = {
  communeId: string;
  hamlets: { id: string; name: string; headName: string | null; hasCulturalHouse: boolean }[];
  households: { id: string; hamletId: string; status: string; povertyStatus: string }[];
  /** Households recognised per hamlet and year (issued, not cancelled), and the 2024 meeting's đạt count. */
  recognised: Map<string, number>;
  agencies: { id: string; name: string; kind: "STATE_AGENCY" | "PUBLIC_UNIT" | "ENTERPRISE" }[];
  officer: Person;
  leader: Person;
  hamletHead: Person & { hamletId: string };
  ruleSet: CouncilRule & { id: string };
  hamletCriteria: { id: string; items: Criterion[] };
  agencyCriteria: { id: string };
  enterpriseCriteria: { id: string };
  districtRuleId: string;
};

export type TitlesRows = {
  decisions: Prisma.DecisionCreateManyInput[];
  councils: Prisma.CouncilReviewCreateManyInput[];
  entries: Prisma.HamletTitleEntryCreateManyInput[];
  criterionResults: Prisma.HamletCriterionResultCreateManyInput[];
  comments: Prisma.NoticeCommentCreateManyInput[];
  hamletAwards: Prisma.HamletAwardCreateManyInput[];
  agencyYears: Prisma.AgencyYearCreateManyInput[];
  recognitions: Prisma.AgencyRecognitionCreateManyInput[];
};

const at = (day: Date, hour: number, minute = 0) => new Date(day.getTime() + ((hour - 7) * 60 + minute) * 60_000);
const titleId = (key: string) => demoId(`titles/${key}`);
export const recognisedKey = (hamletId: string, year: number) => `${hamletId}/${year}`;

const DISTRICT_BASIS = [
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
  "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;",
  "Căn cứ Nghị định số 122/2018/NĐ-CP ngày 17 tháng 9 năm 2018 của Chính phủ quy định về xét tặng danh hiệu \u201cGia đình văn hóa\u201d, \u201cThôn văn hóa\u201d, \u201cLàng văn hóa\u201d, \u201cẤp văn hóa\u201d, \u201cBản văn hóa\u201d, \u201cTổ dân phố văn hóa\u201d;",
  "Xét đề nghị của Ủy ban nhân dân xã Kim Phượng và Trưởng phòng Văn hóa và Thông tin huyện.",
].join("\n");

export function buildTitles(input: TitlesInput): TitlesRows {
  const rng = new Rng(TITLES_SEED);
  const rows: TitlesRows = { decisions: [], councils: [], entries: [], criterionResults: [], comments: [], hamletAwards: [], agencyYears: [], recognitions: [] };
  const { communeId, officer, ruleSet } = input;

  const households = new Map<string, { total: number; poor: number; nearPoor: number }>();
  for (const h of input.households) {
    if (h.status !== "ACTIVE") continue;
    const c = households.get(h.hamletId) ?? { total: 0, poor: 0, nearPoor: 0 };
    c.total += 1;
    if (h.povertyStatus === "POOR") c.poor += 1;
    if (h.povertyStatus === "NEAR_POOR") c.nearPoor += 1;
    households.set(h.hamletId, c);
  }

  for (const year of [2022, 2023, 2024] as const) {
    const decided = year < CURRENT_YEAR;
    const yearId = demoYearId(year);
    const councilId = titleId(`council/${year}`);
    const meetingDate = utcDate(year, 11, 20);
    const membersTotal = 9;
    const membersPresent = year === 2022 ? 8 : 9;
    const postedOn = addDays(meetingDate, 1);
    const endsOn = noticeEndsOn(postedOn, 10);
    const spec = year === 2024 ? null : DISTRICT_DECISIONS[year];
    const decisionId = spec ? titleId(`decision/${year}`) : null;

    for (const hamlet of input.hamlets) {
      if (year === CURRENT_YEAR && UNREGISTERED_2024.includes(hamlet.name)) continue;
      const entryId = titleId(`entry/${year}/${hamlet.id}`);
      const registeredOn = addDays(utcDate(year, 2, 20), rng.int(0, 20));
      const actorId = hamlet.id === input.hamletHead.hamletId ? input.hamletHead.id : officer.id;
      const reported = decided || REPORTED_2024.includes(hamlet.name);
      if (!reported) {
        rows.entries.push({
          id: entryId, communeId, campaignYearId: yearId, hamletId: hamlet.id, registeredOn, version: 1,
          createdAt: at(registeredOn, 9), updatedAt: at(registeredOn, 9),
        });
        continue;
      }

      // The report (Mẫu 05): figures from the registry and the year's results, the rest as the xóm wrote them.
      const counts = households.get(hamlet.id) ?? { total: 0, poor: 0, nearPoor: 0 };
      const schoolAge = rng.int(18, 42);
      const facts: HamletFacts = {
        totalHouseholds: counts.total, recognisedHouseholds: input.recognised.get(recognisedKey(hamlet.id, year)) ?? 0,
        poorHouseholds: counts.poor, nearPoorHouseholds: counts.nearPoor, schoolAgeChildren: schoolAge, childrenInSchool: schoolAge,
      };
      const entered: Partial<Record<Metric, number>> = { EMPLOYED_PCT: rng.int(84, 96), CIVILISED_RITES_PCT: rng.int(91, 99) };
      // A xóm without a cultural house lacks standard II.1, except Pác Cáp from 2023 (a reading corner in the shop).
      const facilities = hamlet.hasCulturalHouse || (hamlet.name === "Pác Cáp" && year >= 2023);
      const unmet: string[] = [];
      for (const c of input.hamletCriteria.items) {
        let value: number | null = null;
        let isMet: boolean;
        if (c.metric && c.comparator && c.threshold !== null) {
          value = metricValue(c.metric, facts, entered);
          isMet = ratioMet({ comparator: c.comparator, threshold: c.threshold }, value);
        } else {
          isMet = c.code === "II.1" ? facilities : true;
        }
        if (!isMet) unmet.push(c.code);
        rows.criterionResults.push({
          id: titleId(`criterion/${entryId}/${c.code}`), entryId, code: c.code, value, isMet,
          note: c.code === "II.1" && !hamlet.hasCulturalHouse ? (facilities ? "Điểm đọc sách tại nhà văn hóa cũ đã sửa chữa." : "Chưa có nhà văn hóa, sinh hoạt nhờ nhà trưởng xóm.") : null,
        });
      }
      const reportedOn = utcDate(year, 11, rng.int(10, 15));
      const entry: Prisma.HamletTitleEntryCreateManyInput = {
        id: entryId, communeId, campaignYearId: yearId, hamletId: hamlet.id, registeredOn, reportedOn, ...facts,
        hasCulturalHouse: hamlet.hasCulturalHouse,
        overview: `Xóm ${hamlet.name} có ${counts.total} hộ; Nhân dân chủ yếu sản xuất nông nghiệp, trồng chè và chăn nuôi. Chi bộ, Ban công tác Mặt trận và các chi hội đoàn thể hoạt động đều.`,
        commitments: `Tiếp tục giữ vững danh hiệu \u201cXóm văn hóa\u201d; vận động các hộ thực hiện nếp sống văn minh trong việc cưới, việc tang, lễ hội.`,
        reportedById: actorId, version: 1, createdAt: at(registeredOn, 9), updatedAt: at(reportedOn, 16),
      };
      if (decided) {
        const votesFor = unmet.length > 0 ? rng.int(2, 4) : membersPresent - rng.int(0, 1);
        const outcome = councilResult(ruleSet, { membersTotal, membersPresent }, { unmetCodes: unmet, votesFor });
        Object.assign(entry, {
          councilId, votesFor, votesAgainst: membersPresent - votesFor, result: outcome.result, councilResult: outcome.result, reason: outcome.reason,
          version: 2, updatedAt: at(meetingDate, 11),
        });
        if (outcome.result === "ACHIEVED" && spec && decisionId) {
          rows.hamletAwards.push({
            id: titleId(`award/${year}/${hamlet.id}`), communeId, hamletId: hamlet.id, campaignYearId: yearId, year, decisionId,
            entryId, votesFor, status: "ACTIVE", createdAt: at(addDays(spec.issuedOn, 3), 10),
          });
        }
      }
      rows.entries.push(entry);
    }

    if (!spec || !decisionId) continue;
    // The council's review, its notice, the Tờ trình and the district's decision, through the state machine.
    const status = (["saveMeeting", "vote", "postNotice", "propose", "includeInDecision", "decide"] as const)
      .reduce<CouncilStatus>((s, e) => nextCouncilStatus(s, e), "MEETING");
    const recordedAt = at(addDays(spec.issuedOn, 3), 10);
    rows.decisions.push({
      id: decisionId, communeId, campaignYearId: yearId, subject: "HAMLET", kind: "AWARD", status: "ISSUED", issuer: DISTRICT,
      authority: DISTRICT_AUTHORITY, authorityRuleId: input.districtRuleId, number: spec.number, symbol: "QĐ-UBND",
      numberYear: spec.issuedOn.getUTCFullYear(), issuedOn: spec.issuedOn, signerAuthority: "", signerTitle: "CHỦ TỊCH",
      signerName: DISTRICT_CHAIRMAN, legalBasis: DISTRICT_BASIS, draftedById: officer.id, approvedById: officer.id, approvedAt: recordedAt,
      version: 1, createdAt: recordedAt, updatedAt: recordedAt,
    });
    rows.councils.push({
      id: councilId, communeId, campaignYearId: yearId, status, meetingDate, meetingPlace: "Hội trường Ủy ban nhân dân xã Kim Phượng",
      chairName: input.leader.fullName, secretaryName: officer.fullName, membersTotal, membersPresent, ruleSetId: ruleSet.id,
      noticePostedOn: postedOn, noticeEndsOn: endsOn, noticeChannel: "Trang thông tin điện tử của xã và bảng tin công cộng",
      proposalNumber: spec.proposalNumber, proposalSymbol: "TTr-UBND", proposalDate: firstSubmitDay(endsOn), decisionId, version: 4,
      createdAt: at(meetingDate, 8), updatedAt: recordedAt,
    });
    if (year === 2023) {
      rows.comments.push({
        id: titleId(`comment/${year}/0`), communeId, councilReviewId: councilId, hamletId: input.hamlets.find((h) => h.name === "Pác Cáp")?.id ?? null,
        authorName: null, contact: null, content: "Xóm Pác Cáp chưa có nhà văn hóa, đề nghị xem lại tiêu chuẩn về thiết chế văn hóa.",
        ipHash: "demo", outcome: "REJECTED",
        resolution: "Xóm đã có điểm đọc sách và sân thể thao phù hợp điều kiện thực tế (tiêu chuẩn II.1); Hội đồng giữ nguyên kết quả.",
        resolvedById: officer.id, resolvedAt: at(addDays(postedOn, 5), 15), createdAt: at(addDays(postedOn, 3), 20),
      });
    }
  }

  buildAgencies(rng, input, rows);
  return rows;
}

/** Agencies: registered 2022–2024 (the post office never; the company from 2023), results entered by the officer. */
function buildAgencies(rng: Rng, input: TitlesInput, rows: TitlesRows) {
  const { communeId, officer } = input;
  for (const agency of input.agencies) {
    const set = agency.kind === "ENTERPRISE" ? input.enterpriseCriteria : input.agencyCriteria;
    for (const year of [2022, 2023, 2024] as const) {
      if (agency.name.startsWith("Bưu điện")) continue;
      if (agency.name.startsWith("Công ty") && year === 2022) continue;
      const registeredOn = addDays(utcDate(year, 1, 15), rng.int(0, 40));
      const id = titleId(`agency-year/${year}/${agency.id}`);
      // 2024 results are not all in yet; the tea cooperative fell short on its workers' welfare in 2023.
      const pending = year === CURRENT_YEAR && rng.chance(0.3);
      const unmetCodes = agency.name.startsWith("Hợp tác xã Chè") && year === 2023 ? ["3"] : [];
      const assessedOn = utcDate(year, 12, rng.int(5, 20));
      rows.agencyYears.push({
        id, communeId, campaignYearId: demoYearId(year), agencyId: agency.id, registeredOn,
        result: pending ? null : unmetCodes.length > 0 ? "NOT_ACHIEVED" : "ACHIEVED", unmetCodes, assessedOn: pending ? null : assessedOn,
        note: unmetCodes.length > 0 ? "Chưa chăm lo đủ đời sống người lao động (chậm đóng bảo hiểm xã hội)." : null,
        criteriaSetId: pending ? null : set.id, assessedById: pending ? null : officer.id, version: pending ? 1 : 2,
        createdAt: at(registeredOn, 9), updatedAt: at(pending ? registeredOn : assessedOn, 15),
      });
    }
  }
  const byName = (prefix: string) => input.agencies.find((a) => a.name.startsWith(prefix));
  const health = byName("Trạm Y tế");
  if (health) {
    rows.recognitions.push({
      id: titleId(`recognition/${health.id}/2022`), communeId, agencyId: health.id, kind: "FIRST", periodFrom: 2022, periodTo: 2023,
      issuer: UNION, number: "57/QĐ-LĐLĐ", decidedOn: utcDate(2024, 3, 12), note: "Giấy công nhận đơn vị đạt chuẩn văn hóa lần đầu.",
      createdById: officer.id, createdAt: at(utcDate(2024, 3, 15), 10),
    });
  }
  const commune = byName("UBND xã");
  if (commune) {
    // Recognised before the app: the renewal for 2017–2021 (the history starts there).
    rows.recognitions.push({
      id: titleId(`recognition/${commune.id}/2017`), communeId, agencyId: commune.id, kind: "RENEWAL", periodFrom: 2017, periodTo: 2021,
      issuer: UNION, number: "212/QĐ-LĐLĐ", decidedOn: utcDate(2022, 4, 8), note: "Bằng công nhận giai đoạn 2017–2021.",
      createdById: officer.id, createdAt: at(utcDate(2022, 4, 12), 10),
    });
  }
}

/** What the titles hold, in Vietnamese, for the console after seeding. */
export function titlesSummaryLines(rows: TitlesRows): string[] {
  const byYear = (year: number) => rows.entries.filter((e) => e.campaignYearId === demoYearId(year));
  const lines = [2022, 2023, 2024].map((year) => {
    const entries = byYear(year);
    const awards = rows.hamletAwards.filter((a) => a.year === year).length;
    const agencies = rows.agencyYears.filter((a) => a.campaignYearId === demoYearId(year));
    const achieved = agencies.filter((a) => a.result === "ACHIEVED").length;
    const hamlets = awards > 0
      ? `${entries.length} xóm đăng ký, ${awards} xóm được công nhận \u201cXóm văn hóa\u201d (quyết định của huyện)`
      : `${entries.length} xóm đăng ký, ${entries.filter((e) => e.reportedOn).length} xóm đã gửi báo cáo, Hội đồng chưa họp`;
    return `  Năm ${year}: ${hamlets}; ${agencies.length} cơ quan, đơn vị đăng ký, ${achieved} đạt chuẩn văn hóa.`;
  });
  lines.push(`  ${rows.recognitions.length} lần công nhận cơ quan, đơn vị đạt chuẩn văn hóa được ghi nhận.`);
  return lines;
}
