// Who may do what, written by hand from the role descriptions (README "Demo logins", lib/policy.ts GRANTS) — not
// derived from the code it checks. Every server action and every data route the source tree holds must have an
// entry; an entry for something that no longer exists fails too (tests/integration/authz-matrix.test.ts).
//
// Targets say where the row the call touches lives, seen from the caller (an actor of commune C; a hamlet head is
// bound to hamlet A of C):
//   ownHamlet    hamlet A of C        otherHamlet  hamlet B of C        otherCommune  a hamlet / row of commune D
//   own          a commune-wide row of C (or the call names no row: it acts in the caller's own commune)
// A role not named under `allow` is refused on every target — including any role added to ROLES later (a province
// viewer, say) until someone grants it here, and the anonymous caller.

export type Target = "ownHamlet" | "otherHamlet" | "otherCommune" | "own";

/** Rows that belong to one hamlet: the hamlet head's own, another hamlet of the commune, another commune's. */
export const HAMLET_ROW = ["ownHamlet", "otherHamlet", "otherCommune"] as const satisfies readonly Target[];
/** Commune-wide rows: the caller's commune or another one. */
export const COMMUNE_ROW = ["own", "otherCommune"] as const satisfies readonly Target[];
/** The call names no row of a place: it works in the caller's own commune. */
export const OWN_COMMUNE = ["own"] as const satisfies readonly Target[];

const COMMUNE_WIDE = ["ownHamlet", "otherHamlet"] as const;
const OWN_HAMLET = ["ownHamlet"] as const;
const OWN = ["own"] as const;

export type Expectation = {
  targets: readonly Target[];
  /** Role name → the targets it may act on. Every other caller is refused everywhere. */
  allow: Readonly<Record<string, readonly Target[]>>;
  /** A public endpoint: every caller, signed in or not, of any commune. */
  isPublic?: boolean;
};

export const ACTIONS: Record<string, Expectation> = {
  // Signing out: anyone, signed in or not (for a visitor it does nothing); it ends only the caller's own session.
  signOutAction: { targets: OWN_COMMUNE, allow: {}, isPublic: true },

  // Registers
  createHouseholdAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  updateHouseholdAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  createHamletAction: { targets: OWN_COMMUNE, allow: { OFFICER: OWN } },
  updateHamletAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE } },
  createAgencyAction: { targets: OWN_COMMUNE, allow: { OFFICER: OWN } },
  updateAgencyAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },

  // Violations: sensitive personal data, the officer's alone to write
  recordViolationAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE } },
  deleteViolationAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE } },

  // Household import: whoever writes households; an import is its commune's (the officer's) or its maker's (a
  // hamlet head sees only their own), so an import the officer staged is the officer's alone to confirm
  confirmHouseholdImportAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },

  // The campaign year and its versioned sets: the officer
  createCampaignYearAction: { targets: OWN_COMMUNE, allow: { OFFICER: OWN } },
  updateCampaignYearAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  createRuleSetAction: { targets: OWN_COMMUNE, allow: { OFFICER: OWN } },
  createCriteriaDraftAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  createCriteriaDraftForAction: { targets: OWN_COMMUNE, allow: { OFFICER: OWN } },
  updateCriteriaSetAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  addCriterionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  updateCriterionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  removeCriterionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  publishCriteriaSetAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  createAuthorityRuleAction: { targets: OWN_COMMUNE, allow: { OFFICER: OWN } },

  // "Gia đình văn hóa": registration and the meeting by the hamlet head (or the officer for any hamlet); the officer
  // checks the dossier
  changeRegistrationAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  saveMeetingAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  saveAssessmentAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  assessRemainingAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  postNoticeAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  reopenMeetingAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  recordObjectionAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  resolveObjectionAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  submitReviewAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  acceptReviewAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE } },
  returnReviewAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE } },

  // Decisions: the officer drafts (and records an upper body's), the leader issues
  createAwardDecisionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  updateAwardDecisionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  createCancellationDecisionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  updateCancellationDecisionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  issueDecisionAction: { targets: COMMUNE_ROW, allow: { LEADER: OWN } },
  discardDecisionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  createHamletDecisionAction: { targets: OWN_COMMUNE, allow: { OFFICER: OWN } },
  updateHamletDecisionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  createHamletCancellationAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  updateHamletCancellationAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },

  // "Xóm văn hóa": the hamlet head registers and reports for their xóm (the officer for any); the officer runs the
  // council, its notice and the Tờ trình
  registerHamletAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  unregisterHamletAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  saveReportAction: { targets: HAMLET_ROW, allow: { OFFICER: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } },
  saveCouncilAction: { targets: OWN_COMMUNE, allow: { OFFICER: OWN } },
  saveVotesAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  postCouncilNoticeAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  reopenCouncilAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  resolveCommentAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  proposeCouncilAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  // A resident's comment on a posted notice: no account needed, any commune's notice.
  submitNoticeCommentAction: { targets: COMMUNE_ROW, allow: {}, isPublic: true },

  // Agencies' title: the officer
  registerAgencyAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  unregisterAgencyAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  saveAgencyResultAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  recordRecognitionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
  deleteRecognitionAction: { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },

  // Accounts and API tokens: the commune's administrator
  createUserAction: { targets: OWN_COMMUNE, allow: { ADMIN: OWN } },
  updateUserAction: { targets: COMMUNE_ROW, allow: { ADMIN: OWN } },
  resetUserPasswordAction: { targets: COMMUNE_ROW, allow: { ADMIN: OWN } },
  deactivateUserAction: { targets: COMMUNE_ROW, allow: { ADMIN: OWN } },
  reactivateUserAction: { targets: COMMUNE_ROW, allow: { ADMIN: OWN } },
  createApiTokenAction: { targets: OWN_COMMUNE, allow: { ADMIN: OWN } },
  revokeApiTokenAction: { targets: COMMUNE_ROW, allow: { ADMIN: OWN } },
};

const READERS = { OFFICER: OWN, LEADER: OWN, COMMITTEE: OWN } as const;
const HAMLET_READERS = { OFFICER: COMMUNE_WIDE, LEADER: COMMUNE_WIDE, COMMITTEE: COMMUNE_WIDE, HAMLET_HEAD: OWN_HAMLET } as const;

/** Data routes, keyed "METHOD /path". `excluded` names a route that serves no data of the commune, and why. */
export const ROUTES: Record<string, Expectation | { excluded: string }> = {
  "GET /api/auth/[...nextauth]": { excluded: "next-auth's sign-in endpoints (session and CSRF), not commune data" },
  "POST /api/auth/[...nextauth]": { excluded: "next-auth's sign-in endpoints (session and CSRF), not commune data" },
  "GET /api/documents/minutes/[reviewId]": { targets: HAMLET_ROW, allow: HAMLET_READERS },
  "GET /api/documents/proposal/[reviewId]": { targets: HAMLET_ROW, allow: HAMLET_READERS },
  "GET /api/documents/hamlet-report/[entryId]": { targets: HAMLET_ROW, allow: HAMLET_READERS },
  "GET /api/documents/decision/[decisionId]": { targets: COMMUNE_ROW, allow: READERS },
  "GET /api/documents/certificates/[decisionId]": { targets: COMMUNE_ROW, allow: READERS },
  "GET /api/documents/hamlet-decision/[decisionId]": { targets: COMMUNE_ROW, allow: READERS },
  "GET /api/documents/council-minutes/[councilId]": { targets: COMMUNE_ROW, allow: READERS },
  "GET /api/documents/hamlet-proposal/[councilId]": { targets: COMMUNE_ROW, allow: READERS },
  "GET /api/documents/agency-list/[year]": { targets: OWN_COMMUNE, allow: READERS },
  "GET /api/documents/year-report/[year]": { targets: OWN_COMMUNE, allow: READERS },
  "GET /api/v1/communes": { targets: OWN_COMMUNE, allow: READERS },
  "GET /api/v1/communes/[id]/progress": { targets: COMMUNE_ROW, allow: READERS },
  "POST /api/household-imports": { targets: OWN_COMMUNE, allow: { OFFICER: OWN, HAMLET_HEAD: OWN } },
  "GET /api/household-imports/template": { targets: OWN_COMMUNE, allow: { OFFICER: OWN, HAMLET_HEAD: OWN } },
  "GET /api/household-imports/[id]": { targets: COMMUNE_ROW, allow: { OFFICER: OWN } },
};

export function allowed(e: Expectation, role: string | null, target: Target): boolean {
  if (e.isPublic) return true;
  return role !== null && (e.allow[role] ?? []).includes(target);
}
