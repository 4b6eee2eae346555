"use client";
import { ThemeProvider } from "next-themes";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { TooltipProvider } from "./tooltip";
import { Toaster } from "./toaster";

/**
 * App-wide client context: the theme (the system's by default, a class on <html>; next-themes' inline script
 * carries the CSP nonce), tooltips' shared delay, the toasts, and nuqs (URL state of the tables).
 */
export function Providers({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      <NuqsAdapter>
        <TooltipProvider>
          {children}
          <Toaster />
        </TooltipProvider>
      </NuqsAdapter>
    </ThemeProvider>
  );
}
