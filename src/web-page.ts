import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The dashboard page's build (`npm run build:web`, run by `npm start` and the tests). */
export const defaultWebDir = join(dirname(fileURLToPath(import.meta.url)), "..", "web", "dist");

/**
 * Scripts and styles from this origin only (no inline code, no CDN: hubs run in closed networks), API calls and
 * the graphql-ws socket to this origin, no framing. `'self'` covers the same-origin WebSocket in CSP 3; the
 * socket's own origin (from the Host header, when it is a plain host) is named too for browsers before that.
 */
export function contentSecurityPolicy(host?: string): string {
  const socket = host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${socket}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  png: "image/png",
  svg: "image/svg+xml",
  woff2: "font/woff2",
};
/** Built asset names: `<name>-<hash>.<ext>`, nothing that could leave the folder. */
const ASSET = /^\/assets\/([A-Za-z0-9_-]+\.(js|css|png|svg|woff2))$/;

/**
 * Serves the page: `/` is `index.html` (revalidated on every visit, so a new build shows at once) and
 * `/assets/*` the content-hashed files (cached for a year, immutable; gzip when the client accepts it). Returns
 * false for any other path.
 */
export function webPageHandler(webDir = defaultWebDir) {
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    const asset = ASSET.exec(pathname);
    if (pathname !== "/" && pathname !== "/index.html" && !asset) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("method not allowed");
      return true;
    }
    const send = asset ? sendAsset(req, res, webDir, asset[1]!, asset[2]!) : sendIndex(req, res, webDir);
    send.catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("internal error");
      } else res.destroy();
    });
    return true;
  };
}

async function sendIndex(req: IncomingMessage, res: ServerResponse, webDir: string): Promise<void> {
  let html: Buffer;
  try {
    html = await readFile(join(webDir, "index.html"));
  } catch {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("The dashboard page is not built: run `npm run build:web` (npm start does it). The API is at /graphql.\n");
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "content-security-policy": contentSecurityPolicy(req.headers.host),
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-cache",
    "content-length": html.length,
  });
  res.end(req.method === "HEAD" ? undefined : html);
}

async function sendAsset(req: IncomingMessage, res: ServerResponse, webDir: string, name: string, ext: string): Promise<void> {
  const path = join(webDir, "assets", name);
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const found = (await tryStat(gzip ? `${path}.gz` : path)) ?? (gzip ? await tryStat(path) : undefined);
  if (!found) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("not found");
    return;
  }
  const compressed = found.path.endsWith(".gz");
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "content-type": TYPES[ext]!,
    "cache-control": "public, max-age=31536000, immutable",
    "content-length": found.size,
    vary: "accept-encoding",
    ...(compressed ? { "content-encoding": "gzip" } : {}),
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(found.path).on("error", reject).pipe(res).on("finish", resolve).on("error", reject);
  });
}

async function tryStat(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size } : undefined;
  } catch {
    return undefined;
  }
}
