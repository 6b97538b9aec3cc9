// `npm run dev`: tsc --watch beside node --watch for the server (tsc emits the decorator
// metadata that esbuild/tsx would not), and Vite's dev server for the admin app on :5173.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ensureBuilt, ROOT } from "./ensure-built.js";

ensureBuilt({ web: false });
const node = process.execPath;
const children = [
  spawn(node, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--watch", "--preserveWatchOutput"], { cwd: ROOT, stdio: "inherit" }),
  spawn(node, ["--watch", "--watch-preserve-output", "dist/server/main.js"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, CLAVIS_WEB_DIST: "/nonexistent" } }),
  spawn(node, [join(ROOT, "node_modules/vite/bin/vite.js"), "--config", "web/vite.config.ts"], { cwd: ROOT, stdio: "inherit" }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
