import { describe, expect, it } from "vitest";
import { generatedPassword } from "../../cli/cli-args.js";
import { passwordErrors } from "./password.js";

describe("passwordErrors", () => {
  it("accepts the passwords the test suites and the CLI use", () => {
    for (const password of ["correct horse battery", "viewer password 1", "a long enough password", "gentle river of stone", generatedPassword()]) {
      expect(passwordErrors(password)).toEqual([]);
    }
  });

  it("refuses trivial and common passwords with the strength check's advice", () => {
    expect(passwordErrors("          ")).toEqual([
      { field: "password", reason: "PASSWORD_WEAK", message: 'Password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.' },
    ]);
    for (const password of ["qwertyuiop", "password1234", "1234567890", "P@ssw0rd2024!", "abcdefghijk"]) expect(passwordErrors(password, "newPassword")).toHaveLength(1);
  });

  it("counts the user's own e-mail, name and organization as known, whole or word by word", () => {
    expect(passwordErrors("quillonvarga")).toEqual([]);
    expect(passwordErrors("quillonvarga", "password", ["quillon@zyxwerk.test", "Quillon Varga"])).toEqual([
      { field: "password", reason: "PASSWORD_WEAK", message: "Password is too easy to guess. There should not be any personal or page related data. Add more words that are less common." },
    ]);
    expect(passwordErrors("Zyxwerk Industries!", "password", ["Zyxwerk Industries"])).toHaveLength(1);
  });

  it("checks length before strength", () => {
    expect(passwordErrors("aaaa")).toEqual([{ field: "password", reason: "PASSWORD_TOO_SHORT", params: { min: 10 }, message: "Password must be at least 10 characters" }]);
    expect(passwordErrors("x".repeat(201))).toEqual([{ field: "password", reason: "PASSWORD_TOO_LONG", params: { max: 200 }, message: "Password must be at most 200 characters" }]);
  });
});
