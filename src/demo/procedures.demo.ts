import type { Db } from "../db/client.js";
import type { Viewer } from "../modules/access/viewer.js";

/** Placeholder: replaced by the procedures module's demo loader. */
export async function loadDemoProcedures(_writer: { db: Db; viewer: Viewer }): Promise<void> {}
