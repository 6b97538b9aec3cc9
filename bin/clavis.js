#!/usr/bin/env node
import { ensureBuilt } from "../scripts/ensure-built.js";

ensureBuilt({ web: false });
await import("../dist/server/cli/main.js");
