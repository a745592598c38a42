import { buildWebPage } from "../scripts/build-web.js";

/** The dashboard page is served from its build: build it once before any test file starts a server. */
export default async function setup(): Promise<void> {
  await buildWebPage();
}
