import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { isValidDirectorySignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../../src/modules/user-tokens/directory-signature.js";

export const DIRECTORY_SECRET = "directory-shared-secret-0123456789-abcdef";

export interface DirectoryUserRecord {
  id: string | number;
  username: string;
  password: string;
  organizationId: string | null;
  claims?: Record<string, unknown>;
}

export type DirectoryBehaviour = "answer" | "never-answer" | "garbled" | "oversized" | "error-500";

export interface TestDirectory {
  url: string;
  users: DirectoryUserRecord[];
  behaviour: DirectoryBehaviour;
  /** Every request body received, parsed; with whether its signature was right. */
  received: { body: Record<string, unknown>; signed: boolean }[];
  /** Connections opened to it (a request that never gets an answer still counts). */
  connections: number;
  close(): Promise<void>;
}

/**
 * A real HTTP user directory as docs/user-tokens.md describes one: it checks Clavis's signature
 * and answers 200 with the user, or 404, within the asked organization.
 */
export async function startTestDirectory(users: DirectoryUserRecord[] = [], secret = DIRECTORY_SECRET): Promise<TestDirectory> {
  const sockets = new Set<Socket>();
  const directory: TestDirectory = { url: "", users, behaviour: "answer", received: [], connections: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const signed = isValidDirectorySignature(secret, String(req.headers[TIMESTAMP_HEADER] ?? ""), raw, String(req.headers[SIGNATURE_HEADER] ?? ""));
      const body = JSON.parse(raw) as Record<string, unknown>;
      directory.received.push({ body, signed });
      answer(directory, res, body, signed);
    });
  });
  server.on("connection", (socket) => {
    directory.connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  directory.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/users/lookup`;
  directory.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return directory;
}

function answer(directory: TestDirectory, res: ServerResponse, body: Record<string, unknown>, signed: boolean): void {
  switch (directory.behaviour) {
    case "never-answer":
      return;
    case "garbled":
      res.writeHead(200, { "content-type": "application/json" }).end("{\"id\": ");
      return;
    case "oversized":
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "u-1", username: "alice", claims: { name: "x".repeat(64 * 1024) } }));
      return;
    case "error-500":
      res.writeHead(500).end();
      return;
    case "answer":
      break;
  }
  if (!signed) {
    res.writeHead(401).end();
    return;
  }
  const user = directory.users.find(
    (candidate) =>
      candidate.organizationId === body.organizationId &&
      (body.id !== undefined ? String(candidate.id) === body.id : candidate.username === body.username) &&
      (body.mode === "impersonate" || candidate.password === body.password),
  );
  if (user === undefined) {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found" }));
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: user.id, username: user.username, claims: user.claims }));
}

/** A port nothing listens on: taken, then released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/users/lookup`;
}
