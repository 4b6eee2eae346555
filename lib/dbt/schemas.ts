import { z } from "zod";
import { MAX_MANIFEST_BYTES } from "./manifest";

export const dbtImportInput = z
  .object({
    manifest: z.string().max(MAX_MANIFEST_BYTES, `The manifest is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB. Point at a file on the server instead.`).optional(),
    path: z.string().trim().max(1000, "That path is too long.").optional(),
  })
  .refine((v) => !!v.manifest !== !!v.path, { message: "Choose a manifest.json file, or give the path of one on the server." });
