// What a bulk load must do after COPY with triggers off: rebuild what the triggers maintain, refresh statistics.

import type pg from "pg";

export async function afterLoad(client: pg.ClientBase): Promise<void> {
  const rebuild = await client.query(`SELECT to_regproc('public.rebuild_summaries') AS f`);
  if (rebuild.rows[0]?.f) await client.query("SELECT rebuild_summaries()");
  await client.query("ANALYZE");
}
