import { confirmExposuresInput } from "@/lib/isolation/schemas";
import { z } from "zod";
import { connectionStringProblem } from "./target-rules";

export const connectionString = z
  .string()
  .trim()
  .min(1, "Enter a connection string.")
  .max(2000, "The connection string is too long.")
  .superRefine((s, ctx) => {
    const problem = connectionStringProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const createIntegrationInput = z.object({
  name: z.string().trim().min(1, "Give the integration a name.").max(120, "A name is at most 120 characters."),
  connectionString,
  /** Omitted: General. Empty: no team (admins only until assigned). */
  teamIds: z.array(z.string().uuid("Not a valid id.")).max(20, "At most 20 teams.").optional(),
  confirmExposures: confirmExposuresInput,
});

export const integrationIdInput = z.object({ integrationId: z.string().uuid("Not a valid id.") });
export const testConnectionInput = z.object({ connectionString });
export const replaceSecretInput = z.object({ integrationId: z.string().uuid("Not a valid id."), connectionString });

/** The connection string without its password, for admins' eyes. */
export function redact(s: string): string {
  try {
    const u = new URL(s);
    const user = u.username ? `${decodeURIComponent(u.username)}${u.password ? ":•••" : ""}@` : "";
    return `${u.protocol}//${user}${u.host}${u.pathname}`;
  } catch {
    return "(unreadable)";
  }
}
