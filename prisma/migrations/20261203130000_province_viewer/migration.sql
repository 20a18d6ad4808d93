-- A province-level viewer (Sở Văn hóa, Thể thao và Du lịch) reads every commune's rates; they belong to a province,
-- not to a commune.
ALTER TYPE "Role" ADD VALUE 'PROVINCE';

-- AlterTable
ALTER TABLE "User" ADD COLUMN "province" TEXT,
ALTER COLUMN "communeId" DROP NOT NULL;

-- AlterForeignKey (an optional relation: Prisma's default is SET NULL)
ALTER TABLE "User" DROP CONSTRAINT "User_communeId_fkey";
ALTER TABLE "User" ADD CONSTRAINT "User_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Exactly the PROVINCE viewers have no commune, and only they name a province. (A trigger rather than a CHECK: the
-- new enum value cannot be used in this transaction, and Prisma's describer cannot read such a CHECK.)
CREATE FUNCTION user_commune_or_province() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."role"::text = 'PROVINCE' THEN
    IF NEW."communeId" IS NOT NULL OR NEW."hamletId" IS NOT NULL OR coalesce(NEW."province", '') = '' THEN
      RAISE EXCEPTION 'A PROVINCE user has a province and no commune or hamlet' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NEW."communeId" IS NULL OR NEW."province" IS NOT NULL THEN
    RAISE EXCEPTION 'A % user belongs to a commune, not to a province', NEW."role" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "User_commune_or_province"
  BEFORE INSERT OR UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION user_commune_or_province();
