"use client";
import { Select as S } from "radix-ui";
import { Check, ChevronDown } from "lucide-react";

/** A styled single choice (keyboard: arrows, type-ahead, Enter, Escape). Values are strings. */
export function Select({ value, onChange, options, label, className = "" }: {
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  label: string;
  className?: string;
}) {
  return (
    <S.Root value={value} onValueChange={onChange}>
      <S.Trigger aria-label={label} className={`inline-flex items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 focus:outline-none focus:ring-2 focus:ring-brand-100 ${className}`}>
        <S.Value />
        <S.Icon><ChevronDown className="h-3.5 w-3.5 text-slate-500" aria-hidden /></S.Icon>
      </S.Trigger>
      <S.Portal>
        <S.Content position="popper" sideOffset={4} className="z-50 min-w-[var(--radix-select-trigger-width)] rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <S.Viewport>
            {options.map((o) => (
              <S.Item key={o.value} value={o.value} className="relative flex cursor-pointer items-center rounded-md py-1.5 pl-7 pr-3 text-slate-800 outline-none data-[highlighted]:bg-slate-100">
                <S.ItemIndicator className="absolute left-2"><Check className="h-3.5 w-3.5" aria-hidden /></S.ItemIndicator>
                <S.ItemText>{o.label}</S.ItemText>
              </S.Item>
            ))}
          </S.Viewport>
        </S.Content>
      </S.Portal>
    </S.Root>
  );
}
