import { z } from "zod";
import { tableParams, tableUrl } from "@/lib/table-params";
import { ruleSchema } from "./rule";
import { cronError } from "./cron";

export const uuid = z.string().uuid("Not a valid id.");

export const AUTOMATION_SORTS = ["name", "trigger", "enabled", "updatedAt"] as const;
export const automationsParams = tableParams(AUTOMATION_SORTS, { sort: "name" });
export type AutomationsParams = z.infer<typeof automationsParams>;
export const automationsUrl = tableUrl(automationsParams);

const teamIds = z.array(uuid).min(1, "Choose at least one team.").max(20, "At most 20 teams.");
const action = z.enum(["add", "remove"], { error: "The action is add or remove." });

/** What a preview needs: the rule, the action and its teams. */
export const previewInput = z.object({ rule: ruleSchema, action, teamIds });

export const automationInput = previewInput
  .extend({
    name: z.string({ error: "A name is required." }).trim().min(1, "A name is required.").max(80, "Names are at most 80 characters."),
    trigger: z.enum(["manual", "after_sync", "schedule"], { error: "Choose when it runs." }),
    integrationId: uuid.nullish(),
    cron: z.string().trim().max(100, "A schedule is at most 100 characters.").nullish(),
    enabled: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.trigger === "after_sync" && !v.integrationId) ctx.addIssue({ code: "custom", path: ["integrationId"], message: "Choose the integration whose syncs start it." });
    if (v.trigger === "schedule") {
      const err = v.cron ? cronError(v.cron) : "Give a schedule, e.g. 0 6 * * * for every day at 06:00.";
      if (err) ctx.addIssue({ code: "custom", path: ["cron"], message: err });
    }
  });
export type AutomationInput = z.infer<typeof automationInput>;

export const createAutomationInput = automationInput;
export const updateAutomationInput = z.intersection(z.object({ id: uuid }), automationInput);
export const automationIdInput = z.object({ id: uuid });
export const setEnabledInput = z.object({ id: uuid, enabled: z.boolean({ error: "enabled is true or false." }) });
export const runIdInput = z.object({ runId: uuid });
