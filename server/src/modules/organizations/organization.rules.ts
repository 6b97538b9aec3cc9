import type { FieldError } from "../../common/errors.js";
import { nameErrors } from "../api-clients/api-client.rules.js";

export interface OrganizationLimits {
  maxApiClients: number;
  maxTokensPerClient: number;
  accessTokenTtlSeconds: number;
}

export const DEFAULT_LIMITS: OrganizationLimits = { maxApiClients: 10, maxTokensPerClient: 10, accessTokenTtlSeconds: 3600 };

const RANGES: Record<keyof OrganizationLimits, [number, number]> = {
  maxApiClients: [0, 10_000],
  maxTokensPerClient: [1, 1000],
  accessTokenTtlSeconds: [60, 86_400],
};

export function organizationErrors(input: { name?: string } & Partial<OrganizationLimits>): FieldError[] {
  const errors = input.name === undefined ? [] : nameErrors(input.name);
  for (const [field, [min, max]] of Object.entries(RANGES) as [keyof OrganizationLimits, [number, number]][]) {
    const value = input[field];
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      errors.push({ field, reason: "NUMBER_RANGE", params: { min, max }, message: `Must be a whole number from ${min} to ${max}` });
    }
  }
  return errors;
}
