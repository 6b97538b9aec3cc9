export const RESOURCE = "https://api.example.com";

const basic = (id, secret) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/** The same request for both servers: Basic auth, client credentials, one resource. */
export function tokenRequest(clientId, secret) {
  return {
    path: "/token",
    headers: { authorization: basic(clientId, secret), "content-type": "application/x-www-form-urlencoded" },
    body: `grant_type=client_credentials&resource=${encodeURIComponent(RESOURCE)}`,
  };
}
