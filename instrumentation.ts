// Starts the automation job queue's worker in the server process (Node.js runtime only, never during a build).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // LOG_FORMAT=json: one JSON object per log line, with the request's id (lib/log.ts).
  (await import("@/lib/log")).installJsonLogs();
  if (process.env.ENCLAVE_NO_WORKER === "1") return;
  const { startAutomationWorker, stopAutomationWorker } = await import("@/lib/automations/queue");
  const { onShutdown } = await import("@/lib/shutdown");
  // Stopped before the database closes when the server is asked to stop (SIGTERM, SIGINT).
  onShutdown("automation worker", stopAutomationWorker);
  // In the background: the first request need not wait for the queue.
  startAutomationWorker().catch((e) => console.error("[automations] the worker did not start:", e));
}
