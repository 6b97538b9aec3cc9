/// <reference types="node" />
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import sv from "./sv.json";

const SRC = join(import.meta.dirname, "..");
const LOCALES: Record<string, Record<string, string>> = { en, sv };

/** Strings a user never reads as language: the brand, and each language named in itself. */
const NOT_TRANSLATED = new Set(["Clavis", "English", "Svenska"]);
/** Props whose string value a user sees or hears. */
const VISIBLE_PROPS = /^(aria-label|aria-description|title|alt|placeholder|label|[a-z]+Label|message|hint)$/;
/** Example values (a URL, an id) are the same in every language. */
const EXAMPLE_VALUE = /^[a-z0-9.:/_-]+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), source: ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS) }));

function walk(node: ts.Node, visit: (node: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const place = (file: { path: string; source: ts.SourceFile }, node: ts.Node) => `${file.path}:${file.source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

/** The literal keys an expression can evaluate to: "a.b", or cond ? "a.b" : "c.d". */
function literalKeys(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...literalKeys(node.whenTrue), ...literalKeys(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return literalKeys(node.expression);
  return [];
}

/** Keys passed to t(key) or translate(language, key), and literals naming a key of a locale namespace. */
function usedKeys(): Map<string, string> {
  const namespaces = new Set(Object.keys(en).map((key) => key.split(".")[0]));
  const used = new Map<string, string>();
  for (const file of FILES) {
    walk(file.source, (node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
        const argument = name === "t" ? node.arguments[0] : name === "translate" ? node.arguments[1] : undefined;
        if (argument !== undefined) for (const key of literalKeys(argument)) used.set(key, place(file, node));
      }
      // Keys kept in tables (an action → its label) are plain literals of the key's shape.
      if (ts.isStringLiteral(node) && !(ts.isPropertyAssignment(node.parent) && node.parent.name === node) && /^[a-z]+(\.[a-zA-Z0-9]+)+$/.test(node.text) && namespaces.has(node.text.split(".")[0])) used.set(node.text, place(file, node));
    });
  }
  return used;
}

/** Text in JSX, and visible props given a string literal: what a translation would have to cover. */
function hardCodedText(): string[] {
  const found: string[] = [];
  for (const file of FILES.filter((candidate) => candidate.path.endsWith(".tsx"))) {
    walk(file.source, (node) => {
      if (ts.isJsxText(node)) {
        const text = node.text.trim();
        if (/\p{L}/u.test(text) && !NOT_TRANSLATED.has(text)) found.push(`${place(file, node)} text "${text}"`);
      }
      if (ts.isJsxAttribute(node) && node.initializer !== undefined && VISIBLE_PROPS.test(node.name.getText())) {
        const value = ts.isStringLiteral(node.initializer) ? node.initializer.text : ts.isJsxExpression(node.initializer) && node.initializer.expression !== undefined && ts.isStringLiteral(node.initializer.expression) ? node.initializer.expression.text : null;
        if (value !== null && /\p{L}/u.test(value) && !EXAMPLE_VALUE.test(value) && !NOT_TRANSLATED.has(value)) found.push(`${place(file, node)} ${node.name.getText()}="${value}"`);
      }
    });
  }
  return found;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

describe("the locale files", () => {
  it("have the same keys in English and Swedish", () => {
    const missingIn = (from: string, to: string) => Object.keys(LOCALES[from]).filter((key) => !(key in LOCALES[to]));
    expect({ missingInSv: missingIn("en", "sv"), missingInEn: missingIn("sv", "en") }).toEqual({ missingInSv: [], missingInEn: [] });
  });

  it("fill the same {placeholders} in both languages", () => {
    const differing = Object.keys(en)
      .filter((key) => key in sv)
      .filter((key) => placeholders(LOCALES.en[key]).join() !== placeholders(LOCALES.sv[key]).join())
      .map((key) => `${key}: en {${placeholders(LOCALES.en[key]).join(", ")}} sv {${placeholders(LOCALES.sv[key]).join(", ")}}`);
    expect(differing).toEqual([]);
  });

  it("have no empty text", () => {
    const empty = Object.entries(LOCALES).flatMap(([language, messages]) => Object.entries(messages).filter(([, text]) => text.trim() === "").map(([key]) => `${language}: ${key}`));
    expect(empty).toEqual([]);
  });

  it("hold every key the source uses", () => {
    const used = usedKeys();
    // Guards the scan itself: it must see the keys of screens known to exist.
    expect(used.has("auth.signInTitle") && used.has("members.removeTitle")).toBe(true);
    const missing = [...used].filter(([key]) => !(key in en) || !(key in sv)).map(([key, where]) => `${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it("leave no user-visible English hard-coded in the source", () => {
    expect(hardCodedText()).toEqual([]);
  });
});
