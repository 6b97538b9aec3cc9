import { describe, expect, it } from "vitest";
import en from "../locales/en.json";
import sv from "../locales/sv.json";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("locales", () => {
  it("has every English key in Swedish and no Swedish key English lacks", () => {
    expect(Object.keys(en).filter((key) => !Object.hasOwn(sv, key))).toEqual([]);
    expect(Object.keys(sv).filter((key) => !Object.hasOwn(en, key))).toEqual([]);
  });

  it("has no empty text, and the same placeholders in both languages", () => {
    const all = { ...en } as Record<string, string>;
    const swedish = sv as Record<string, string>;
    expect(Object.entries(all).filter(([key, text]) => text.trim() === "" || (swedish[key] ?? "").trim() === "").map(([key]) => key)).toEqual([]);
    expect(Object.keys(all).filter((key) => JSON.stringify(placeholders(all[key])) !== JSON.stringify(placeholders(swedish[key] ?? "")))).toEqual([]);
  });
});
