// `npm start`: build what is missing or stale, then run the server in this process.
import { ensureBuilt } from "./ensure-built.js";

process.env.NODE_ENV ??= "production";
ensureBuilt({ web: true });
await import("../dist/server/main.js");
