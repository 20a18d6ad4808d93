-- Issued decisions cannot change silently: the database itself refuses what the services never do, so a bug, a
-- stray script or someone holding the application's credentials cannot rewrite a legal decision. The one way to undo
-- an award is the documented one: issue a cancellation decision, which marks the award CANCELLED (never deleted).
--
-- Every function pins its search_path (pg_temp last): a session cannot shadow a table or function the triggers use
-- with a temporary or public object of its own.
--
-- Refusals carry vanhoa's own SQLSTATEs (class "VH"), which lib/result.ts run() turns into Vietnamese messages:
--   VH001  an issued decision, one of its awards or its cancellation items was to change
--   VH002  the audit log is append-only

-- Whether a row version was written by the current (top-level) transaction: its xmin is this transaction's id.
-- This is what "being issued" means for the triggers below: the DRAFT → ISSUED update of a decision and the changes
-- it makes commit together, so only the transaction that issued a decision may apply it. (Written through text so
-- it works on PostgreSQL 13 and later; xid8 → xid has no cast before 16.)
CREATE FUNCTION vanhoa_written_by_current_tx(row_xmin xid) RETURNS boolean LANGUAGE sql VOLATILE
  SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT row_xmin = ((pg_current_xact_id()::text::numeric % 4294967296)::bigint)::text::xid
$$;

-- A decision may be edited, discarded and issued while it is a DRAFT (issuing is the DRAFT → ISSUED update, allowed
-- once); an ISSUED decision refuses every UPDATE and DELETE.
CREATE FUNCTION decision_issued_frozen() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF OLD."status" = 'ISSUED' THEN
    RAISE EXCEPTION 'Decision % is issued: % refused; issue a cancellation decision instead', OLD."id", TG_OP
      USING ERRCODE = 'VH001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Decision_issued_frozen"
  BEFORE UPDATE OR DELETE ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION decision_issued_frozen();

-- Awards (TitleAward, HamletAward) are never deleted, and change only by the cancellation path: ACTIVE → CANCELLED
-- with cancelDecisionId and cancelledAt set, nothing else changing, by a CANCELLATION decision of the same commune and
-- title that names the award in its items and is being issued in this very transaction.
CREATE FUNCTION award_frozen() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  cancelling record;
  subject text := CASE TG_TABLE_NAME WHEN 'TitleAward' THEN 'HOUSEHOLD' ELSE 'HAMLET' END;
  unchanged text[] := ARRAY['status', 'cancelDecisionId', 'cancelledAt'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% % belongs to an issued decision: DELETE refused; issue a cancellation decision instead', TG_TABLE_NAME, OLD."id"
      USING ERRCODE = 'VH001';
  END IF;
  IF OLD."status" = 'ACTIVE' AND NEW."status" = 'CANCELLED'
     AND OLD."cancelDecisionId" IS NULL AND OLD."cancelledAt" IS NULL
     AND NEW."cancelDecisionId" IS NOT NULL AND NEW."cancelledAt" IS NOT NULL
     AND (to_jsonb(NEW) - unchanged) = (to_jsonb(OLD) - unchanged) THEN
    SELECT d."kind", d."status", d."subject", d."communeId", d.xmin AS row_xmin INTO cancelling
      FROM "Decision" d WHERE d."id" = NEW."cancelDecisionId";
    IF FOUND AND cancelling."kind" = 'CANCELLATION' AND cancelling."status" = 'ISSUED'
       AND cancelling."subject"::text = subject AND cancelling."communeId" = NEW."communeId"
       AND vanhoa_written_by_current_tx(cancelling.row_xmin)
       AND EXISTS (
         SELECT 1 FROM "CancellationItem" i
         WHERE i."decisionId" = NEW."cancelDecisionId"
           AND (CASE WHEN subject = 'HOUSEHOLD' THEN i."awardId" ELSE i."hamletAwardId" END) = NEW."id"
       ) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% % belongs to an issued decision: UPDATE refused; only issuing a cancellation decision naming it may cancel it', TG_TABLE_NAME, OLD."id"
    USING ERRCODE = 'VH001';
END;
$$;

CREATE TRIGGER "TitleAward_frozen"
  BEFORE UPDATE OR DELETE ON "TitleAward"
  FOR EACH ROW EXECUTE FUNCTION award_frozen();

CREATE TRIGGER "HamletAward_frozen"
  BEFORE UPDATE OR DELETE ON "HamletAward"
  FOR EACH ROW EXECUTE FUNCTION award_frozen();

-- What a cancellation decision names is part of the decision: once it is issued its items change no more. An item
-- may still be added in the transaction that writes the issued decision (an upper body's decision recorded at once,
-- or the demo seed).
CREATE FUNCTION cancellation_item_frozen() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  decision record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT d."status" INTO decision FROM "Decision" d WHERE d."id" = OLD."decisionId";
    IF FOUND AND decision."status" = 'ISSUED' THEN
      RAISE EXCEPTION 'CancellationItem % belongs to issued decision %: % refused', OLD."id", OLD."decisionId", TG_OP
        USING ERRCODE = 'VH001';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT d."status", d.xmin AS row_xmin INTO decision FROM "Decision" d WHERE d."id" = NEW."decisionId";
    IF FOUND AND decision."status" = 'ISSUED' AND NOT vanhoa_written_by_current_tx(decision.row_xmin) THEN
      RAISE EXCEPTION 'Decision % is issued: adding a CancellationItem refused', NEW."decisionId"
        USING ERRCODE = 'VH001';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "CancellationItem_frozen"
  BEFORE INSERT OR UPDATE OR DELETE ON "CancellationItem"
  FOR EACH ROW EXECUTE FUNCTION cancellation_item_frozen();

-- The audit log's refusal gets vanhoa's own SQLSTATE too (the message is unchanged).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP USING ERRCODE = 'VH002';
END;
$$;
