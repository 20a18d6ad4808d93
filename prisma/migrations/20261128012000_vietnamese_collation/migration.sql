-- Names sort the Vietnamese way (Đ after D, tones after the bare letter), whatever the database's default locale.
ALTER TABLE "Hamlet" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-x-icu";
ALTER TABLE "Household" ALTER COLUMN "headName" TYPE TEXT COLLATE "vi-x-icu";
ALTER TABLE "HouseholdMember" ALTER COLUMN "fullName" TYPE TEXT COLLATE "vi-x-icu";
ALTER TABLE "Agency" ALTER COLUMN "name" TYPE TEXT COLLATE "vi-x-icu";
ALTER TABLE "User" ALTER COLUMN "fullName" TYPE TEXT COLLATE "vi-x-icu";
