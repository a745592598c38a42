import type { BatchContext } from "../shared/batch.js";

/** Placeholder: replaced by the units module's demo loader. */
export async function loadDemoUnits(_writer: BatchContext): Promise<void> {}
