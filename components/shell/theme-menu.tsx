"use client";
import { useSyncExternalStore } from "react";
import { useTheme } from "next-themes";
import { Monitor, Moon, Sun } from "lucide-react";
import { Menu, MenuItem } from "@/components/ui/dropdown-menu";

const noop = () => () => {};

const CHOICES = [
  { value: "system", label: "Match the system", Icon: Monitor },
  { value: "light", label: "Light", Icon: Sun },
  { value: "dark", label: "Dark", Icon: Moon },
] as const;

/** Light, dark, or the system's (the default). */
export function ThemeMenu() {
  const { theme, setTheme } = useTheme();
  // The choice is known only in the browser: the server (and hydration) show "system".
  const mounted = useSyncExternalStore(noop, () => true, () => false);
  const current = CHOICES.find((c) => c.value === (mounted ? theme : "system")) ?? CHOICES[0];
  return (
    <Menu label={`Theme: ${current.label}`} trigger={<current.Icon className="h-4 w-4" aria-hidden />} align="start">
      {CHOICES.map((c) => (
        <MenuItem key={c.value} onSelect={() => setTheme(c.value)}>
          <c.Icon className="h-4 w-4" aria-hidden /> {c.label}
          {c.value === current.value ? <span className="ml-auto text-xs text-slate-600">current</span> : null}
        </MenuItem>
      ))}
    </Menu>
  );
}
