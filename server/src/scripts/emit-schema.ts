import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildClavisSchema, printClavisSchema } from "../http/graphql.js";

const target = fileURLToPath(new URL("../../../schema.graphql", import.meta.url));
writeFileSync(target, printClavisSchema(await buildClavisSchema()));
process.stdout.write(`wrote ${target}\n`);
