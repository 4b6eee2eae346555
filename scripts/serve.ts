// The production HTTP server `npm start` runs: Next.js's request handler behind a plain node:http server, so that the
// client's address is decided here, on the socket, before any application code sees the request. Next.js itself
// only fills X-Forwarded-For when the client sent none, so behind `next start` the client chooses its own address.
// Here: the address is the socket's peer, or, when the peer is one of ENCLAVE_TRUSTED_PROXIES, what that proxy
// forwarded (lib/net/client-address.ts); it reaches the app in one header that no client can set, and the forwarded
// headers of an untrusted peer are dropped (Next.js then fills them from the socket).
import http from "node:http";
import next from "next";
import { addressInList } from "@/lib/net/address-list";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "@/lib/net/client-address";
import { shutdown } from "@/lib/shutdown";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const trusted = trustedProxies();
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

async function main() {
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    const peer = req.socket.remoteAddress;
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(peer, req.headers["x-forwarded-for"], trusted);
    if (trusted.empty || !peer || !addressInList(peer, trusted)) for (const h of FORWARDED) delete req.headers[h];
    void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`▸ Listening on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`));
  // Stop taking requests, then the one orderly stop (lib/shutdown.ts: the worker, then the database, then exit).
  // Exiting here on the server's close would race it and could leave the embedded database's lock behind.
  const stop = (sig: NodeJS.Signals) => {
    server.close();
    server.closeIdleConnections();
    void shutdown(sig);
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
