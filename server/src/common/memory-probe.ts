import { getHeapCodeStatistics } from "node:v8";

/**
 * Test-only (server/test/reliability/load.test.ts): with CLAVIS_MEMORY_PROBE=1, node started with
 * --expose-gc and an IPC channel to the parent, a `{ type: "heap" }` message runs a full garbage
 * collection and answers `{ type: "heap", heapUsed, codeUsed }` in bytes. The heap after a full GC
 * is what a leak grows, unlike RSS, which allocator pools and argon2's buffers move at random.
 * Compiled code (bytecode, machine code) is reported apart: V8 compiles functions as they first
 * run, so it grows while a process warms up and says nothing of leaks. Off by default, and
 * reachable only by the process that spawned the server, never over HTTP.
 */
export function startMemoryProbe(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const send = process.send?.bind(process);
  if (gc === undefined || send === undefined) throw new Error("CLAVIS_MEMORY_PROBE=1 needs node --expose-gc and an IPC channel");
  process.on("message", (message: { type?: unknown }) => {
    if (message?.type !== "heap") return;
    gc();
    const code = getHeapCodeStatistics();
    const codeUsed = code.code_and_metadata_size + code.bytecode_and_metadata_size;
    send({ type: "heap", heapUsed: process.memoryUsage().heapUsed, codeUsed });
  });
  // The channel alone must not keep the process alive once the server has closed.
  process.channel?.unref();
}
