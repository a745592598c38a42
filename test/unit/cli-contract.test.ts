import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { CHANNELS, STATUSES, UNIT_KINDS } from "../../src/cli/contract.js";

// The client restates the published enums on purpose (it is written against the schema, not the server's modules);
// this keeps that copy equal to the committed schema, so neither can drift.
const schema = buildSchema(readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8"));
const valuesOf = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe("the command's contract names", () => {
  it("are the published schema's enum values, statuses in portal-code order", () => {
    expect([...CHANNELS].sort()).toEqual(valuesOf("Channel").sort());
    expect([...UNIT_KINDS].sort()).toEqual(valuesOf("AgencyUnitKind").sort());
    expect([...STATUSES].sort()).toEqual(valuesOf("DossierStatus").sort());
    expect(STATUSES[0]).toBe("SUBMITTED");
    expect(STATUSES[9]).toBe("RETURNED");
  });
});
