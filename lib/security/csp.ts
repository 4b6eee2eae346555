// The content security policy of every page, with a nonce per request (set by proxy.ts): no inline script runs
// without this response's nonce, so an injected <script> or event handler does nothing. Next.js reads the nonce
// from the request's Content-Security-Policy header and puts it on its own scripts; 'strict-dynamic' lets those
// load the page's chunks. Styles keep 'unsafe-inline' (React and Next set style attributes); they cannot run code.

/** 16 random bytes, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // Dev mode needs eval for React's stack reconstruction; production never gets it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** HSTS only when the console is served over HTTPS (NEXTAUTH_URL): over plain HTTP browsers ignore it anyway. */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}
