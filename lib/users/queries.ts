import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageArgs, toPage, type Page } from "@/lib/paging";
import { userScope, type Actor, type Role } from "@/lib/policy";
import { isUuid, searchTerm } from "@/lib/text";

export type UserFilters = { q?: string; page: number };

export type UserRow = {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  hamletName: string | null;
  isActive: boolean;
  lastLoginAt: Date | null;
};

/** The commune's accounts, by username; q matches the username or the full name, ignoring accents and case. */
export async function listUsers(actor: Actor, filters: UserFilters): Promise<Page<UserRow>> {
  const q = searchTerm(filters.q);
  const where: Prisma.UserWhereInput = {
    ...userScope(actor),
    ...(q ? { searchText: { contains: q } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ username: "asc" }],
      ...pageArgs(filters.page),
      select: { id: true, username: true, fullName: true, role: true, isActive: true, lastLoginAt: true, hamlet: { select: { name: true } } },
    }),
    db.user.count({ where }),
  ]);
  return toPage(
    rows.map((r) => ({
      id: r.id, username: r.username, fullName: r.fullName, role: r.role, isActive: r.isActive, lastLoginAt: r.lastLoginAt,
      hamletName: r.role === "HAMLET_HEAD" ? (r.hamlet?.name ?? null) : null,
    })),
    total,
    filters.page,
  );
}

/** One account of the actor's commune, or null when it does not exist or lies outside the actor's scope. */
export async function getUser(actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  return db.user.findFirst({
    where: { id, ...userScope(actor) },
    select: {
      id: true, username: true, fullName: true, role: true, hamletId: true, isActive: true, lastLoginAt: true, createdAt: true, updatedAt: true,
      hamlet: { select: { id: true, name: true } },
    },
  });
}
export type UserDetail = NonNullable<Awaited<ReturnType<typeof getUser>>>;
