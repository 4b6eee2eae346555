"use client";
import { useEffect, useRef, useState } from "react";
import type { ExposureReview } from "@/lib/isolation/guard";
import { ExposureNotice, exposureGate } from "@/components/isolation/exposure-notice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, WarningNote } from "@/components/ui/notes";
import { useAction, type ActionResult } from "@/components/ui/use-action";
import { PersonPicker, type PickablePerson } from "./person-picker";

/**
 * Picks people to add somewhere (a team, a group). Guardrail warnings are shown before the confirm button
 * turns into "I understand", and the action is told the person confirmed them.
 */
export function AddPeopleDialog({
  open = true,
  title,
  description,
  candidates,
  warningsFor,
  submit,
  reviewExposures,
  onClose,
  onDone,
}: {
  open?: boolean;
  title: string;
  description: string;
  candidates: PickablePerson[];
  warningsFor: (people: PickablePerson[]) => string[];
  submit: (userIds: string[], confirm: boolean, confirmExposures?: string) => Promise<ActionResult<unknown>>;
  /** What adding these people would expose across clients (lib/isolation), asked on the server for each selection. */
  reviewExposures?: (userIds: string[]) => Promise<ActionResult<{ exposures: ExposureReview }>>;
  onClose: () => void;
  onDone: () => void;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const warnings = warningsFor(candidates.filter((c) => selected.includes(c.id)));
  const [review, setReview] = useState<{ for: string; exposures: ExposureReview } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const key = selected.join(",");
  // The review answers the selection it was asked for; a refusal leaves the add button off (no review).
  const askedFor = useRef("");
  const reviewing = useAction((userIds: string[]) => reviewExposures!(userIds), {
    fields: [],
    onSuccess: (d) => {
      setConfirmed(false);
      setReview({ for: askedFor.current, exposures: d.exposures });
    },
  });
  const ask = reviewing.run;
  const forget = reviewing.reset;
  const reviews = !!reviewExposures;
  useEffect(() => {
    if (!reviews || !key) return;
    askedFor.current = key;
    void ask(key.split(","));
    return forget;
  }, [key, reviews, ask, forget]);
  const current = review && review.for === key ? review.exposures : null;
  const gate = exposureGate(current, confirmed);
  const adding = useAction(
    (input: { userIds: string[]; confirm: boolean; confirmExposures?: string }) => submit(input.userIds, input.confirm, input.confirmExposures),
    {
      fields: [],
      success: () => `Added ${selected.length} ${selected.length === 1 ? "person" : "people"}`,
      onSuccess: () => {
        close();
        onDone();
      },
    },
  );
  const { pending, error, clear } = adding;
  const close = () => {
    setSelected([]);
    clear();
    setReview(null);
    onClose();
  };
  const add = () => void adding.run({ userIds: selected, confirm: warnings.length > 0, confirmExposures: gate.confirmExposures });
  return (
    <Dialog
      open={open}
      onClose={close}
      wide
      title={title}
      description={description}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={close}>Cancel</Button>
          <Button type="button" onClick={add} disabled={!selected.length || pending || (!!reviewExposures && !current) || !gate.allowed} variant={warnings.length ? "danger" : "primary"}>
            {pending ? "Adding…" : warnings.length ? "I understand, add them" : `Add${selected.length ? ` ${selected.length}` : ""}`}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <PersonPicker people={candidates} selected={selected} onChange={(ids) => { setSelected(ids); clear(); }} />
        {warnings.map((w) => <WarningNote key={w}>{w}</WarningNote>)}
        {current ? <ExposureNotice review={current} confirmed={confirmed} onConfirmedChange={setConfirmed} /> : null}
        {error ?? reviewing.error ? <ErrorNote>{error ?? reviewing.error}</ErrorNote> : null}
      </div>
    </Dialog>
  );
}
