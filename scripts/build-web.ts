import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Where the server looks for the page (`src/web-page.ts`). */
export const webDist = join(root, "web", "dist");

export interface WebBuild {
  /** Built files (relative to the build folder) with their sizes, raw and gzip-compressed. */
  files: { path: string; bytes: number; gzipBytes: number }[];
  ms: number;
}

/**
 * Bundles `web/src` with esbuild into `web/dist`: `assets/<name>-<hash>.js|css` (content-hashed, served with a
 * year-long cache), a `.gz` twin of each (served to clients accepting gzip), and `index.html` referring to them
 * (never cached). Built in a side folder and swapped in, so a running server never sees a half-written build.
 */
export async function buildWebPage(outDir = webDist): Promise<WebBuild> {
  const started = performance.now();
  const staging = `${outDir}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  const result = await build({
    entryPoints: { app: join(root, "web/src/main.ts"), styles: join(root, "web/src/styles.css") },
    bundle: true,
    minify: true,
    format: "esm",
    target: ["es2022", "chrome110", "firefox115", "safari16"],
    outdir: join(staging, "assets"),
    entryNames: "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    metafile: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const outputs = Object.keys(result.metafile.outputs).map((path) => basename(path));
  const script = outputs.find((name) => name.startsWith("app-") && name.endsWith(".js"));
  const style = outputs.find((name) => name.startsWith("styles-") && name.endsWith(".css"));
  if (!script || !style) throw new Error(`web build produced no app script or stylesheet: ${outputs.join(", ")}`);
  const template = await readFile(join(root, "web/index.html"), "utf8");
  const html = template.replace("%APP_JS%", `/assets/${script}`).replace("%STYLES_CSS%", `/assets/${style}`);
  await writeFile(join(staging, "index.html"), html);

  const files: WebBuild["files"] = [];
  for (const path of ["index.html", ...outputs.map((name) => `assets/${name}`)]) {
    const content = await readFile(join(staging, path));
    const gzipped = gzipSync(content, { level: 9 });
    if (path.startsWith("assets/")) await writeFile(join(staging, `${path}.gz`), gzipped);
    files.push({ path, bytes: content.length, gzipBytes: gzipped.length });
  }
  await mkdir(dirname(outDir), { recursive: true });
  const old = `${outDir}.${process.pid}.old`;
  await rename(outDir, old).catch(() => {});
  await rename(staging, outDir);
  await rm(old, { recursive: true, force: true });
  return { files, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, ms } = await buildWebPage();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const f of files) console.error(`web/dist/${f.path}  ${kb(f.bytes)}  (gzip ${kb(f.gzipBytes)})`);
  console.error(`dashboard page built in ${ms} ms`);
}
