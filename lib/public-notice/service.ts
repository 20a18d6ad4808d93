import "server-only";
import { createHmac } from "node:crypto";
import { recordPublicAudit } from "@/lib/audit";
import { todayInVietnam } from "@/lib/dates";
import { db } from "@/lib/db";
import { DomainError, MSG } from "@/lib/result";
import { isUuid } from "@/lib/text";
import { commentLimitHit, commentRefusal, COMMENT_LIMITS, NOTICE_MSG, noticeState } from "./rules";
import type { NoticeCommentInput } from "./schema";

// A resident's comment on the public "Xóm văn hóa" notice, sent without signing in. The comment, the rate-limit
// check and the audit row share one transaction; an advisory lock per sender and per notice serialises concurrent
// posts (the app may run several processes), so parallel requests cannot slip past a limit.

/** Only a keyed hash of the sender's address is kept, and only for the rate limit. */
export function ipHashOf(ip: string, secret: string = commentSecret()): string {
  return createHmac("sha256", secret).update(ip).digest("hex");
}

function commentSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret) return secret;
  // The app cannot sign sessions without it in production either; elsewhere a fixed key keeps development working.
  if (process.env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is not set.");
  return "vanhoa-development-only";
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Saves a comment on notice `councilReviewId` sent from `ip` at `now`. Refused (nothing written) when the notice is
 * not posted, its window is not open, the hamlet is not on its list, or the sender or the notice is over its limit.
 */
export async function submitNoticeComment(councilReviewId: string, input: NoticeCommentInput, ip: string, now: Date = new Date()): Promise<{ id: string }> {
  if (!isUuid(councilReviewId)) throw new DomainError("NOT_FOUND", MSG.notFound);
  const ipHash = ipHashOf(ip);
  return db.$transaction(async (tx) => {
    const notice = await tx.councilReview.findFirst({
      where: { id: councilReviewId, status: { not: "MEETING" } },
      select: {
        id: true, communeId: true, status: true, noticePostedOn: true, noticeEndsOn: true,
        entries: { where: { councilResult: "ACHIEVED" }, select: { hamletId: true } },
      },
    });
    if (!notice) throw new DomainError("NOT_FOUND", MSG.notFound);
    const refusal = commentRefusal(noticeState(notice, todayInVietnam(now)));
    if (refusal) throw new DomainError("RULE_VIOLATION", refusal);
    if (input.hamletId && !notice.entries.some((e) => e.hamletId === input.hamletId)) {
      throw new DomainError("INVALID_INPUT", NOTICE_MSG.hamletNotListed, { hamletId: [NOTICE_MSG.hamletNotListed] });
    }

    // Sender first, then notice: every transaction takes the two locks in the same order, so none deadlock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notice-comment:ip:${ipHash}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notice-comment:notice:${notice.id}`}))`;
    const since = new Date(now.getTime() - DAY_MS);
    const bySender = await tx.noticeComment.findMany({
      where: { ipHash, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: COMMENT_LIMITS.perIpDay.max,
      select: { createdAt: true },
    });
    const onNotice = await tx.noticeComment.findMany({
      where: { councilReviewId: notice.id, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: COMMENT_LIMITS.perNoticeDay.max,
      select: { createdAt: true },
    });
    const hit = commentLimitHit({ bySender: bySender.map((c) => c.createdAt), onNotice: onNotice.map((c) => c.createdAt) }, now);
    if (hit) {
      throw new DomainError("RULE_VIOLATION", hit.scope === "SENDER" ? NOTICE_MSG.tooManyFromSender(hit.retryAt) : NOTICE_MSG.tooManyOnNotice(hit.retryAt));
    }

    // The audit row keeps what the resident wrote, not the address hash.
    const data = { hamletId: input.hamletId ?? null, authorName: input.authorName ?? null, contact: input.contact ?? null, content: input.content };
    const comment = await tx.noticeComment.create({
      data: { ...data, councilReviewId: notice.id, communeId: notice.communeId, ipHash, createdAt: now },
      select: { id: true },
    });
    await recordPublicAudit(tx, notice.communeId, { action: "noticeComment.create", entityType: "NoticeComment", entityId: comment.id, after: data });
    return comment;
  });
}
