-- The year-over-year figures read a commune's awards by campaign year: without this index PostgreSQL scanned every
-- award of every commune (540 ms for one commune's dashboard in a province of 250,000 households; 25 ms with it).
CREATE INDEX "TitleAward_campaignYearId_status_idx" ON "TitleAward"("campaignYearId", "status");

-- CreateTable
CREATE TABLE "HamletYearSummary" (
    "hamletId" UUID NOT NULL,
    "campaignYearId" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "registered" INTEGER NOT NULL DEFAULT 0,
    "recognised" INTEGER NOT NULL DEFAULT 0,
    "provisional" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HamletYearSummary_pkey" PRIMARY KEY ("hamletId","campaignYearId")
);

-- CreateIndex
CREATE INDEX "HamletYearSummary_campaignYearId_idx" ON "HamletYearSummary"("campaignYearId");

-- CreateIndex
CREATE INDEX "HamletYearSummary_communeId_year_idx" ON "HamletYearSummary"("communeId", "year");

-- Recomputes the summaries of the given (hamlet, campaign year) pairs from the raw rows, with the definitions of
-- lib/dashboard/figures.ts. The rows are locked first, in one fixed order: a concurrent writer of the same hamlet
-- waits here until the other commits, and the recount that follows (a new statement, so a new snapshot under READ
-- COMMITTED) sees both changes. Counting (not adding deltas) keeps the EXISTS semantics exact: a household counts once
-- however many rows it has.
CREATE FUNCTION refresh_hamlet_year_summaries(p_hamlets uuid[], p_years uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_hamlets, 1), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "HamletYearSummary" ("hamletId", "campaignYearId", "communeId", "year")
  SELECT DISTINCT t.h, t.y, cy."communeId", cy."year"
  FROM unnest(p_hamlets, p_years) AS t(h, y) JOIN "CampaignYear" cy ON cy."id" = t.y
  ORDER BY t.h, t.y
  ON CONFLICT DO NOTHING;

  PERFORM 1 FROM "HamletYearSummary" s
  WHERE (s."hamletId", s."campaignYearId") IN (SELECT t.h, t.y FROM unnest(p_hamlets, p_years) AS t(h, y))
  ORDER BY s."hamletId", s."campaignYearId"
  FOR UPDATE;

  UPDATE "HamletYearSummary" s
  SET "registered" = c.registered, "recognised" = c.recognised, "provisional" = c.provisional
  FROM (
    SELECT t.h, t.y,
      COUNT(hh."id") FILTER (WHERE EXISTS (
        SELECT 1 FROM "Registration" r WHERE r."householdId" = hh."id" AND r."campaignYearId" = t.y
      ))::int AS registered,
      COUNT(hh."id") FILTER (WHERE EXISTS (
        SELECT 1 FROM "TitleAward" a JOIN "Decision" d ON d."id" = a."decisionId" AND d."status" = 'ISSUED'
        WHERE a."householdId" = hh."id" AND a."campaignYearId" = t.y AND a."status" = 'ACTIVE'
      ))::int AS recognised,
      COUNT(hh."id") FILTER (WHERE EXISTS (
        SELECT 1 FROM "Assessment" x JOIN "HamletReview" rv ON rv."id" = x."hamletReviewId"
        WHERE x."householdId" = hh."id" AND rv."campaignYearId" = t.y AND rv."status" <> 'DECIDED' AND x."result" = 'ACHIEVED'
      ) AND NOT EXISTS (
        SELECT 1 FROM "TitleAward" a WHERE a."householdId" = hh."id" AND a."campaignYearId" = t.y
      ))::int AS provisional
    FROM (SELECT DISTINCT h, y FROM unnest(p_hamlets, p_years) AS u(h, y)) t
    LEFT JOIN "Household" hh ON hh."hamletId" = t.h AND hh."status" = 'ACTIVE'
    GROUP BY t.h, t.y
  ) c
  WHERE s."hamletId" = c.h AND s."campaignYearId" = c.y;
END;
$$;

-- Every summary from scratch (after a bulk load or restore with triggers off, or to repair).
CREATE FUNCTION rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "HamletYearSummary" IN EXCLUSIVE MODE;
  DELETE FROM "HamletYearSummary";
  INSERT INTO "HamletYearSummary" ("hamletId", "campaignYearId", "communeId", "year", "registered", "recognised", "provisional")
  SELECT h."id", cy."id", cy."communeId", cy."year",
    COUNT(*) FILTER (WHERE EXISTS (
      SELECT 1 FROM "Registration" r WHERE r."householdId" = hh."id" AND r."campaignYearId" = cy."id"
    ))::int,
    COUNT(*) FILTER (WHERE EXISTS (
      SELECT 1 FROM "TitleAward" a JOIN "Decision" d ON d."id" = a."decisionId" AND d."status" = 'ISSUED'
      WHERE a."householdId" = hh."id" AND a."campaignYearId" = cy."id" AND a."status" = 'ACTIVE'
    ))::int,
    COUNT(*) FILTER (WHERE EXISTS (
      SELECT 1 FROM "Assessment" x JOIN "HamletReview" rv ON rv."id" = x."hamletReviewId"
      WHERE x."householdId" = hh."id" AND rv."campaignYearId" = cy."id" AND rv."status" <> 'DECIDED' AND x."result" = 'ACHIEVED'
    ) AND NOT EXISTS (
      SELECT 1 FROM "TitleAward" a WHERE a."householdId" = hh."id" AND a."campaignYearId" = cy."id"
    ))::int
  FROM "Household" hh
  JOIN "Hamlet" h ON h."id" = hh."hamletId"
  JOIN "CampaignYear" cy ON cy."communeId" = h."communeId"
  WHERE hh."status" = 'ACTIVE'
  GROUP BY h."id", cy."id";
END;
$$;

-- ---- Triggers: each statement that changes what a figure counts refreshes the pairs it touched ----------------

-- Registrations and awards: the pair is the household's hamlet and the row's campaign year.
CREATE FUNCTION summaries_by_household_year() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hamlets uuid[];
  years uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(hh."hamletId"), array_agg(n."campaignYearId") INTO hamlets, years
    FROM (SELECT DISTINCT "householdId", "campaignYearId" FROM new_rows) n JOIN "Household" hh ON hh."id" = n."householdId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(hh."hamletId"), array_agg(o."campaignYearId") INTO hamlets, years
    FROM (SELECT DISTINCT "householdId", "campaignYearId" FROM old_rows) o JOIN "Household" hh ON hh."id" = o."householdId";
  ELSE
    SELECT array_agg(hh."hamletId"), array_agg(b."campaignYearId") INTO hamlets, years
    FROM (SELECT "householdId", "campaignYearId" FROM new_rows UNION SELECT "householdId", "campaignYearId" FROM old_rows) b
    JOIN "Household" hh ON hh."id" = b."householdId";
  END IF;
  PERFORM refresh_hamlet_year_summaries(hamlets, years);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Registration_summaries_insert" AFTER INSERT ON "Registration"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_household_year();
CREATE TRIGGER "Registration_summaries_update" AFTER UPDATE ON "Registration"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_household_year();
CREATE TRIGGER "Registration_summaries_delete" AFTER DELETE ON "Registration"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_household_year();

CREATE TRIGGER "TitleAward_summaries_insert" AFTER INSERT ON "TitleAward"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_household_year();
CREATE TRIGGER "TitleAward_summaries_update" AFTER UPDATE ON "TitleAward"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_household_year();
CREATE TRIGGER "TitleAward_summaries_delete" AFTER DELETE ON "TitleAward"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_household_year();

-- Assessments: the household's hamlet and the review's campaign year.
CREATE FUNCTION summaries_by_assessment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hamlets uuid[];
  years uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(hh."hamletId"), array_agg(rv."campaignYearId") INTO hamlets, years
    FROM (SELECT DISTINCT "householdId", "hamletReviewId" FROM new_rows) n
    JOIN "Household" hh ON hh."id" = n."householdId" JOIN "HamletReview" rv ON rv."id" = n."hamletReviewId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(hh."hamletId"), array_agg(rv."campaignYearId") INTO hamlets, years
    FROM (SELECT DISTINCT "householdId", "hamletReviewId" FROM old_rows) o
    JOIN "Household" hh ON hh."id" = o."householdId" JOIN "HamletReview" rv ON rv."id" = o."hamletReviewId";
  ELSE
    SELECT array_agg(hh."hamletId"), array_agg(rv."campaignYearId") INTO hamlets, years
    FROM (SELECT "householdId", "hamletReviewId" FROM new_rows UNION SELECT "householdId", "hamletReviewId" FROM old_rows) b
    JOIN "Household" hh ON hh."id" = b."householdId" JOIN "HamletReview" rv ON rv."id" = b."hamletReviewId";
  END IF;
  PERFORM refresh_hamlet_year_summaries(hamlets, years);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Assessment_summaries_insert" AFTER INSERT ON "Assessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_assessment();
CREATE TRIGGER "Assessment_summaries_update" AFTER UPDATE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_assessment();
CREATE TRIGGER "Assessment_summaries_delete" AFTER DELETE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_assessment();

-- A review that becomes (or stops being) DECIDED moves its ACHIEVED households out of (or into) "provisional".
CREATE FUNCTION summaries_by_review() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hamlets uuid[];
  years uuid[];
BEGIN
  SELECT array_agg(hh."hamletId"), array_agg(p.y) INTO hamlets, years
  FROM (
    SELECT DISTINCT x."householdId", n."campaignYearId" AS y
    FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "Assessment" x ON x."hamletReviewId" = n."id"
    WHERE n."status" IS DISTINCT FROM o."status" OR n."campaignYearId" IS DISTINCT FROM o."campaignYearId"
  ) p JOIN "Household" hh ON hh."id" = p."householdId";
  PERFORM refresh_hamlet_year_summaries(hamlets, years);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "HamletReview_summaries_update" AFTER UPDATE ON "HamletReview"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_review();

-- A decision that becomes (or stops being) ISSUED turns its awards into (or out of) "recognised".
CREATE FUNCTION summaries_by_decision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hamlets uuid[];
  years uuid[];
BEGIN
  SELECT array_agg(hh."hamletId"), array_agg(p.y) INTO hamlets, years
  FROM (
    SELECT DISTINCT a."householdId", a."campaignYearId" AS y
    FROM new_rows n JOIN old_rows o ON o."id" = n."id" JOIN "TitleAward" a ON a."decisionId" = n."id"
    WHERE n."status" IS DISTINCT FROM o."status"
  ) p JOIN "Household" hh ON hh."id" = p."householdId";
  PERFORM refresh_hamlet_year_summaries(hamlets, years);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Decision_summaries_update" AFTER UPDATE ON "Decision"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_decision();

-- A household that leaves ACTIVE, comes back, or moves to another hamlet changes what both hamlets count, in every
-- campaign year of its commune. (New households count nothing yet: no registration or result can exist before them.)
CREATE FUNCTION summaries_by_household() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hamlets uuid[];
  years uuid[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(p.h), array_agg(p.y) INTO hamlets, years
    FROM (SELECT DISTINCT o."hamletId" AS h, cy."id" AS y FROM old_rows o JOIN "CampaignYear" cy ON cy."communeId" = o."communeId") p;
  ELSE
    SELECT array_agg(p.h), array_agg(p.y) INTO hamlets, years
    FROM (
      SELECT DISTINCT side.h, cy."id" AS y
      FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      CROSS JOIN LATERAL (VALUES (o."hamletId"), (n."hamletId")) AS side(h)
      JOIN "CampaignYear" cy ON cy."communeId" IN (o."communeId", n."communeId")
      WHERE n."status" IS DISTINCT FROM o."status" OR n."hamletId" IS DISTINCT FROM o."hamletId"
    ) p;
  END IF;
  PERFORM refresh_hamlet_year_summaries(hamlets, years);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Household_summaries_update" AFTER UPDATE ON "Household"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_household();
CREATE TRIGGER "Household_summaries_delete" AFTER DELETE ON "Household"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summaries_by_household();

-- Databases that already hold data start with correct summaries.
SELECT rebuild_summaries();
