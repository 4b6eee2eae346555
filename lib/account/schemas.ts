import { z } from "zod";

const password = z.string().min(10, "Choose a password of at least 10 characters.").max(200, "That password is too long (at most 200 characters).");

export const changePasswordInput = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(200, "That password is too long (at most 200 characters)."),
    next: password,
    repeat: z.string().max(200, "That password is too long (at most 200 characters)."),
  })
  .refine((v) => v.next === v.repeat, { path: ["repeat"], message: "The two new passwords differ." })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "The new password is the same as the current one." });

export const renameSelfInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(120, "A name is at most 120 characters."),
});
