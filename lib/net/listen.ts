// Which address `npm start` listens on. The demo workspace has well-known passwords (README), so while it is in the
// database the console listens on the loopback only, unless HOST says otherwise; a workspace of one's own listens
// on every interface, as a server should. HOST always wins.
export function listenHost(env: { HOST?: string }, demoPresent: boolean): string {
  const host = env.HOST?.trim();
  if (host) return host;
  return demoPresent ? "127.0.0.1" : "0.0.0.0";
}
