import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { Providers } from "@/components/ui/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Enclave", template: "%s · Enclave" },
  description: "A data catalog you can open to your clients.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

// Reading the request's headers renders every page per request, which the CSP nonce needs (proxy.ts): a page
// prerendered at build time would carry inline scripts without this response's nonce, and never hydrate.
// The nonce also goes to next-themes' inline script (the theme is set before the first paint).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
