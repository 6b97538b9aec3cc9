import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { screenshotPath } from "./browser.js";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The rule sets the issue asks for: WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page and returns its WCAG 2.1 A/AA violations, each with the selectors of
 * the nodes at fault, so a failing test says where to look. The script is injected through
 * `evaluate`, which the Content-Security-Policy does not govern (unlike a script tag).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, WCAG_TAGS);
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 780 };

/** True when the page can be scrolled sideways: what a 360 px screen must never need. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/**
 * Screenshots the page as it is at both widths (`<name>-1280.png`, `<name>-360.png`), checks
 * axe at each, and that the phone width needs no horizontal scrolling; restores the viewport.
 * Returns the problems found rather than throwing, so one call can report every width.
 */
export async function inspectScreen(page: Page, name: string): Promise<string[]> {
  const original = page.viewportSize() ?? DESKTOP;
  const problems: string[] = [];
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    // Layout settles within a frame or two after a resize.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: screenshotPath(`${name}-${size.width}`), fullPage: true });
    for (const v of await axeViolations(page)) problems.push(`${name} @${size.width}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(", ")}`);
    if (size === PHONE && (await scrollsSideways(page))) problems.push(`${name} @360: the page scrolls sideways`);
  }
  await page.setViewportSize(original);
  return problems;
}
