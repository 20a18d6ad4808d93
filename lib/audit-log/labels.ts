import { AGENCY_KIND_LABEL } from "@/lib/agencies/labels";
import { RECOGNITION_KIND_LABEL } from "@/lib/agency-title/labels";
import {
  APPROVAL_BASE_LABEL, COUNCIL_APPROVAL_BASE_LABEL, CRITERION_KIND_LABEL, QUORUM_BASE_LABEL, TITLE_SUBJECT_LABEL,
} from "@/lib/campaign/schema";
import { formatDay, parseIsoDate } from "@/lib/dates";
import { DECISION_KIND_LABEL, DECISION_SUBJECT_LABEL } from "@/lib/decisions/labels";
import { formatDateTime, formatNumber } from "@/lib/format";
import { COMMENT_OUTCOME_LABEL } from "@/lib/hamlet-title/labels";
import { HAMLET_KIND_LABEL } from "@/lib/hamlets/labels";
import { HOUSEHOLD_STATUS_LABEL, POVERTY_LABEL, RELATIONSHIP_LABEL } from "@/lib/households/labels";
import type { ViolationViewPlace } from "@/lib/audit";
import type { Permission } from "@/lib/policy";
import {
  BALLOT_METHOD_LABEL, CANCEL_GROUND_LABEL, CATEGORY_LABEL, COMPARATOR_LABEL, DECISION_STATUS_LABEL, OBJECTION_OUTCOME_LABEL, RESULT_LABEL,
} from "@/lib/review/labels";
import { REVIEW_STATUS_LABEL } from "@/lib/review/rules";
import { ROLE_LABEL } from "@/lib/roles";
import { COUNCIL_STATUS_LABEL, METRIC_LABEL } from "@/lib/titles/rules";
import { isUuid } from "@/lib/text";

// How audit rows read in Vietnamese. Unknown actions, entity types and fields fall back to their raw names,
// so a new kind of row still shows up.

export const ENTITY_LABEL: Record<string, string> = {
  Household: "Hộ gia đình",
  Hamlet: "Xóm",
  Agency: "Cơ quan, đơn vị",
  User: "Người dùng",
  Commune: "Xã",
  CampaignYear: "Năm thi đua",
  RuleSet: "Bộ quy tắc bình xét",
  CriteriaSet: "Bộ tiêu chí",
  Criterion: "Tiêu chí",
  AuthorityRule: "Thẩm quyền quyết định danh hiệu",
  Registration: "Đăng ký thi đua",
  Violation: "Vi phạm",
  HamletReview: "Hồ sơ bình xét của xóm",
  Assessment: "Kết quả bình xét hộ",
  Objection: "Ý kiến phản ánh",
  Decision: "Quyết định",
  NoticeComment: "Ý kiến góp ý trên trang công khai",
  HamletTitleEntry: "Danh hiệu \u201cXóm văn hóa\u201d của xóm",
  CouncilReview: "Hội đồng thi đua, khen thưởng xã bình xét \u201cXóm văn hóa\u201d",
  AgencyYear: "Đăng ký, kết quả đơn vị đạt chuẩn văn hóa",
  AgencyRecognition: "Công nhận đơn vị đạt chuẩn văn hóa",
  ApiToken: "Khóa API",
  HouseholdImport: "Tệp nhập hộ gia đình",
};

export const ACTION_LABEL: Record<string, string> = {
  "household.create": "Thêm hộ",
  "household.update": "Sửa hộ",
  "household.import.stage": "Tải lên tệp danh sách hộ để kiểm tra",
  "household.import": "Nhập hộ gia đình từ tệp Excel/CSV",
  "hamlet.create": "Thêm xóm",
  "hamlet.update": "Sửa xóm",
  "agency.create": "Thêm cơ quan, đơn vị",
  "agency.update": "Sửa cơ quan, đơn vị",
  "user.create": "Thêm người dùng",
  "user.update": "Sửa người dùng",
  "user.resetPassword": "Đặt lại mật khẩu",
  "user.deactivate": "Khóa tài khoản",
  "user.reactivate": "Mở khóa tài khoản",
  "seed.demo": "Tạo dữ liệu mẫu",
  "campaignYear.create": "Tạo năm thi đua",
  "campaignYear.update": "Sửa năm thi đua",
  "ruleSet.create": "Tạo phiên bản bộ quy tắc",
  "criteriaSet.create": "Tạo phiên bản bộ tiêu chí",
  "criteriaSet.update": "Sửa bộ tiêu chí (bản nháp)",
  "criteriaSet.publish": "Công bố bộ tiêu chí",
  "criterion.create": "Thêm tiêu chí",
  "criterion.update": "Sửa tiêu chí",
  "criterion.delete": "Xóa tiêu chí",
  "authorityRule.create": "Thêm quy định thẩm quyền quyết định",
  "authorityRule.close": "Kết thúc hiệu lực quy định thẩm quyền (có quy định mới thay thế)",
  "registration.registerAll": "Đăng ký thi đua cả xóm",
  "registration.create": "Đăng ký thi đua",
  "registration.delete": "Hủy đăng ký thi đua",
  "violation.create": "Ghi nhận vi phạm",
  "violation.delete": "Xóa vi phạm ghi nhầm",
  "violation.view": "Xem hồ sơ vi phạm, lý do không xét của hộ",
  "review.meeting.create": "Ghi biên bản họp bình xét",
  "review.meeting.update": "Sửa biên bản họp bình xét",
  "review.meeting.reopen": "Mở lại biên bản họp",
  "review.assessment.create": "Ghi kết quả bình xét hộ",
  "review.assessment.update": "Sửa kết quả bình xét hộ",
  "review.assessment.bulk": "Ghi kết quả cho các hộ còn lại",
  "review.notice.post": "Niêm yết công khai",
  "review.objection.create": "Ghi nhận ý kiến phản ánh",
  "review.objection.resolve": "Giải quyết ý kiến phản ánh",
  "review.submit": "Nộp hồ sơ lên xã",
  "review.return": "Trả lại hồ sơ",
  "review.accept": "Tiếp nhận hồ sơ",
  "decision.draft": "Lập dự thảo quyết định",
  "decision.update": "Sửa dự thảo quyết định",
  "decision.discard": "Hủy dự thảo quyết định",
  "decision.issue": "Phê duyệt, ban hành quyết định",
  "decision.record": "Ghi nhận quyết định của cấp trên",
  "noticeComment.create": "Người dân gửi ý kiến trên trang công khai",
  "hamletTitle.register": "Đăng ký xây dựng danh hiệu \u201cXóm văn hóa\u201d",
  "hamletTitle.unregister": "Hủy đăng ký xây dựng danh hiệu \u201cXóm văn hóa\u201d",
  "hamletTitle.report.create": "Gửi báo cáo thành tích của xóm (Mẫu 05)",
  "hamletTitle.report.update": "Sửa báo cáo thành tích của xóm (Mẫu 05)",
  "council.meeting.create": "Ghi biên bản họp Hội đồng thi đua, khen thưởng xã",
  "council.meeting.update": "Sửa biên bản họp Hội đồng thi đua, khen thưởng xã",
  "council.votes.save": "Ghi kết quả biểu quyết của Hội đồng",
  "council.notice.post": "Công khai kết quả bình xét \u201cXóm văn hóa\u201d",
  "council.reopen": "Mở lại cuộc họp Hội đồng",
  "council.comment.resolve": "Xử lý ý kiến của người dân",
  "council.propose": "Lập tờ trình đề nghị công nhận \u201cXóm văn hóa\u201d",
  "agencyTitle.register": "Đăng ký xây dựng đơn vị đạt chuẩn văn hóa",
  "agencyTitle.unregister": "Hủy đăng ký xây dựng đơn vị đạt chuẩn văn hóa",
  "agencyTitle.result.create": "Nhập kết quả đơn vị đạt chuẩn văn hóa",
  "agencyTitle.result.update": "Sửa kết quả đơn vị đạt chuẩn văn hóa",
  "agencyTitle.recognition.create": "Ghi nhận quyết định công nhận đơn vị đạt chuẩn văn hóa",
  "agencyTitle.recognition.delete": "Xóa lần công nhận ghi nhầm",
  "apiToken.create": "Tạo khóa API",
  "apiToken.revoke": "Thu hồi khóa API",
};

export const entityLabel = (type: string): string => ENTITY_LABEL[type] ?? type;
export const actionLabel = (action: string): string => ACTION_LABEL[action] ?? action;

/** The page that shows an audited entity, and the permission needed to open it. */
const ENTITY_PAGE: Record<string, { base: string; permission: Permission }> = {
  Household: { base: "/registry/households/", permission: "household.read" },
  HouseholdImport: { base: "/registry/households/import/", permission: "household.write" },
  Hamlet: { base: "/registry/hamlets/", permission: "hamlet.read" },
  Agency: { base: "/registry/agencies/", permission: "agency.read" },
  User: { base: "/admin/users/", permission: "user.manage" },
  Decision: { base: "/decisions/", permission: "decision.read" },
  CriteriaSet: { base: "/campaign/criteria/", permission: "campaign.manage" },
};

export function entityPage(type: string, id: string): { href: string; permission: Permission } | null {
  const page = ENTITY_PAGE[type];
  return page ? { href: `${page.base}${encodeURIComponent(id)}`, permission: page.permission } : null;
}

const COMMON_FIELD: Record<string, string> = {
  name: "Tên",
  fullName: "Họ và tên",
  username: "Tên đăng nhập",
  role: "Vai trò",
  hamletId: "Xóm",
  isActive: "Trạng thái",
  passwordReset: "Mật khẩu",
  sessionsEnded: "Phiên đăng nhập đã kết thúc",
  headName: "Người đứng đầu",
  address: "Địa chỉ",
  phone: "Số điện thoại",
  kind: "Loại",
  status: "Tình trạng",
};

// The yearly cycle's snapshots: shared wordings first, then one map per entity type.
const VOTES = { votesFor: "Số người tán thành", votesAgainst: "Số người không tán thành" };
const SET_VERSION = { version: "Phiên bản", legalBasis: "Căn cứ pháp lý", effectiveFrom: "Ngày áp dụng" };
const REGISTRATION = { year: "Năm thi đua", registeredOn: "Ngày đăng ký" };

const FIELD_BY_ENTITY: Record<string, Record<string, string>> = {
  NoticeComment: {
    hamletId: "Xóm được góp ý", authorName: "Người góp ý", contact: "Liên hệ", content: "Nội dung ý kiến",
    outcome: "Kết quả xử lý", resolution: "Nội dung xử lý", hamletResult: "Kết quả của xóm",
  },
  HamletTitleEntry: {
    year: "Năm thi đua", hamletId: "Xóm", registeredOn: "Ngày đăng ký", reportedOn: "Ngày báo cáo", totalHouseholds: "Tổng số hộ",
    recognisedHouseholds: "Số hộ \u201cGia đình văn hóa\u201d", poorHouseholds: "Số hộ nghèo", nearPoorHouseholds: "Số hộ cận nghèo",
    hasCulturalHouse: "Có nhà văn hóa", schoolAgeChildren: "Số trẻ em trong độ tuổi đi học", childrenInSchool: "Số trẻ em được đến trường",
    unmetCodes: "Tiêu chí chưa đạt", result: "Kết quả bình xét",
  },
  CouncilReview: {
    year: "Năm thi đua", status: "Tình trạng", meetingDate: "Ngày họp", meetingPlace: "Địa điểm họp", chairName: "Chủ tịch Hội đồng",
    secretaryName: "Thư ký", membersTotal: "Tổng số thành viên", membersPresent: "Số thành viên dự họp", recomputed: "Số kết quả được tính lại",
    voted: "Số xóm đã biểu quyết", achieved: "Số xóm đạt", changes: "Kết quả biểu quyết thay đổi", noticePostedOn: "Ngày công khai",
    noticeEndsOn: "Ngày hết hạn công khai", noticeChannel: "Hình thức công khai", proposalNumber: "Số tờ trình", proposalSymbol: "Ký hiệu tờ trình",
    proposalDate: "Ngày tờ trình",
  },
  Household: {
    headName: "Chủ hộ", headBirthYear: "Năm sinh chủ hộ", povertyStatus: "Hộ nghèo / cận nghèo", status: "Tình trạng hộ", members: "Thành viên khác",
    ...REGISTRATION, viewedOn: "Xem tại",
  },
  HouseholdImport: { fileName: "Tên tệp", households: "Số hộ", members: "Số nhân khẩu", errorCount: "Số dòng lỗi" },
  Hamlet: {
    name: "Tên xóm", headName: "Trưởng xóm", frontTeamHeadName: "Trưởng ban công tác Mặt trận", hasCulturalHouse: "Có nhà văn hóa", kind: "Loại",
    ...REGISTRATION, count: "Số hộ được đăng ký",
  },
  Agency: { name: "Tên cơ quan, đơn vị", headName: "Thủ trưởng", tradeUnionName: "Công đoàn", headcount: "Số người lao động", kind: "Loại hình" },
  Commune: { hamlets: "Số xóm", households: "Số hộ", agencies: "Số cơ quan, đơn vị", users: "Số người dùng", cycle: "Dữ liệu bình xét mẫu" },
  CampaignYear: {
    year: "Năm thi đua", targetHouseholdsPct: "Chỉ tiêu hộ gia đình văn hóa (%)", targetHamletsPct: "Chỉ tiêu xóm văn hóa (%)",
    targetAgenciesPct: "Chỉ tiêu cơ quan, đơn vị đạt chuẩn văn hóa (%)", planNumber: "Số kế hoạch", planDate: "Ngày ban hành kế hoạch",
    planIssuer: "Cơ quan ban hành kế hoạch", planTitle: "Trích yếu kế hoạch", planRefs: "Kế hoạch cấp trên được căn cứ",
    meetingDeadline: "Hạn họp bình xét ở xóm", reviewDeadline: "Hạn hoàn thành bình xét", noticeDays: "Số ngày niêm yết công khai",
    decisionDays: "Số ngày ra quyết định", ruleSetId: "Bộ quy tắc bình xét", criteriaSetId: "Bộ tiêu chí \u201cGia đình văn hóa\u201d",
    hamletCriteriaSetId: "Bộ tiêu chí \u201cXóm văn hóa\u201d", agencyCriteriaSetId: "Bộ tiêu chí \u201cCơ quan, đơn vị đạt chuẩn văn hóa\u201d",
    enterpriseCriteriaSetId: "Bộ tiêu chí \u201cDoanh nghiệp đạt chuẩn văn hóa\u201d",
    honourYears: "Số năm liên tục (hộ tiêu biểu)", honourQuotaPct: "Tỷ lệ tối đa hộ tiêu biểu (%)",
  },
  RuleSet: {
    ...SET_VERSION, name: "Tên bộ quy tắc", quorumOp: "Điều kiện có mặt", quorumPct: "Tỷ lệ có mặt (%)", quorumBase: "Tỷ lệ có mặt tính trên",
    approvalOp: "Điều kiện tán thành", approvalPct: "Tỷ lệ tán thành (%)", approvalBase: "Tỷ lệ tán thành tính trên",
    ballotMethod: "Hình thức biểu quyết", registrationRequired: "Chỉ bình xét hộ đã đăng ký đầu năm", lookbackYears: "Số năm xét vi phạm",
    hamletRegistrationRequired: "Xóm phải đăng ký mới được xét", councilApprovalOp: "Điều kiện Hội đồng xã tán thành",
    councilApprovalPct: "Tỷ lệ Hội đồng xã tán thành (%)", councilApprovalBase: "Tỷ lệ Hội đồng xã tán thành tính trên",
  },
  CriteriaSet: {
    ...SET_VERSION, name: "Tên bộ tiêu chí", publishedAt: "Công bố lúc", fromId: "Tạo từ bộ tiêu chí", fromVersion: "Tạo từ phiên bản",
    itemCount: "Số tiêu chí", subject: "Danh hiệu",
  },
  Criterion: {
    criteriaSetId: "Bộ tiêu chí", code: "Mã tiêu chí", groupCode: "Mã nhóm", groupTitle: "Tên nhóm tiêu chí", kind: "Loại tiêu chí",
    text: "Nội dung tiêu chí", category: "Trường hợp vi phạm bị loại trừ", isVerified: "Đã đối chiếu văn bản gốc",
    metric: "Chỉ số (tiêu chí tỷ lệ)", comparator: "Phép so sánh", threshold: "Ngưỡng (%)",
  },
  AuthorityRule: {
    subject: "Danh hiệu", effectiveFrom: "Áp dụng từ ngày", effectiveTo: "Hết hiệu lực từ ngày", authority: "Thẩm quyền quyết định",
    issuer: "Cơ quan ban hành", parentIssuer: "Cơ quan cấp trên", legalBasis: "Căn cứ pháp lý",
  },
  Violation: {
    householdId: "Hộ", memberName: "Thành viên vi phạm", category: "Trường hợp không xét tặng", occurredOn: "Ngày vi phạm",
    documentRef: "Văn bản xử lý", note: "Ghi chú",
  },
  HamletReview: {
    year: "Năm thi đua", status: "Tình trạng hồ sơ", meetingDate: "Ngày họp", meetingPlace: "Địa điểm họp", chairName: "Chủ trì",
    secretaryName: "Thư ký", invitedCount: "Số người được mời", presentCount: "Số người có mặt", totalHouseholds: "Số hộ của xóm",
    ballotMethod: "Hình thức biểu quyết", isQuorate: "Đủ điều kiện tiến hành họp", recomputed: "Số kết quả được tính lại",
    count: "Số hộ được ghi kết quả", ...VOTES, achieved: "Số hộ đạt", notAchieved: "Số hộ không đạt", excluded: "Số hộ không xét",
    noticePostedOn: "Ngày niêm yết", noticeEndsOn: "Ngày hết hạn niêm yết", noticeChannel: "Hình thức, địa điểm niêm yết",
    reason: "Lý do", householdId: "Hộ",
  },
  Assessment: {
    householdId: "Hộ", unmetCodes: "Tiêu chí chưa đạt", exclusions: "Trường hợp không xét tặng", ...VOTES, result: "Kết quả", reason: "Lý do",
  },
  Objection: {
    householdId: "Hộ được phản ánh", raisedBy: "Người phản ánh", content: "Nội dung phản ánh", receivedOn: "Ngày nhận",
    outcome: "Kết quả xử lý", resolution: "Nội dung giải quyết", resolvedOn: "Ngày giải quyết", assessmentResult: "Kết quả bình xét của hộ",
  },
  Decision: {
    kind: "Loại quyết định", year: "Năm thi đua", status: "Tình trạng", number: "Số", symbol: "Ký hiệu", numberYear: "Năm đánh số",
    issuedOn: "Ngày ký", signerAuthority: "Thẩm quyền ký", signerTitle: "Chức vụ người ký", signerName: "Người ký", legalBasis: "Căn cứ",
    cancelGround: "Căn cứ hủy bỏ", cancelReason: "Lý do hủy bỏ", hamlets: "Các xóm", awards: "Số danh hiệu được tặng",
    awardIds: "Số danh hiệu hủy bỏ", cancelledAwardIds: "Số danh hiệu đã hủy bỏ",
    subject: "Danh hiệu", issuer: "Cơ quan ban hành", authority: "Thẩm quyền quyết định", hamletAwards: "Số xóm được công nhận",
    hamletAwardIds: "Số danh hiệu \u201cXóm văn hóa\u201d hủy bỏ", cancelledHamletAwardIds: "Số danh hiệu \u201cXóm văn hóa\u201d đã hủy bỏ",
  },
  AgencyYear: {
    name: "Cơ quan, đơn vị", year: "Năm thi đua", registeredOn: "Ngày đăng ký", result: "Kết quả", unmetCodes: "Tiêu chuẩn chưa đạt",
    assessedOn: "Ngày đánh giá", note: "Ghi chú", criteriaSetId: "Bộ tiêu chuẩn",
  },
  ApiToken: { name: "Tên khóa", prefix: "Mã nhận diện (phần đầu của khóa)", revokedAt: "Thu hồi lúc" },
  AgencyRecognition: {
    name: "Cơ quan, đơn vị", kind: "Lần công nhận", period: "Giai đoạn", issuer: "Cơ quan ra quyết định", number: "Số quyết định",
    decidedOn: "Ngày quyết định", note: "Ghi chú",
  },
};

export const fieldLabel = (entityType: string, field: string): string => FIELD_BY_ENTITY[entityType]?.[field] ?? COMMON_FIELD[field] ?? field;

/** Where a "violation.view" row says the household's violation record or exclusion reason was shown. */
export const VIEWED_ON_LABEL: Record<ViolationViewPlace, string> = {
  household: "Trang thông tin hộ gia đình",
  assessment: "Trang bình xét của hộ",
  reviewHub: "Trang hồ sơ bình xét của xóm",
  auditLog: "Nhật ký hệ thống",
};

/** Enum values shown with their Vietnamese label, keyed by entity type then field. */
const VALUE_LABEL: Record<string, Record<string, Record<string, string>>> = {
  Household: { povertyStatus: POVERTY_LABEL, status: HOUSEHOLD_STATUS_LABEL, viewedOn: VIEWED_ON_LABEL },
  Hamlet: { kind: HAMLET_KIND_LABEL },
  Agency: { kind: AGENCY_KIND_LABEL },
  RuleSet: {
    quorumBase: QUORUM_BASE_LABEL, approvalBase: APPROVAL_BASE_LABEL, quorumOp: COMPARATOR_LABEL, approvalOp: COMPARATOR_LABEL,
    ballotMethod: BALLOT_METHOD_LABEL, councilApprovalBase: COUNCIL_APPROVAL_BASE_LABEL, councilApprovalOp: COMPARATOR_LABEL,
  },
  CriteriaSet: { subject: TITLE_SUBJECT_LABEL },
  Criterion: { kind: CRITERION_KIND_LABEL, category: CATEGORY_LABEL, metric: METRIC_LABEL, comparator: COMPARATOR_LABEL },
  AuthorityRule: { subject: TITLE_SUBJECT_LABEL },
  Violation: { category: CATEGORY_LABEL },
  HamletReview: { status: REVIEW_STATUS_LABEL, ballotMethod: BALLOT_METHOD_LABEL },
  Assessment: { result: RESULT_LABEL, exclusions: CATEGORY_LABEL },
  Objection: { outcome: OBJECTION_OUTCOME_LABEL, assessmentResult: RESULT_LABEL },
  Decision: { kind: DECISION_KIND_LABEL, status: DECISION_STATUS_LABEL, cancelGround: CANCEL_GROUND_LABEL, subject: DECISION_SUBJECT_LABEL },
  AgencyYear: { result: RESULT_LABEL },
  AgencyRecognition: { kind: RECOGNITION_KIND_LABEL },
  HamletTitleEntry: { result: RESULT_LABEL },
  CouncilReview: { status: COUNCIL_STATUS_LABEL },
  NoticeComment: { outcome: COMMENT_OUTCOME_LABEL, hamletResult: RESULT_LABEL },
};

/** Columns stored as calendar dates (@db.Date): shown as a day even when the snapshot kept a full timestamp. */
const DATE_FIELDS = new Set([
  "planDate", "meetingDeadline", "reviewDeadline", "effectiveFrom", "effectiveTo", "registeredOn", "occurredOn", "meetingDate", "noticePostedOn",
  "noticeEndsOn", "receivedOn", "resolvedOn", "issuedOn", "date", "assessedOn", "decidedOn", "reportedOn", "proposalDate",
]);
/** Fields holding the id of a row whose name the audit page looks up (queries.ts: namesFor). */
export const NAMED_ID_FIELDS = [
  "hamletId", "householdId", "ruleSetId", "criteriaSetId", "hamletCriteriaSetId", "agencyCriteriaSetId", "enterpriseCriteriaSetId", "fromId",
] as const;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$/;

const EMPTY = "—";
const MAX_TEXT = 300;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function memberText(value: unknown): string {
  if (!value || typeof value !== "object") return String(value);
  const m = value as { fullName?: unknown; birthYear?: unknown; relationship?: unknown };
  const details = [
    typeof m.birthYear === "number" ? String(m.birthYear) : undefined,
    typeof m.relationship === "string" ? (RELATIONSHIP_LABEL[m.relationship as keyof typeof RELATIONSHIP_LABEL] ?? m.relationship) : undefined,
  ].filter(Boolean);
  return `${String(m.fullName ?? "")}${details.length ? ` (${details.join(", ")})` : ""}`;
}

/** "05/01/2024" for a date, "05/01/2024 14:05" for a moment; undefined when `value` is neither. */
function dateText(field: string, value: string): string | undefined {
  if (!ISO_TIMESTAMP.test(value)) return undefined;
  if (value.length === 10 || DATE_FIELDS.has(field)) {
    const day = parseIsoDate(value.slice(0, 10));
    return day ? formatDay(day) : undefined;
  }
  return formatDateTime(value);
}

/** A plan the year's plan cites: "463/KH-BCĐ ngày 02/02/2024 (Ban Chỉ đạo Trung ương)". */
function planRefText(value: unknown): string {
  if (!value || typeof value !== "object") return String(value);
  const r = value as { issuer?: unknown; number?: unknown; date?: unknown };
  const date = typeof r.date === "string" ? dateText("date", r.date) : undefined;
  return `${String(r.number ?? "")}${date ? ` ngày ${date}` : ""} (${String(r.issuer ?? "")})`;
}

/** One stored value as a person reads it; ids of hamlets, households and set versions become their names when known. */
export function formatAuditValue(entityType: string, field: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  if ((NAMED_ID_FIELDS as readonly string[]).includes(field) && typeof value === "string") return names.get(value) ?? value;
  if (field === "role" && typeof value === "string") return ROLE_LABEL[value as keyof typeof ROLE_LABEL] ?? value;
  if (field === "isActive" && typeof value === "boolean") return value ? "Đang hoạt động" : "Đã khóa";
  if (field === "passwordReset" && value === true) return "Đã đặt lại";
  if (field === "members" && Array.isArray(value)) return value.length ? clip(value.map(memberText).join("; ")) : "Không có";
  if (field === "planRefs" && Array.isArray(value)) return value.length ? clip(value.map(planRefText).join("; ")) : "Không có";
  if (Array.isArray(value)) {
    if (value.length === 0) return "Không có";
    // Lists of ids (awards of a cancellation) say how many; lists of codes or names read as a list.
    if (value.every((v) => typeof v === "string" && isUuid(v))) return formatNumber(value.length);
    if (value.every((v) => typeof v === "string")) return clip(value.map((v: string) => VALUE_LABEL[entityType]?.[field]?.[v] ?? v).join("; "));
  }
  if (typeof value === "string") return clip(VALUE_LABEL[entityType]?.[field]?.[value] ?? dateText(field, value) ?? value);
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return /year$/i.test(field) ? String(value) : formatNumber(value);
  return clip(JSON.stringify(value));
}

// JSONB keeps keys in its own order; list changes in the order a form shows them.
const FIELD_ORDER = [
  "username", "name", "fullName", "headName", "headBirthYear", "role", "kind", "hamletId", "address", "phone", "povertyStatus", "status",
  "isActive", "passwordReset", "sessionsEnded", "frontTeamHeadName", "hasCulturalHouse", "tradeUnionName", "headcount", "members",
  "hamlets", "households", "agencies", "users",
];
// Bookkeeping a snapshot may carry that means nothing to the reader (unless the entity's labels name it: a rule
// set's "version" is its number).
const HIDDEN_FIELDS = new Set([
  "id", "communeId", "communeLink", "version", "searchText", "dedupeKey", "createdAt", "updatedAt", "passwordHash",
  "campaignYearId", "hamletReviewId", "memberId", "createdById", "agencyId",
]);
const isHidden = (entityType: string, field: string) => HIDDEN_FIELDS.has(field) && !FIELD_BY_ENTITY[entityType]?.[field];

/** Shared fields in FIELD_ORDER first, then the entity's own fields in the order its labels list them. */
const fieldRank = (entityType: string, field: string) => {
  const shared = FIELD_ORDER.indexOf(field);
  if (shared !== -1) return shared;
  const own = Object.keys(FIELD_BY_ENTITY[entityType] ?? {}).indexOf(field);
  return FIELD_ORDER.length + (own === -1 ? 1000 : own);
};

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

type Snapshot = Record<string, unknown>;
const asSnapshot = (value: unknown): Snapshot | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : null);

// Same JSON regardless of key order, so reordered but equal objects do not show as changed.
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Snapshot)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Fields whose value differs between the before and after snapshots; with no before, every field set. */
export function describeChanges(entityType: string, before: unknown, after: unknown, names: ReadonlyMap<string, string>): AuditChange[] {
  const b = asSnapshot(before);
  const a = asSnapshot(after);
  const fields = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort((x, y) => fieldRank(entityType, x) - fieldRank(entityType, y));
  const show = (snapshot: Snapshot | null, field: string) => (snapshot ? formatAuditValue(entityType, field, snapshot[field], names) : null);
  return fields
    .filter((field) => !isHidden(entityType, field))
    .filter((field) => !b || !a || stable(b[field] ?? null) !== stable(a[field] ?? null))
    .map((field) => ({ field, label: fieldLabel(entityType, field), before: show(b, field), after: show(a, field) }));
}

/** Every id the snapshots hold in `field`, to look their names up once per page. */
export function idsIn(field: string, ...snapshots: unknown[]): string[] {
  return snapshots.flatMap((s) => {
    const id = asSnapshot(s)?.[field];
    return typeof id === "string" && isUuid(id) ? [id] : [];
  });
}

/** A short name for the audited entity taken from its snapshot ("Nguyễn Văn A", "Xóm Bản Lác", "C4", "2024"). */
export function subjectName(entityType: string, before: unknown, after: unknown): string | null {
  for (const snapshot of [asSnapshot(after), asSnapshot(before)]) {
    if (!snapshot) continue;
    for (const key of ["name", "headName", "fullName", "username", "memberName", "code", "fileName"]) {
      const value = snapshot[key];
      if (typeof value === "string" && value.trim() !== "") return value;
    }
    if (typeof snapshot.number === "number" && typeof snapshot.symbol === "string") return `số ${snapshot.number}/${snapshot.symbol}`;
    if (entityType === "CampaignYear" && typeof snapshot.year === "number") return String(snapshot.year);
  }
  return null;
}
