// The floors the app is measured against: each figure computed by ONE hand-written SQL statement over the raw rows,
// run directly through `pg`. They follow the definitions in lib/dashboard/figures.ts; the benchmark checks that
// they give the app's numbers before it times them.

/** Everything the commune dashboard shows for a year ($1 commune, $2 year), as one JSON document. */
export const DASHBOARD_FLOOR_SQL = `
WITH cy AS (
  SELECT * FROM "CampaignYear" WHERE "communeId" = $1::uuid AND "year" = $2::int
), hh AS (
  SELECT h."id", h."hamletId",
    EXISTS (SELECT 1 FROM "Registration" r, cy WHERE r."householdId" = h."id" AND r."campaignYearId" = cy."id") AS registered,
    EXISTS (SELECT 1 FROM "TitleAward" a JOIN "Decision" d ON d."id" = a."decisionId" AND d."status" = 'ISSUED', cy
            WHERE a."householdId" = h."id" AND a."campaignYearId" = cy."id" AND a."status" = 'ACTIVE') AS recognised,
    EXISTS (SELECT 1 FROM "Assessment" s JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId", cy
            WHERE s."householdId" = h."id" AND rv."campaignYearId" = cy."id" AND rv."status" <> 'DECIDED' AND s."result" = 'ACHIEVED')
      AND NOT EXISTS (SELECT 1 FROM "TitleAward" a, cy WHERE a."householdId" = h."id" AND a."campaignYearId" = cy."id") AS provisional
  FROM "Household" h WHERE h."communeId" = $1::uuid AND h."status" = 'ACTIVE'
), per_hamlet AS (
  SELECT "hamletId", COUNT(*)::int AS total, COUNT(*) FILTER (WHERE registered)::int AS registered,
    COUNT(*) FILTER (WHERE recognised)::int AS recognised, COUNT(*) FILTER (WHERE provisional)::int AS provisional
  FROM hh GROUP BY "hamletId"
), reviews AS (
  SELECT rv."hamletId", rv."status", rv."meetingDate", rv."noticePostedOn", rv."noticeEndsOn", rv."submittedAt", rv."acceptedAt", d."issuedOn" AS "decidedOn",
    COUNT(s."id")::int AS assessed, COUNT(s."id") FILTER (WHERE s."result" = 'ACHIEVED')::int AS achieved,
    COUNT(s."id") FILTER (WHERE s."result" = 'NOT_ACHIEVED')::int AS "notAchieved", COUNT(s."id") FILTER (WHERE s."result" = 'EXCLUDED')::int AS excluded
  FROM "HamletReview" rv JOIN cy ON rv."campaignYearId" = cy."id"
  LEFT JOIN "Assessment" s ON s."hamletReviewId" = rv."id"
  LEFT JOIN "Decision" d ON d."id" = rv."decisionId" AND d."status" = 'ISSUED'
  GROUP BY rv."id", d."issuedOn"
), titles AS (
  SELECT h."id" AS "hamletId", e."registeredOn", e."reportedOn", e."result", e."councilResult", ha."status" AS "awardStatus", d."status" AS "decisionStatus", d."issuedOn" AS "awardIssuedOn"
  FROM "Hamlet" h CROSS JOIN cy
  LEFT JOIN "HamletTitleEntry" e ON e."hamletId" = h."id" AND e."campaignYearId" = cy."id"
  LEFT JOIN "HamletAward" ha ON ha."hamletId" = h."id" AND ha."campaignYearId" = cy."id"
  LEFT JOIN "Decision" d ON d."id" = ha."decisionId"
  WHERE h."communeId" = $1::uuid
), agencies AS (
  SELECT COUNT(*)::int AS total, COUNT(ay."id")::int AS registered, COUNT(*) FILTER (WHERE ay."result" = 'ACHIEVED')::int AS recognised
  FROM "Agency" ag CROSS JOIN cy LEFT JOIN "AgencyYear" ay ON ay."agencyId" = ag."id" AND ay."campaignYearId" = cy."id"
  WHERE ag."communeId" = $1::uuid
), unmet AS (
  SELECT u.code, COUNT(*)::int AS count FROM "Assessment" s JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId" JOIN cy ON rv."campaignYearId" = cy."id"
  CROSS JOIN LATERAL unnest(s."unmetCodes") AS u(code) GROUP BY u.code
), exclusions AS (
  SELECT x.code::text AS code, COUNT(*)::int AS count FROM "Assessment" s JOIN "HamletReview" rv ON rv."id" = s."hamletReviewId" JOIN cy ON rv."campaignYearId" = cy."id"
  CROSS JOIN LATERAL unnest(s."exclusions") AS x(code) GROUP BY x.code
), years AS (
  SELECT y."year",
    (SELECT COUNT(*)::int FROM "TitleAward" a JOIN "Household" h ON h."id" = a."householdId" AND h."status" = 'ACTIVE'
      JOIN "Decision" d ON d."id" = a."decisionId" AND d."status" = 'ISSUED' WHERE a."campaignYearId" = y."id" AND a."status" = 'ACTIVE') AS households,
    (SELECT COUNT(*)::int FROM "HamletAward" ha JOIN "Hamlet" h ON h."id" = ha."hamletId" AND h."communeId" = y."communeId"
      JOIN "Decision" d ON d."id" = ha."decisionId" AND d."status" = 'ISSUED' WHERE ha."campaignYearId" = y."id" AND ha."status" = 'ACTIVE') AS hamlets,
    (SELECT COUNT(*)::int FROM "AgencyYear" ay JOIN "Agency" ag ON ag."id" = ay."agencyId" AND ag."communeId" = y."communeId"
      WHERE ay."campaignYearId" = y."id" AND ay."result" = 'ACHIEVED') AS agencies
  FROM "CampaignYear" y WHERE y."communeId" = $1::uuid
)
SELECT json_build_object(
  'byHamlet', (SELECT json_agg(json_build_object('id', h."id", 'name', h."name", 'total', COALESCE(p.total, 0), 'registered', COALESCE(p.registered, 0),
      'recognised', COALESCE(p.recognised, 0), 'provisional', COALESCE(p.provisional, 0)) ORDER BY h."name" COLLATE "vi-x-icu")
    FROM "Hamlet" h LEFT JOIN per_hamlet p ON p."hamletId" = h."id" WHERE h."communeId" = $1::uuid),
  'reviews', (SELECT json_agg(reviews) FROM reviews),
  'titles', (SELECT json_agg(titles) FROM titles),
  'hamletTitles', (SELECT json_build_object('total', COUNT(*), 'registered', COUNT(*) FILTER (WHERE "registeredOn" IS NOT NULL),
      'recognised', COUNT(*) FILTER (WHERE "awardStatus" = 'ACTIVE' AND "decisionStatus" = 'ISSUED'),
      'provisional', COUNT(*) FILTER (WHERE "result" = 'ACHIEVED' AND "awardStatus" IS NULL)) FROM titles),
  'agencies', (SELECT row_to_json(agencies) FROM agencies),
  'council', (SELECT json_build_object('status', c."status", 'meetingDate', c."meetingDate", 'noticeEndsOn', c."noticeEndsOn") FROM "CouncilReview" c JOIN cy ON c."campaignYearId" = cy."id"),
  'unmet', (SELECT json_agg(unmet) FROM unmet),
  'exclusions', (SELECT json_agg(exclusions) FROM exclusions),
  'criteria', (SELECT json_agg(json_build_object('code', c."code", 'text', c."text", 'kind', c."kind", 'category', c."category", 'position', c."position"))
    FROM "Criterion" c JOIN cy ON c."criteriaSetId" = cy."criteriaSetId"),
  'years', (SELECT json_agg(years ORDER BY "year") FROM years),
  'targets', (SELECT json_build_object('households', "targetHouseholdsPct", 'hamlets', "targetHamletsPct", 'agencies', "targetAgenciesPct",
    'meetingDeadline', "meetingDeadline", 'reviewDeadline', "reviewDeadline") FROM cy)
) AS figures`;

/** Every commune of a province with its three rates for a year ($1 province, $2 year). */
export const PROVINCE_FLOOR_SQL = `
WITH cy AS (
  SELECT y."id", y."communeId" FROM "CampaignYear" y JOIN "Commune" c ON c."id" = y."communeId"
  WHERE c."province" = $1 AND c."validTo" IS NULL AND y."year" = $2::int
), households AS (
  SELECT h."communeId", COUNT(*)::int AS total,
    COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "TitleAward" a JOIN "Decision" d ON d."id" = a."decisionId" AND d."status" = 'ISSUED'
      WHERE a."householdId" = h."id" AND a."campaignYearId" = cy."id" AND a."status" = 'ACTIVE'))::int AS recognised
  FROM "Household" h JOIN cy ON cy."communeId" = h."communeId" WHERE h."status" = 'ACTIVE' GROUP BY h."communeId"
), hamlets AS (
  SELECT h."communeId", COUNT(*)::int AS total, COUNT(ha."id") FILTER (WHERE ha."status" = 'ACTIVE' AND d."status" = 'ISSUED')::int AS recognised
  FROM "Hamlet" h JOIN cy ON cy."communeId" = h."communeId"
  LEFT JOIN "HamletAward" ha ON ha."hamletId" = h."id" AND ha."campaignYearId" = cy."id" LEFT JOIN "Decision" d ON d."id" = ha."decisionId"
  GROUP BY h."communeId"
), agencies AS (
  SELECT ag."communeId", COUNT(*)::int AS total, COUNT(*) FILTER (WHERE ay."result" = 'ACHIEVED')::int AS recognised
  FROM "Agency" ag JOIN cy ON cy."communeId" = ag."communeId" LEFT JOIN "AgencyYear" ay ON ay."agencyId" = ag."id" AND ay."campaignYearId" = cy."id"
  GROUP BY ag."communeId"
)
SELECT c."id", c."name", COALESCE(h.total, 0) AS "householdsTotal", COALESCE(h.recognised, 0) AS "householdsRecognised",
  COALESCE(m.total, 0) AS "hamletsTotal", COALESCE(m.recognised, 0) AS "hamletsRecognised",
  COALESCE(a.total, 0) AS "agenciesTotal", COALESCE(a.recognised, 0) AS "agenciesRecognised"
FROM "Commune" c JOIN cy ON cy."communeId" = c."id"
LEFT JOIN households h ON h."communeId" = c."id" LEFT JOIN hamlets m ON m."communeId" = c."id" LEFT JOIN agencies a ON a."communeId" = c."id"
ORDER BY c."name" COLLATE "vi-x-icu"`;
