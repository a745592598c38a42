import type { Db } from "../../db/client.js";

export function createAgencyUnitLoaders(_db: Db) {
  return {};
}
