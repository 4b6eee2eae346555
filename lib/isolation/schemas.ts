import { z } from "zod";

/**
 * The confirmation a widening write carries: the `confirmation` of its preview, a SHA-256 over the exact set of
 * exposure keys the change adds. Absent when the preview found nothing; a confirmation of another set (the
 * workspace changed since) is refused as stale.
 */
export const confirmExposuresInput = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "Not a valid exposure confirmation: preview the change again.")
  .optional();

export const isolationLockInput = z.object({
  locked: z.boolean(),
  /** Turning the lock off needs the admin to type the workspace's name. */
  confirmName: z.string().trim().max(200).optional(),
});
