import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { parseLsn } from "../../src/db/replicas.js";

describe("read replica configuration", () => {
  it("DATABASE_READ_URL lists one or more replicas separated by commas", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://db-primary/hub",
      DATABASE_READ_URL: "postgres://db-replica-1/hub, postgresql://db-replica-2/hub",
    });
    expect(config.databaseReadUrls).toEqual(["postgres://db-replica-1/hub", "postgresql://db-replica-2/hub"]);
    expect(loadConfig({}).databaseReadUrls).toEqual([]);
  });

  it("a replica URL that is not PostgreSQL, or replicas without a PostgreSQL primary, are refused by name", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://db/hub", DATABASE_READ_URL: "mysql://replica/hub" })).toThrow(/DATABASE_READ_URL must list postgres/);
    expect(() => loadConfig({ DATABASE_READ_URL: "postgres://replica/hub" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_READ_URL: "postgres://replica/hub" })).toThrow(/needs DATABASE_URL/);
  });

  it("WAL positions compare across the 32-bit boundary of their text form", () => {
    expect(parseLsn("0/16B3748")).toBe(0x16b3748n);
    expect(parseLsn("1/0") > parseLsn("0/FFFFFFFF")).toBe(true);
  });
});
