/**
 * Prints the GraphQL schema from the code into `schema/schema.graphql`.
 * `--check` exits 1 when the committed file differs from the printed schema.
 */
import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema, printSdl } from "../src/schema.js";

const file = fileURLToPath(new URL("../schema/schema.graphql", import.meta.url));
const sdl = printSdl(await buildSchema());

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    // a missing file is a drift like any other
  }
  if (committed !== sdl) {
    console.error("schema/schema.graphql differs from the schema printed from the code; run `npm run schema:print`.");
    process.exit(1);
  }
  console.log("schema/schema.graphql is up to date");
} else {
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}
