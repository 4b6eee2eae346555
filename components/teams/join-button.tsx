"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { joinTeam, leaveTeam } from "@/lib/teams/actions";

export function JoinLeaveButton({ teamId, teamName, mode }: { teamId: string; teamName: string; mode: "join" | "leave" }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setPending(true);
    setError(null);
    const res = await (mode === "join" ? joinTeam : leaveTeam)({ teamId });
    setPending(false);
    if (!res.ok) return setError(res.error);
    router.refresh();
  }
  return (
    <span className="flex items-center gap-2">
      {error ? <span className="text-xs text-rose-600">{error}</span> : null}
      <Button type="button" variant={mode === "join" ? "primary" : "secondary"} onClick={run} disabled={pending} aria-label={`${mode === "join" ? "Join" : "Leave"} ${teamName}`} className="px-2.5 py-1.5 text-xs">
        {mode === "join" ? "Join" : "Leave"}
      </Button>
    </span>
  );
}
