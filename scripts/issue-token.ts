/**
 * Issues an API token from the command line, for operators:
 *
 *   npm run token -- --roles WRITER,READER --agency 000.00.00.H26 --label "Cổng DVC Hà Nội" [--expires 2027-12-31T23:59:59+07:00]
 *
 * Uses the same configuration as the server (DATABASE_URL, DATA_DIR). The embedded database admits one process at a
 * time: stop the server first, or issue tokens through the `issueApiToken` mutation instead.
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { createContext } from "../src/context.js";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { bootstrapAdmin } from "../src/modules/access/viewer.js";
import { issueApiToken } from "../src/modules/access/token.service.js";
import type { ApiRole } from "../src/modules/access/access.types.js";
import { parseDateTime } from "../src/shared/scalars.js";

const { values } = parseArgs({
  options: {
    roles: { type: "string" },
    agency: { type: "string" },
    label: { type: "string" },
    expires: { type: "string" },
  },
});
if (!values.roles || !values.label) {
  console.error("usage: npm run token -- --roles READER,WRITER,PERSONAL_DATA,ADMIN [--agency CODE] --label TEXT [--expires ISO]");
  process.exit(2);
}
const expiresAt = values.expires ? parseDateTime(values.expires) : null;
if (values.expires && !expiresAt) {
  console.error("--expires must be ISO 8601 with an offset, e.g. 2027-12-31T23:59:59+07:00");
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase(config.databaseUrl, config.dataDir);
try {
  await migrate(database);
  const ctx = createContext({ ...bootstrapAdmin(), tokenId: "cli", label: "scripts/issue-token" }, database, config);
  const issued = await issueApiToken(ctx, {
    roles: values.roles.split(",").map((r) => r.trim().toUpperCase()) as ApiRole[],
    agencyCode: values.agency ?? null,
    label: values.label,
    expiresAt,
  });
  console.log(`token id: ${issued.apiToken.id}`);
  console.log(`token:    ${issued.token}`);
  console.log("The token is shown this once; only its hash is stored.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
