import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Enclave", template: "%s · Enclave" },
  description: "A data catalog you can open to your clients.",
};

// Reading the request's headers renders every page per request, which the CSP nonce needs (proxy.ts): a page
// prerendered at build time would carry inline scripts without this response's nonce, and never hydrate.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await headers();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
