import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";

/** The actor's commune (name and kind), for the header and document titles. */
export const getActorCommune = cache(async (actor: Actor) =>
  db.commune.findUnique({ where: { id: actor.communeId }, select: { id: true, name: true, kind: true, district: true, province: true } }),
);
