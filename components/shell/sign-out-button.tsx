"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { stopViewAs } from "@/lib/view-as/actions";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        // A "View as" in progress ends with the session (and is recorded), so it never resumes at the next sign-in.
        await stopViewAs({}).catch(() => undefined);
        await signOut({ callbackUrl: "/login" });
      }}
      className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
      title="Sign out"
      aria-label="Sign out"
    >
      <LogOut className="h-4 w-4" aria-hidden />
    </button>
  );
}
