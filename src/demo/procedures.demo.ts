import type { BatchContext } from "../shared/batch.js";

/** Placeholder: replaced by the procedures module's demo loader. */
export async function loadDemoProcedures(_writer: BatchContext): Promise<void> {}
