import "reflect-metadata";
import { ConfigError, loadConfig } from "./config.js";
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
  const server = await createServer(config);
  console.log(`lienthong ready at ${server.url} (database: ${server.database.engine})`);
  console.log(`dashboard page at ${server.url.replace(/graphql$/, "")}`);

  const stop = (signal: string) => {
    console.log(`${signal} received, draining connections…`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error("shutdown failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  console.error("lienthong failed to start:", error);
  process.exit(1);
});
