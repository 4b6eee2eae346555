import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** The session version at sign-in; a bump in the database ends every older session. */
    sv?: number;
    /** A random id per sign-in: what a view-as claim is bound to, so it never outlives this session. */
    sid?: string;
  }
}
