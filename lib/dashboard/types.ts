// The shapes of the steering committee's figures (issue 5), shared by the dashboard, the exports and the JSON API.
// Every figure is counted by PostgreSQL (GROUP BY / COUNT), never by loading rows into JavaScript.

/** One title's progress against its target. `rate` is recognised / total in percent (one decimal), null if total 0. */
export type TitleProgress = {
  /** The official denominator: active households / the commune's hamlets / its agencies. */
  total: number;
  registered: number;
  /** Issued, not-cancelled awards of the year (for agencies: the yearly result "đạt"). */
  recognised: number;
  /** "Đạt" results not yet decided (meeting or council results without an issued decision). */
  provisional: number;
  rate: number | null;
};

export type HamletProgress = {
  id: string;
  name: string;
  total: number;
  registered: number;
  recognised: number;
  provisional: number;
  rate: number | null;
};

/** The JSON API's body (GET /api/v1/communes/{id}/progress?year=), a subset of the dashboard's figures. */
export type CommuneProgress = {
  year: number;
  targets: { households: number; hamlets: number; agencies: number };
  households: TitleProgress;
  hamlets: TitleProgress;
  agencies: TitleProgress;
  byHamlet: HamletProgress[];
};

// ---- The dashboard's full figures (lib/dashboard/figures.ts dashboardFigures) -----------------------------------

export type ReviewStatusCode = "MEETING" | "NOTICE" | "SUBMITTED" | "RETURNED" | "ACCEPTED" | "DECIDED";
export type ResultCode = "ACHIEVED" | "NOT_ACHIEVED" | "EXCLUDED";

/** The households gap to the year's target: official (awards only) and with provisional results counted too. */
export type Gap = { official: number; withProvisional: number };

/** One hamlet's household review of the year ("bình xét"): where its dossier stands and when each step happened. */
export type HamletReviewState = {
  status: ReviewStatusCode;
  meetingDate: Date;
  noticePostedOn: Date | null;
  /** The last day of the 10-day notice. */
  noticeEndsOn: Date | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  /** The issued date of the decision that closed the review (DECIDED). */
  decidedOn: Date | null;
};

/** One hamlet's "Xóm văn hóa" file of the year. */
export type HamletTitleState = {
  registeredOn: Date | null;
  reportedOn: Date | null;
  /** The result after public comments (null until the council voted). */
  result: ResultCode | null;
  /** What the council voted. */
  councilResult: ResultCode | null;
  award: { status: "ACTIVE" | "CANCELLED"; issuedOn: Date } | null;
};

export type HamletFigures = HamletProgress & {
  /** Assessment rows of the hamlet's review of the year. */
  assessed: number;
  achieved: number;
  notAchieved: number;
  excluded: number;
  /** ceil(target % × total) − recognised, at least 0 ("còn thiếu N hộ"). */
  gap: Gap;
  review: HamletReviewState | null;
  title: HamletTitleState | null;
  deadlines: {
    /** No review yet and the meeting deadline has passed. */
    meetingOverdue: boolean;
    /** Not submitted (no review, MEETING, NOTICE or RETURNED) and the review deadline has passed. */
    submissionOverdue: boolean;
    /** For a review in NOTICE: days to its noticeEndsOn (0 on the last day, negative once ended). */
    noticeDaysLeft: number | null;
  };
};

export type Completeness = {
  /** Counted over the hamlets shown (all, or the one hamlet of a hamlet head's view). */
  hamlets: number;
  withoutMeeting: number;
  withoutNotice: number;
  notSubmitted: number;
  notDecided: number;
  meetingDeadline: { date: Date; daysLeft: number; overdue: boolean };
  reviewDeadline: { date: Date; daysLeft: number; overdue: boolean };
  /** Hamlets whose notice is running or has ended without submission, soonest end first. */
  notices: { hamletId: string; name: string; endsOn: Date; daysLeft: number; ended: boolean }[];
};

export type YearRates = {
  year: number;
  targets: { households: number; hamlets: number; agencies: number };
  households: number | null;
  hamlets: number | null;
  agencies: number | null;
};

export type FailureCount = { code: string; text: string; count: number };

export type DashboardFigures = CommuneProgress & {
  /** The hamlet a hamlet head's view is limited to (byHamlet, hamletFigures, completeness, failures); null for all. */
  hamletId: string | null;
  today: Date;
  /** The households gap at commune level. */
  householdsGap: Gap;
  hamletsGap: Gap;
  agenciesGap: number;
  hamletFigures: HamletFigures[];
  /** The year's "Xóm văn hóa" council review, if any. */
  council: { status: "MEETING" | "NOTICE" | "PROPOSED" | "DECIDED"; meetingDate: Date; noticeEndsOn: Date | null } | null;
  completeness: Completeness;
  /** Every campaign year of the commune, oldest first, with its three official rates. */
  yearOverYear: YearRates[];
  failures: {
    /** Unmet standards (Assessment.unmetCodes) of the year's assessments, most frequent first. */
    unmet: FailureCount[];
    /** Exclusion categories E1–E4 (Assessment.exclusions), always all four. */
    exclusions: FailureCount[];
  };
};

/** One title's official rate: recognised of total, in percent (null when total is 0). */
export type RateFigure = { total: number; recognised: number; rate: number | null };

/** A commune's three official rates of a year, in the province roll-up. */
export type CommuneRates = {
  id: string;
  name: string;
  district: string | null;
  targets: { households: number; hamlets: number; agencies: number };
  households: RateFigure;
  hamlets: RateFigure;
  agencies: RateFigure;
};

/** Every commune of a province for a year, with the province's totals (the province viewer's page). */
export type ProvinceProgress = {
  province: string;
  year: number;
  communes: CommuneRates[];
  totals: { households: RateFigure; hamlets: RateFigure; agencies: RateFigure };
};
