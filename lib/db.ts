import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process, created on first use (the build imports this module without a database);
// `next dev` reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { vanhoaDb?: PrismaClient };

function client(): PrismaClient {
  if (globalForDb.vanhoaDb) return globalForDb.vanhoaDb;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (start the app with `npm start`).");
  globalForDb.vanhoaDb = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10) }) });
  return globalForDb.vanhoaDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
