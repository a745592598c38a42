import "reflect-metadata";
import { ConfigError, loadConfig } from "./config.js";
import { safeError } from "./observability/log.js";
import { createServer } from "./server.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const started = Date.now();
  const server = await createServer(config, { progress: process.stderr.isTTY ? process.stderr : undefined });
  // The message names the URL followed by a space, so that scripts can find it in JSON lines too.
  server.log.info({ startupMs: Date.now() - started }, `lienthong ready at ${server.url} (database: ${server.database.engine})`);
  server.log.info(`dashboard page at ${server.url.replace(/graphql$/, "")} `);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.log.info({ signal }, "draining connections");
    server.close().then(
      () => {
        server.log.info("stopped");
        process.exit(0);
      },
      (error) => {
        server.log.error({ error: safeError(error) }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a library's signal-exit hook re-raises the signal when it finds itself the last listener,
  // which killed the process mid-drain (exit 143 instead of 0).
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  console.error("lienthong failed to start:", error);
  process.exit(1);
});
