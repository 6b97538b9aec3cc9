import type { CliCommand } from "./cli-command.js";
import { apiClientCreateCommand } from "./commands/api-client-create.command.js";
import { apiClientDeleteCommand } from "./commands/api-client-delete.command.js";
import { apiClientGetCommand } from "./commands/api-client-get.command.js";
import { apiClientGrantCommand } from "./commands/api-client-grant.command.js";
import { apiClientResetSecretCommand } from "./commands/api-client-reset-secret.command.js";
import { apiClientRevokeCommand } from "./commands/api-client-revoke.command.js";
import { apiClientUpdateCommand } from "./commands/api-client-update.command.js";
import { apiClientFederatedAddCommand } from "./commands/api-client-federated-add.command.js";
import { apiClientFederatedRemoveCommand } from "./commands/api-client-federated-remove.command.js";
import { keysListCommand } from "./commands/keys-list.command.js";
import { keysRotateCommand } from "./commands/keys-rotate.command.js";
import { migrateCommand } from "./commands/migrate.command.js";
import { orgCreateCommand } from "./commands/org-create.command.js";
import { orgListCommand } from "./commands/org-list.command.js";
import { orgUpdateCommand } from "./commands/org-update.command.js";
import { userCreateCommand } from "./commands/user-create.command.js";

export const COMMANDS: CliCommand[] = [
  migrateCommand,
  orgCreateCommand,
  orgListCommand,
  orgUpdateCommand,
  userCreateCommand,
  apiClientCreateCommand,
  apiClientGetCommand,
  apiClientUpdateCommand,
  apiClientGrantCommand,
  apiClientRevokeCommand,
  apiClientResetSecretCommand,
  apiClientDeleteCommand,
  apiClientFederatedAddCommand,
  apiClientFederatedRemoveCommand,
  keysRotateCommand,
  keysListCommand,
];
