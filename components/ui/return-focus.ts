"use client";
import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * Remembers what had the focus when an overlay opened and gives it back when it closes. Radix only returns focus
 * to its own Trigger; our dialogs are opened from buttons, table rows and menu items, so we do it ourselves.
 * If the opener is gone (a menu item), the nearest menu trigger that opened it is used, else nothing moves.
 */
export function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const el = document.activeElement as HTMLElement | null;
    opener.current = el && el !== document.body ? el : lastMenuTrigger();
  }, [open]);
  return useCallback((e: Event) => {
    e.preventDefault();
    const el = opener.current;
    opener.current = null;
    requestAnimationFrame(() => {
      const target = el?.isConnected ? el : lastMenuTrigger();
      target?.focus();
    });
  }, []);
}

function lastMenuTrigger(): HTMLElement | null {
  return document.querySelector<HTMLElement>("[data-menu-trigger][data-last-opened]");
}
