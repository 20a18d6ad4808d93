import { z } from "@/lib/zod";
import { ROLES } from "@/lib/policy";
import { choice, requiredText } from "@/lib/validation";
import { PASSWORD_MAX, PASSWORD_MIN, USER_MSG, USERNAME_MAX, USERNAME_MIN } from "./labels";
import { isUuid } from "@/lib/text";

export const USERNAME_PATTERN = new RegExp(`^[a-z0-9._-]{${USERNAME_MIN},${USERNAME_MAX}}$`);

// Sign-in lower-cases what is typed, so store usernames lower-cased too.
const username = z
  .string({ error: USER_MSG.usernameRequired })
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.string().min(1, { error: USER_MSG.usernameRequired, abort: true }).regex(USERNAME_PATTERN, USER_MSG.usernameFormat));

// argon2id reads the whole password; the cap (ASVS 2.1.2: at least 64 allowed, at most 128) keeps hashing bounded.
const password = z
  .string({ error: USER_MSG.passwordRequired })
  .min(1, USER_MSG.passwordRequired)
  .min(PASSWORD_MIN, USER_MSG.passwordTooShort)
  .max(PASSWORD_MAX, USER_MSG.passwordTooLong);

const profile = {
  fullName: requiredText("họ và tên", 100),
  role: choice(ROLES, USER_MSG.roleRequired),
  hamletId: z
    .string()
    .optional()
    .transform((v) => v?.trim() || undefined),
};

type Issues = { addIssue: (issue: { code: "custom"; message: string; path: string[] }) => void };
// Cross-field checks also run when other fields failed, so every mistake shows at once.
const always = { when: () => true };

/** A hamlet head belongs to exactly one hamlet; every other role to none. */
function hamletMatchesRole(value: { role?: unknown; hamletId?: unknown }, ctx: Issues) {
  // `always` runs this on any input, also one that is not an object at all (the type issue is reported already).
  if (typeof value !== "object" || value === null) return;
  const hamletId = typeof value.hamletId === "string" && value.hamletId !== "" ? value.hamletId : undefined;
  if (value.role === "HAMLET_HEAD") {
    if (!hamletId) ctx.addIssue({ code: "custom", message: USER_MSG.hamletRequired, path: ["hamletId"] });
    else if (!isUuid(hamletId)) ctx.addIssue({ code: "custom", message: USER_MSG.hamletUnknown, path: ["hamletId"] });
  } else if (hamletId) {
    ctx.addIssue({ code: "custom", message: USER_MSG.hamletNotAllowed, path: ["hamletId"] });
  }
}

/** The confirmation must repeat the password exactly. */
function passwordsMatch(value: { password?: unknown; passwordConfirm?: unknown }, ctx: Issues) {
  if (typeof value !== "object" || value === null) return;
  if (typeof value.password === "string" && value.password !== "" && value.password !== value.passwordConfirm) {
    ctx.addIssue({ code: "custom", message: USER_MSG.passwordMismatch, path: ["passwordConfirm"] });
  }
}

const passwordPair = { password, passwordConfirm: z.string().optional() };

export const CreateUserInput = z
  .object({ username, ...profile, ...passwordPair })
  .superRefine(hamletMatchesRole, always)
  .superRefine(passwordsMatch, always);
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.object(profile).superRefine(hamletMatchesRole, always);
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetPasswordInput = z.object(passwordPair).superRefine(passwordsMatch, always);
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

