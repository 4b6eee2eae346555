import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** The session version at sign-in; a bump in the database ends every older session. */
    sv?: number;
  }
}
