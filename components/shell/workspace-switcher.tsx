"use client";
import { useRouter } from "next/navigation";
import { ArrowLeftRight, Check } from "lucide-react";
import { Menu, MenuItem } from "@/components/ui/dropdown-menu";
import { useAction } from "@/components/ui/use-action";
import { switchWorkspace } from "@/lib/workspaces/actions";
import type { WorkspaceChoice } from "@/lib/workspaces/queries";

/**
 * For a person in several workspaces: the others, one click away. After a switch the console starts again at the
 * catalog and the router's cache is dropped: every page, count and cached row belonged to the workspace left behind.
 */
export function WorkspaceSwitcher({ workspaces }: { workspaces: WorkspaceChoice[] }) {
  const router = useRouter();
  const { run, pending } = useAction(switchWorkspace, {
    toastErrors: true,
    fields: [],
    onSuccess: () => {
      router.replace("/catalog");
      router.refresh();
    },
  });
  if (workspaces.length < 2) return null;
  return (
    <Menu label={pending ? "Switching workspace…" : "Switch workspace"} trigger={<ArrowLeftRight className="h-4 w-4" aria-hidden />} align="start">
      {workspaces.map((w) => (
        <MenuItem key={w.id} onSelect={() => (w.current ? undefined : void run({ workspaceId: w.id }))}>
          <span className="truncate">{w.name}</span>
          {w.current ? <Check className="ml-auto h-4 w-4 text-brand-700" aria-label="Current workspace" /> : null}
        </MenuItem>
      ))}
    </Menu>
  );
}
