import type { Db } from "../db/client.js";
import type { Viewer } from "../modules/access/viewer.js";

/** Placeholder: replaced by the units module's demo loader. */
export async function loadDemoUnits(_writer: { db: Db; viewer: Viewer }): Promise<void> {}
