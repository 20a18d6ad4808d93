import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MSG, run } from "@/lib/result";
import { makeCommune, makeHamlet, resetDb } from "../factories";

// Two use cases that lock the same rows in opposite order: PostgreSQL aborts one of them. The user of that one must
// read "try again" (nothing was written), never the generic internal error.

let a: { id: string };
let b: { id: string };

beforeAll(async () => {
  await resetDb();
  const commune = await makeCommune();
  [a, b] = [await makeHamlet(commune.id), await makeHamlet(commune.id)];
});

function lockBoth(first: string, second: string, gate: Promise<void>, arrived: () => void) {
  return run(() => db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Hamlet" SET "version" = "version" + 1 WHERE "id" = ${first}::uuid`;
    arrived();
    await gate;
    await tx.$executeRaw`UPDATE "Hamlet" SET "version" = "version" + 1 WHERE "id" = ${second}::uuid`;
  }));
}

describe("a deadlock between two transactions", () => {
  it("ends one of them with CONFLICT and the retry message, the other commits", async () => {
    let arrivals = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const arrived = () => {
      if (++arrivals === 2) open();
    };
    const results = await Promise.all([lockBoth(a.id, b.id, gate, arrived), lockBoth(b.id, a.id, gate, arrived)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "CONFLICT", message: MSG.busy });
    const versions = await db.hamlet.findMany({ where: { id: { in: [a.id, b.id] } }, select: { version: true } });
    expect(versions.map((v) => v.version)).toEqual([2, 2]);
  });
});
