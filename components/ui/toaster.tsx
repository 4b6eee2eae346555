"use client";
import { Toaster as Sonner } from "sonner";
import { useTheme } from "next-themes";

/** Where toasts appear (bottom right; top centre on a phone), in the current theme. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return <Sonner theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" richColors closeButton />;
}
