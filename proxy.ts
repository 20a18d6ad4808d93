import { withAuth } from "next-auth/middleware";

// Only sends anonymous visitors to the sign-in page; every page and action checks the actor itself.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|cong-khai|api/auth|api/documents|api/v1|api/household-imports|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
