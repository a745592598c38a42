/**
 * PostGraphile 5 over the benchmark database, as its documentation sets it up: the amber preset with
 * simplify-inflection, node-postgres pool of 10 (the hub's size), grafserv on Node's http server, production mode.
 * `node --require ./polyfill.cjs server.mjs`; DATABASE_URL names the database; prints `listening at <url>`.
 */
import { createServer } from "node:http";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

// JIT off and UTC, as the hub's connections have them.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: "-c jit=off -c TimeZone=UTC" });
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  pgServices: [makePgService({ pool, schemas: ["public"] })],
  grafast: { explain: false },
};
const serv = postgraphile(preset).createServ(grafserv);
const server = createServer();
server.once("error", (error) => {
  console.error(error);
  process.exit(1);
});
serv.addTo(server).catch((error) => {
  console.error(error);
  process.exit(1);
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening at http://127.0.0.1:${server.address().port}/graphql`);
});
const stop = () => server.close(() => serv.release().then(() => pool.end()).finally(() => process.exit(0)));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
