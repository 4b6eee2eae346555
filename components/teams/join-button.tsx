"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { joinTeam, leaveTeam } from "@/lib/teams/actions";

export function JoinLeaveButton({ teamId, teamName, mode }: { teamId: string; teamName: string; mode: "join" | "leave" }) {
  const router = useRouter();
  const act = useAction(mode === "join" ? joinTeam : leaveTeam, {
    fields: [],
    success: mode === "join" ? `You joined ${teamName}` : `You left ${teamName}`,
    onSuccess: () => router.refresh(),
  });
  const { pending, error } = act;
  const run = () => void act.run({ teamId });
  return (
    <span className="flex items-center gap-2">
      {error ? <span role="alert" className="text-xs text-rose-700">{error}</span> : null}
      <Button type="button" variant={mode === "join" ? "primary" : "secondary"} onClick={run} disabled={pending} aria-label={`${mode === "join" ? "Join" : "Leave"} ${teamName}`} className="px-2.5 py-1.5 text-xs">
        {mode === "join" ? "Join" : "Leave"}
      </Button>
    </span>
  );
}
