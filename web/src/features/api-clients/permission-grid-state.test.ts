import { describe, expect, it } from "vitest";
import { actionColumns, matchingPreset, presetSelection, togglePermission, visibleApis } from "./permission-grid-state";
import { APIS, PRESETS } from "./test-catalog";

describe("permission grid state", () => {
  it("orders columns View, Create, Change, Execute whatever API comes first", () => {
    expect(actionColumns(APIS).map((column) => column.title.en)).toEqual(["View", "Create", "Change", "Execute"]);
  });

  it("ticking Change ticks View; unticking View unticks what implies it", () => {
    const ticked = togglePermission(APIS, [], "blogs.write", true);
    expect(ticked).toEqual(["blogs.read", "blogs.write"]);
    const both = togglePermission(APIS, ticked, "blogs.create", true);
    expect(togglePermission(APIS, both, "blogs.read", false)).toEqual([]);
    expect(togglePermission(APIS, both, "blogs.write", false)).toEqual(["blogs.read", "blogs.create"]);
  });

  it("fills presets within the visible APIs and recognises them", () => {
    const onlyBlogs = visibleApis(APIS, ["blogs"]);
    const creator = presetSelection(PRESETS[1], onlyBlogs);
    expect(creator).toEqual(["blogs.read", "blogs.create"]);
    expect(matchingPreset(PRESETS, onlyBlogs, creator)?.name).toBe("creator");
    expect(matchingPreset(PRESETS, APIS, ["blogs.read"])).toBeNull();
  });
});
