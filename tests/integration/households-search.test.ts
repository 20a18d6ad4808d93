import { beforeEach, describe, expect, it } from "vitest";
import { listHouseholds } from "@/lib/households/queries";
import { PAGE_SIZE } from "@/lib/paging";
import { makeHousehold, makeWorld, resetDb, type World } from "../factories";

let w: World;
beforeEach(async () => {
  await resetDb();
  w = await makeWorld();
});

describe("accent-insensitive search", () => {
  beforeEach(async () => {
    await makeHousehold(w.hamletA, { headName: "Nguyễn Văn A", address: "Tổ 1", phone: "0912345678" });
    await makeHousehold(w.hamletA, { headName: "Đinh Thị B", address: "Tổ 2" });
    await makeHousehold(w.hamletB, { headName: "Trần Văn C", address: "Đồng Tâm" });
  });

  const names = async (q: string) => (await listHouseholds(w.actors.officer, { page: 1, q })).items.map((r) => r.headName).sort();

  it.each([
    ["nguyen van a", ["Nguyễn Văn A"]],
    ["NGUYỄN", ["Nguyễn Văn A"]],
    ["Nguyễn Văn A".normalize("NFD"), ["Nguyễn Văn A"]],
    ["ĐINH", ["Đinh Thị B"]],
    ["dinh thi", ["Đinh Thị B"]],
    ["dinh", ["Đinh Thị B"]],
    ["dong tam", ["Trần Văn C"]], // the address is searched too
    ["  van   ", ["Nguyễn Văn A", "Trần Văn C"]],
    ["0912345678", ["Nguyễn Văn A"]],
    ["lê văn", []],
  ])("%j finds %j", async (q, expected) => {
    expect(await names(q)).toEqual([...expected].sort());
  });

  it("combines the search with the hamlet filter", async () => {
    const page = await listHouseholds(w.actors.officer, { page: 1, q: "van", hamletId: w.hamletB.id });
    expect(page.items.map((r) => r.headName)).toEqual(["Trần Văn C"]);
    expect(page.total).toBe(1);
  });
});

describe("paging", () => {
  const ROWS = 45;
  beforeEach(async () => {
    for (let i = 1; i <= ROWS; i++) {
      await makeHousehold(w.hamletA, { headName: `Hộ Số ${String(i).padStart(2, "0")}`, members: [{ fullName: `Con ${i}`, relationship: "CHILD" }] });
    }
  });

  it(`splits ${ROWS} households into pages of ${PAGE_SIZE}`, async () => {
    expect(PAGE_SIZE).toBe(20);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listHouseholds(w.actors.officer, { page })));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5, 0]);
    for (const [i, p] of pages.entries()) expect(p).toMatchObject({ page: i + 1, total: ROWS, pageCount: 3, pageSize: 20 });

    // In name order, with no row on two pages and none missing.
    const all = pages.flatMap((p) => p.items);
    expect(new Set(all.map((r) => r.id)).size).toBe(ROWS);
    expect(all.map((r) => r.headName)).toEqual(Array.from({ length: ROWS }, (_, i) => `Hộ Số ${String(i + 1).padStart(2, "0")}`));
    expect(all.every((r) => r.memberCount === 2 && r.hamletName === w.hamletA.name)).toBe(true);
  });

  it("counts only what the filter matches", async () => {
    const page = await listHouseholds(w.actors.officer, { page: 1, q: "ho so 4" });
    expect(page.items.map((r) => r.headName)).toEqual(["Hộ Số 40", "Hộ Số 41", "Hộ Số 42", "Hộ Số 43", "Hộ Số 44", "Hộ Số 45"]);
    expect(page).toMatchObject({ total: 6, pageCount: 1 });
  });

  it("reports one (empty) page when nothing matches", async () => {
    expect(await listHouseholds(w.actors.officer, { page: 1, q: "không có ai" })).toEqual({ items: [], total: 0, page: 1, pageCount: 1, pageSize: 20 });
  });
});
