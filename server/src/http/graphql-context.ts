import type { AppServices } from "../app-services.js";

export interface GraphQLContext {
  app: AppServices;
  requestId: string;
  ip: string;
}
