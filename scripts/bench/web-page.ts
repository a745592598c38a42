/**
 * The dashboard page: its compressed size and the time to its first figures.
 *
 *   npm run bench:web                                  # in-memory PGlite, demo data loaded first (~1 min)
 *   DATA_DIR=/tmp/lt npm run bench:web                 # an embedded database folder (demo data loaded when empty)
 *   DATABASE_URL=postgres://… npm run bench:web        # a PostgreSQL database with the demo data
 *   npm run bench:web -- --runs 10 --screenshot docs/dashboard.png
 *
 * Time to first figures: from navigation start to the headline figures in the document (the page's
 * `first-figures` performance mark), in a fresh browser
 * context (cold cache: HTML, JS, CSS and the API requests), then again in the same context (warm cache). The
 * Gia Lâm January–May 2017 view of the demo data (46,893 dossiers).
 */
import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadConfig } from "../../src/config.js";
import { createServer } from "../../src/server.js";
import { launchChromium } from "../../test/support/browser.js";
import { DASHBOARD } from "../../web/src/queries.js";
import { buildWebPage } from "../build-web.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, screenshot: { type: "string" } } });
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const build = await buildWebPage();
const js = build.files.filter((f) => f.path.endsWith(".js"));
const css = build.files.filter((f) => f.path.endsWith(".css"));
const sum = (files: typeof js, key: "bytes" | "gzipBytes") => files.reduce((n, f) => n + f[key], 0);
console.log(`JavaScript: ${kb(sum(js, "bytes"))} minified, ${kb(sum(js, "gzipBytes"))} gzip (target ≤ 300 KB)`);
console.log(`CSS:        ${kb(sum(css, "bytes"))} minified, ${kb(sum(css, "gzipBytes"))} gzip`);

const env: Record<string, string | undefined> = { NODE_ENV: "production", ...process.env, PORT: "0", DEMO_DATA: "true" };
if (!process.env.DATABASE_URL && !process.env.DATA_DIR) env.DATABASE_URL = "memory://";
const started = performance.now();
const server = await createServer(loadConfig(env));
console.log(`hub ready in ${Math.round(performance.now() - started)} ms (${server.database.engine})`);
const origin = server.url.replace(/\/graphql$/, "");
const path = "/?unit=000.00.18.H26&from=2017-01-01&to=2017-05-31";
const browser = await launchChromium();
try {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "vi-VN" });
    const page = await context.newPage();
    for (const times of [cold, warm]) {
      await page.goto(origin + path);
      await page.waitForSelector('[data-metric="received"]', { timeout: 60_000 });
      times.push(await page.evaluate<number>(`performance.getEntriesByName("first-figures")[0].startTime`));
    }
    if (i === 0) {
      // Where the time of a cold load goes: each request's start and duration, from navigation start.
      await page.goto("about:blank");
      await page.goto(origin + path);
      await page.waitForSelector('[data-metric="received"]', { timeout: 60_000 });
      const entries = await page.evaluate<{ name: string; startTime: number; duration: number }[]>(
        `performance.getEntriesByType("resource").map((e) => ({ name: e.name, startTime: e.startTime, duration: e.duration }))`,
      );
      for (const e of entries) console.log(`  ${e.name.replace(origin, "")}: start ${Math.round(e.startTime)} ms, ${Math.round(e.duration)} ms`);
    }
    if (i === runs - 1 && values.screenshot) {
      await page.waitForTimeout(300);
      await page.screenshot({ path: values.screenshot });
      console.log(`screenshot: ${values.screenshot}`);
    }
    await context.close();
  }
  const fmt = (xs: number[]) => `median ${Math.round(median(xs))} ms (min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))})`;
  console.log(`time to first figures, cold cache: ${fmt(cold)}`);
  console.log(`time to first figures, warm cache: ${fmt(warm)}`);
  const api = [] as number[];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: DASHBOARD, variables: { unit: "000.00.18.H26", from: "2017-01-01", to: "2017-05-31" } }),
    });
    await res.json();
    api.push(performance.now() - t0);
  }
  console.log(`the page's dashboard + service index query alone (HTTP): ${fmt(api)}`);
} finally {
  await browser.close();
  await server.close();
}
