import { migrate } from "../../db/data-source.js";
import type { CliCommand } from "../cli-command.js";

export const migrateCommand: CliCommand = {
  path: ["migrate"],
  summary: "Apply pending database migrations to the database named by DATABASE_URL",
  optionsHelp: [],
  options: {},
  async run(runtime) {
    const applied = await migrate(await runtime.database());
    const text = applied.length === 0 ? "The database is up to date." : `Applied ${applied.length} migration(s): ${applied.join(", ")}`;
    return { json: [{ applied }], text };
  },
};
