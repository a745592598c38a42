import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSchema, printSdl } from "../../src/schema.js";

describe("the committed schema", () => {
  it("equals the schema printed from the code (run `npm run schema:print` after changing types)", async () => {
    const committed = readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8");
    expect(printSdl(await buildSchema())).toBe(committed);
  });
});
