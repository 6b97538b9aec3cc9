// A user directory for Clavis's user tokens (docs/user-tokens.md): plain node:http, no packages.
//
//   CLAVIS_USER_DIRECTORY_SECRET=$(openssl rand -base64 32) node docs/examples/user-directory.mjs
//
// then start Clavis with the same secret and CLAVIS_USER_DIRECTORY_URL=http://127.0.0.1:4100/clavis/users.
// The users below stand in for the platform's own user table and password check.
import { createHmac, scryptSync, timingSafeEqual, randomBytes } from "node:crypto";
import { createServer } from "node:http";

const SECRET = process.env.CLAVIS_USER_DIRECTORY_SECRET ?? "";
const PORT = Number(process.env.PORT ?? 4100);
const MAX_AGE_SECONDS = 60;
const MAX_BODY_BYTES = 8 * 1024;
if (SECRET.length < 32) throw new Error("Set CLAVIS_USER_DIRECTORY_SECRET to the secret Clavis has (32 characters or more)");

function hashPassword(password, salt = randomBytes(16)) {
  return { salt, hash: scryptSync(password, salt, 32) };
}

// organizationId → users. A real platform looks its users up in its own database.
const ORGANIZATION = process.env.ORGANIZATION_ID ?? "replace-with-a-clavis-organization-id";
const USERS = new Map([
  [ORGANIZATION, [
    { id: 41, username: "alice", password: hashPassword("alice-password-1"), claims: { name: "Alice Andersson", locale: "sv" } },
    { id: 42, username: "bob", password: hashPassword("bob-password-123"), claims: { name: "Bob Berg" } },
  ]],
]);

/** The request is Clavis's: a right HMAC-SHA256 over "<timestamp>.<body>", and fresh. */
function isFromClavis(timestamp, body, signature) {
  if (!/^\d{1,12}$/.test(timestamp ?? "") || Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_AGE_SECONDS) return false;
  const expected = Buffer.from(`v1=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`);
  const given = Buffer.from(signature ?? "");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function passwordMatches(user, password) {
  const { hash } = hashPassword(String(password ?? ""), user.password.salt);
  return timingSafeEqual(hash, user.password.hash);
}

function find(question) {
  const users = USERS.get(question.organizationId) ?? [];
  if (question.mode === "login") {
    const user = users.find((candidate) => candidate.username === question.username);
    // Check a password even for an unknown name, so both take the same time.
    const matches = passwordMatches(user ?? users[0] ?? { password: hashPassword("") }, question.password);
    return user !== undefined && matches ? user : null;
  }
  if (question.mode === "impersonate") {
    return users.find((candidate) => (question.id !== undefined ? String(candidate.id) === question.id : candidate.username === question.username)) ?? null;
  }
  return null;
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
}

createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/clavis/users") return send(res, 404, { error: "not_found" });
  const chunks = [];
  let size = 0;
  req.on("data", (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) req.destroy();
    else chunks.push(chunk);
  });
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    // Anything not signed by Clavis gets neither a user nor a hint.
    if (!isFromClavis(req.headers["x-clavis-timestamp"], body, req.headers["x-clavis-signature"])) return send(res, 401, { error: "unauthorized" });
    let question;
    try {
      question = JSON.parse(body);
    } catch {
      return send(res, 400, { error: "bad_request" });
    }
    const user = find(question);
    // 404 for an unknown user, a wrong password, or a user of another organization alike.
    if (user === null) return send(res, 404, { error: "not_found" });
    send(res, 200, { id: user.id, username: user.username, claims: user.claims });
  });
}).listen(PORT, "127.0.0.1", () => console.log(`user directory on http://127.0.0.1:${PORT}/clavis/users`));
