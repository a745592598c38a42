import type { Db } from "../../db/client.js";

export function createProcedureLoaders(_db: Db) {
  return {};
}
