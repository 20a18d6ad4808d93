// A commune of the benchmark's own ("Xã Đo Đạc") for the cases that write: fresh hamlets and households for each
// timed run, so the reference commune the dashboard is timed on never changes.

import { randomUUID } from "node:crypto";
import type pg from "pg";
import { db } from "@/lib/db";
import { defaultYearColumns, ensureDefaultSets } from "@/lib/campaign/sets";
import { ACTOR_SELECT, actorOf, type Actor } from "@/lib/policy";
import { dedupeKeyOf, searchTextOf } from "@/lib/text";
import { CURRENT_YEAR } from "./generate";

export type Scratch = { communeId: string; yearId: string; officer: Actor };

const CODE = "BENCH";
const SCRATCH_PROVINCE = "Đo Đạc (dữ liệu đo)";

export async function scratchCommune(): Promise<Scratch> {
  const existing = await db.commune.findUnique({ where: { code: CODE }, select: { id: true } });
  const communeId = existing?.id ?? (await db.commune.create({
    // A province of its own: the benchmark's writes never count in Thái Nguyên's roll-up.
    data: { name: "Đo Đạc", code: CODE, province: SCRATCH_PROVINCE, validFrom: new Date(Date.UTC(2025, 6, 1)) }, select: { id: true },
  })).id;
  const year = await db.campaignYear.findUnique({ where: { communeId_year: { communeId, year: CURRENT_YEAR } }, select: { id: true } })
    ?? await db.$transaction(async (tx) => {
      const sets = await ensureDefaultSets(tx, communeId);
      return tx.campaignYear.create({
        data: {
          communeId, ruleSetId: sets.ruleSetId, criteriaSetId: sets.criteriaSetId, hamletCriteriaSetId: sets.hamletCriteriaSetId,
          agencyCriteriaSetId: sets.agencyCriteriaSetId, enterpriseCriteriaSetId: sets.enterpriseCriteriaSetId, ...defaultYearColumns(CURRENT_YEAR),
        },
        select: { id: true },
      });
    });
  const officer = actorOf(await db.user.upsert({
    where: { username: "canbo.dodac" },
    create: { communeId, username: "canbo.dodac", fullName: "Cán bộ đo đạc", passwordHash: "-", role: "OFFICER", searchText: "canbo.dodac" },
    update: {},
    select: ACTOR_SELECT,
  }))!;
  return { communeId, yearId: year.id, officer };
}

/** A new hamlet of the scratch commune with `count` active households, written in one statement each. */
export async function scratchHamlet(client: pg.ClientBase, scratch: Scratch, count: number): Promise<{ hamletId: string; householdIds: string[] }> {
  const hamletId = randomUUID();
  const name = `Xóm đo ${hamletId.slice(0, 8)}`;
  await client.query(
    `INSERT INTO "Hamlet" ("id", "communeId", "name", "searchText", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
    [hamletId, scratch.communeId, name, searchTextOf(name)],
  );
  const ids = Array.from({ length: count }, () => randomUUID());
  const names = ids.map((_, i) => `Hộ thử số ${i + 1}`);
  const address = `xóm ${name}`;
  await client.query(
    `INSERT INTO "Household" ("id", "communeId", "hamletId", "headName", "address", "searchText", "dedupeKey", "updatedAt")
     SELECT u.id, $2, $3, u.name, $4, u.search, u.key, now() FROM unnest($1::uuid[], $5::text[], $6::text[], $7::text[]) AS u(id, name, search, key)`,
    [ids, scratch.communeId, hamletId, address, names, names.map((n) => searchTextOf(n, address)), names.map((n) => dedupeKeyOf(n, address))],
  );
  return { hamletId, householdIds: ids };
}
