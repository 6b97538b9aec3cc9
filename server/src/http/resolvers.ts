import type { NonEmptyArray } from "type-graphql";
import { ServerInfoResolver } from "../modules/system/server-info.resolver.js";

export const RESOLVERS: NonEmptyArray<Function> = [ServerInfoResolver];
