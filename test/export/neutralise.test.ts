import { describe, expect, it } from "vitest";
import { neutralise } from "../../src/export/index.ts";

describe("neutralise(text)", () => {
  it.each(["=1+1", "+33 6 12", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd", '=HYPERLINK("http://x","y")'])(
    "prefixes %j with an apostrophe",
    (text) => expect(neutralise(text)).toBe(`'${text}`),
  );

  it.each(["Mathématiques CE1", "1 234", "", " =spaced", "a=b"])("leaves %j as it is", (text) => {
    expect(neutralise(text)).toBe(text);
  });
});
