import { secretProblem } from "@/lib/auth/secret";

/** Stops a production server at start-up when NEXTAUTH_SECRET is missing or too short, saying why. */
export function refuseToServeWithoutSecret(): void {
  // `next build` loads the app without the production secret; only a running server needs it.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const problem = secretProblem(process.env);
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
