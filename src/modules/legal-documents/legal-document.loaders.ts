import type { Db } from "../../db/client.js";

export function createLegalDocumentLoaders(_db: Db) {
  return {};
}
