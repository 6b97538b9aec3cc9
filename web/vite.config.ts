import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.CLAVIS_API_URL ?? "http://localhost:4000";
const proxied = ["/graphql", "/token", "/introspect", "/revoke", "/.well-known", "/healthz", "/readyz"];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])) },
});
