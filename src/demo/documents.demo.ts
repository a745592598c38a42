import type { BatchContext } from "../shared/batch.js";

/** Placeholder: replaced by the documents module's demo loader. */
export async function loadDemoDocuments(_writer: BatchContext): Promise<void> {}
