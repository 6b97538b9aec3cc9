import { describe, expect, it } from "vitest";
import type { ApiClient } from "./api-client.entity.js";
import { ClientListCache, type CachedList } from "./client-list-cache.js";

const list = (name: string): CachedList => ({ rows: [{ id: name, name } as ApiClient], secrets: [], cursors: ["c"], totalCount: 1 });

describe("ClientListCache", () => {
  it("gives a list back only for the etag it was read under", () => {
    const cache = new ClientListCache();
    cache.set("q", "etag-1", list("a"));
    expect(cache.get("q", "etag-1")?.rows[0].name).toBe("a");
    expect(cache.get("q", "etag-2")).toBeUndefined();
    expect(cache.get("other", "etag-1")).toBeUndefined();
  });

  it("keeps rows from being changed by whoever reads them", () => {
    const cache = new ClientListCache();
    cache.set("q", "e", list("a"));
    const row = cache.get("q", "e")?.rows[0] as ApiClient;
    expect(() => {
      row.name = "changed";
    }).toThrow(TypeError);
  });

  it("drops a list once a newer etag is asked for", () => {
    const cache = new ClientListCache();
    cache.set("q", "old", list("a"));
    expect(cache.get("q", "new")).toBeUndefined();
    expect(cache.get("q", "old")).toBeUndefined();
  });

  it("stays within its total of rows", () => {
    const cache = new ClientListCache(100, 2);
    cache.set("a", "e", list("a"));
    cache.set("b", "e", list("b"));
    cache.set("c", "e", list("c"));
    expect(cache.get("a", "e")).toBeUndefined();
    expect(cache.get("c", "e")).toBeDefined();
  });

  it("stays within its size by dropping the least recently stored", () => {
    const cache = new ClientListCache(2);
    cache.set("a", "e", list("a"));
    cache.set("b", "e", list("b"));
    cache.set("c", "e", list("c"));
    expect(cache.get("a", "e")).toBeUndefined();
    expect(cache.get("b", "e")).toBeDefined();
    expect(cache.get("c", "e")).toBeDefined();
  });
});
