import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// The sign-in endpoint itself: the one route handler that is not built with authorizedRoute, because it
// is where a viewer comes from. Its inputs are zod-validated in authOptions.authorize.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
