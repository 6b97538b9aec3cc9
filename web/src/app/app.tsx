import { ServerInfoPanel } from "../features/system/server-info-panel";

export function App() {
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 720, margin: "2rem auto", padding: "0 1rem" }}>
      <h1>Clavis</h1>
      <p>Self-hosted manager of OAuth 2.0 API client credentials.</p>
      <ServerInfoPanel />
    </main>
  );
}
