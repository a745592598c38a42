import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUnitCodes } from "../../src/demo/units.demo.js";
import { formatCount, formatRate } from "../../web/src/format.js";
import { collectPageErrors, launchChromium } from "../support/browser.js";
import { dossierCode, issueToken, SUBMIT } from "../support/dossiers.js";
import { ok, startServer, type TestServer } from "../support/server.js";

// The page in a real Chromium against a hub with the demo data: one server and one browser for the whole file.

const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;
const METRICS = ["received", "resolved", "early", "onTime", "late", "onTimeRate", "pendingInTime", "overdue", "onlineShare"] as const;
const RATES = new Set<string>(["onTimeRate", "onlineShare"]);
const GIA_LAM = demoUnitCodes.giaLam;
const FIVE_MONTHS = { from: "2017-01-01", to: "2017-05-31" };

// A page load waits on the hub, the database and the browser at once: generous limits for a loaded CI machine.
describe("the dashboard page", { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let origin: string;
  let sequence = 9000;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { DEMO_DATA: "true" } }), launchChromium(), mkdir(ARTIFACTS, { recursive: true })]);
    origin = server.url.replace(/\/graphql$/, "");
  }, 600_000); // loading the demo data took 1.5 to over 4 minutes on the shared 2-core machine
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The headline figures as the API gives them, formatted as the page must show them. */
  async function apiFigures(unit: string, from: string, to: string): Promise<Record<string, string>> {
    const { dashboard } = ok(await server.gql(`query($unit: String!, $from: Date!, $to: Date!) { dashboard(agencyCode: $unit, from: $from, to: $to) { ${METRICS.join(" ")} } }`, { unit, from, to }));
    return Object.fromEntries(METRICS.map((m) => [m, RATES.has(m) ? formatRate(dashboard[m]) : formatCount(dashboard[m])]));
  }

  /** The figures the page shows, by their `data-metric`. */
  const pageFigures = (page: Page) =>
    page.$$eval("[data-metric]", (elements) => Object.fromEntries(elements.map((e) => [e.getAttribute("data-metric"), e.textContent])));

  async function open(path: string, width = 1440): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "vi-VN" });
    const errors = collectPageErrors(page);
    await page.goto(origin + path);
    return { page, errors };
  }

  const searchOf = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

  async function pushDossier(agencyCode: string, receivedAt: string, applicant?: Record<string, string>): Promise<string> {
    const { procedures } = ok(await server.gql(`{ procedures(filter: { level: COMMUNE }, first: 1) { edges { node { code } } } }`));
    const code = dossierCode(agencyCode, receivedAt, ++sequence);
    const input = { code, procedureCode: procedures.edges[0].node.code, agencyCode, channel: "ONLINE", receivedAt, ...(applicant ? { applicant } : {}) };
    expect(ok(await server.admin(SUBMIT, { input: [input] })).submitDossiers).toMatchObject({ applied: 1, failed: 0 });
    return code;
  }

  it("is served at / with a strict Content-Security-Policy, index.html revalidated and hashed assets cached for a year", async () => {
    const index = await fetch(`${origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const csp = index.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("connect-src 'self'");
    const html = await index.text();
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/); // no inline script
    expect(html).not.toMatch(/https?:\/\//); // nothing from another origin: no CDN, no external fonts
    const assets = [...html.matchAll(/"(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => /^\/assets\/app-[A-Z0-9]+\.js$/.test(a))).toBe(true);
    for (const asset of assets) {
      const res = await fetch(origin + asset, { headers: { "accept-encoding": "gzip" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    expect((await fetch(`${origin}/assets/../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/app-NOSUCHHASH.js`)).status).toBe(404);
  });

  it("opens the Gia Lâm view by URL with every headline figure equal to the API's, in Vietnamese format", async () => {
    const expected = await apiFigures(GIA_LAM, FIVE_MONTHS.from, FIVE_MONTHS.to);
    expect(expected.received).toBe("46.893");
    const { page, errors } = await open(`/?unit=${GIA_LAM}&from=2017-01-01&to=2017-05-31`);
    await expect.poll(() => pageFigures(page), { timeout: 30_000 }).toEqual(expected);
    expect(await page.textContent("main h2")).toBe("Huyện Gia Lâm");
    // Every chart has its table twin; the 22 communes are in the sortable table with their rank.
    for (const chart of ["chart-month", "chart-channel", "chart-field", "chart-service-index"]) {
      expect(await page.locator(`#${chart} canvas`).count()).toBe(1);
      expect(await page.locator(`#${chart}-table tbody tr`).count()).toBeGreaterThan(0);
    }
    expect(await page.locator("#chart-month-table tbody tr").count()).toBe(5);
    expect(await page.locator("#child-units tbody tr").count()).toBe(22);
    await page.screenshot({ path: `${ARTIFACTS}gia-lam-1440.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    // Readable on a phone: nothing wider than the screen, once the charts have followed the resize (Chart.js
    // resizes its canvases from a ResizeObserver, a frame or more after the viewport changes).
    await page.waitForFunction("document.documentElement.scrollWidth <= 375", null, { timeout: 5_000 }).catch(() => {});
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    await page.screenshot({ path: `${ARTIFACTS}gia-lam-375.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("changes unit and period through the controls, keyboard only, and keeps the URL and the figures in step", async () => {
    const { page, errors } = await open(`/?unit=${GIA_LAM}&from=2017-01-01&to=2017-05-31`);
    await page.waitForSelector('[data-metric="received"]');
    // Search without diacritics, pick with the arrow keys and Enter.
    await page.focus("#unit-search");
    await page.keyboard.type("bat trang");
    await page.waitForSelector('#unit-results li[data-code]');
    const code = await page.getAttribute('#unit-results li[data-code]', "data-code");
    expect(await page.textContent("#unit-results li[data-code]")).toContain("Bát Tràng");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => searchOf(page)).toEqual({ unit: code, ...FIVE_MONTHS });
    await expect.poll(() => pageFigures(page), { timeout: 30_000 }).toEqual(await apiFigures(code!, FIVE_MONTHS.from, FIVE_MONTHS.to));
    // The breadcrumb leads back up.
    expect(await page.locator(".breadcrumb a").allTextContents()).toEqual(["Thành phố Hà Nội", "Huyện Gia Lâm"]);

    // The period: March 2017.
    await page.selectOption("#period-kind", "month");
    await page.selectOption("#period-month", "3");
    await expect.poll(() => searchOf(page)).toEqual({ unit: code, from: "2017-03-01", to: "2017-03-31" });
    await expect.poll(() => pageFigures(page), { timeout: 30_000 }).toEqual(await apiFigures(code!, "2017-03-01", "2017-03-31"));

    // Back to Gia Lâm through the breadcrumb, then the first quarter.
    await page.click(`.breadcrumb a[data-unit="${GIA_LAM}"]`);
    await expect.poll(() => searchOf(page)).toEqual({ unit: GIA_LAM, from: "2017-03-01", to: "2017-03-31" });
    await page.selectOption("#period-kind", "quarter");
    await page.selectOption("#period-quarter", "1");
    await expect.poll(() => searchOf(page)).toEqual({ unit: GIA_LAM, from: "2017-01-01", to: "2017-03-31" });
    await expect.poll(() => pageFigures(page), { timeout: 30_000 }).toEqual(await apiFigures(GIA_LAM, "2017-01-01", "2017-03-31"));

    // The browser's back button returns to the previous view.
    await page.goBack();
    await expect.poll(() => searchOf(page)).toEqual({ unit: GIA_LAM, from: "2017-03-01", to: "2017-03-31" });
    await expect.poll(() => pageFigures(page), { timeout: 30_000 }).toEqual(await apiFigures(GIA_LAM, "2017-03-01", "2017-03-31"));

    // English labels, the same figures.
    await page.click("#language");
    expect(await page.textContent(".figure dt")).toBe("Received");
    await page.screenshot({ path: `${ARTIFACTS}gia-lam-march-en.png`, fullPage: true });
    await page.click("#language");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a dossier pushed through the API in `received` within 3 s, without reloading", async () => {
    const { page, errors } = await open(`/?unit=${GIA_LAM}&from=2017-01-01&to=2017-05-31`);
    await page.waitForSelector("#live[data-state='live']", { timeout: 30_000 });
    await page.waitForSelector('[data-metric="received"]');
    const before = await apiFigures(GIA_LAM, FIVE_MONTHS.from, FIVE_MONTHS.to);
    await expect.poll(() => pageFigures(page), { timeout: 30_000 }).toEqual(before);
    await page.evaluate("window.notReloaded = true");
    const commune = ok(await server.gql(`{ agencyUnit(code: "${GIA_LAM}") { children { code } } }`)).agencyUnit.children[0].code;
    await pushDossier(commune, "2017-05-30T09:00:00+07:00");
    const pushed = Date.now();
    const received = formatCount(Number(before.received!.replaceAll(".", "")) + 1);
    await expect.poll(() => page.textContent('[data-metric="received"]'), { timeout: 3_000, interval: 100 }).toBe(received);
    console.log(`received updated on the page ${Date.now() - pushed} ms after the push`);
    expect(await page.evaluate("window.notReloaded")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("follows the subtree's dossier changes with a token pasted once, kept in sessionStorage, masked for a reader", async () => {
    const token = await issueToken(server, ["READER"], GIA_LAM, "dashboard page test");
    const { page, errors } = await open(`/?unit=${GIA_LAM}&from=2017-01-01&to=2017-05-31`);
    await page.waitForSelector("#token");
    await page.fill("#token", token);
    await page.press("#token", "Enter");
    await page.waitForSelector("#forget-token");
    await page.waitForSelector("#live[data-state='live']", { timeout: 30_000 });
    expect(await page.evaluate('sessionStorage.getItem("lienthong.token")')).toBe(token);
    expect(page.url()).not.toContain(token);
    const commune = ok(await server.gql(`{ agencyUnit(code: "${GIA_LAM}") { children { code } } }`)).agencyUnit.children[1].code;
    // The subscription starts with the socket, an instant after the indicator turns live: a dossier pushed in that
    // instant is not in the feed (events from the moment of subscribing), so push again until one shows.
    const applicant = { name: "Nguyễn Văn A", identityNumber: "001090001234", phone: "0912345678" };
    let item = page.locator("#feed li[data-dossier]");
    let code = "";
    for (let attempt = 0; attempt < 3; attempt++) {
      code = await pushDossier(commune, "2017-05-29T10:00:00+07:00", applicant);
      item = page.locator(`#feed li[data-dossier="${code}"]`);
      if (await item.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
    }
    // The page shows what the API gives this token: the applicant masked as a reader sees it.
    const { dossier } = ok(await server.gql(`query($code: String!) { dossier(code: $code) { applicant { name identityNumber masked } } }`, { code }, token));
    expect(dossier.applicant.masked).toBe(true);
    const text = (await item.textContent())!;
    expect(text).toContain(`${dossier.applicant.name} (${dossier.applicant.identityNumber})`);
    expect(text).not.toContain("001090001234");
    expect(text).toMatch(/0\*+34/);
    await page.screenshot({ path: `${ARTIFACTS}feed.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says so when the unit code is unknown", async () => {
    const { page, errors } = await open("/?unit=999.99.99.H99&from=2017-01-01&to=2017-05-31");
    await expect.poll(() => page.textContent("#status"), { timeout: 30_000 }).toContain("Không tìm thấy đơn vị có mã 999.99.99.H99");
    expect(await page.locator("[data-metric]").count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}unknown-unit.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens the first province and the current year without parameters", async () => {
    const { agencyUnits } = ok(await server.gql(`{ agencyUnits(filter: { kind: PROVINCE }, first: 1) { edges { node { code } } } }`));
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const { page, errors } = await open("/");
    await expect.poll(() => searchOf(page), { timeout: 30_000 }).toEqual({ unit: agencyUnits.edges[0].node.code, from: `${year}-01-01`, to: `${year}-12-31` });
    await page.waitForSelector('[data-metric="received"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says the hub cannot be reached, and retries until it can", async () => {
    const page = await browser.newPage();
    await page.route("**/graphql", (route) => route.abort());
    await page.goto(`${origin}/?unit=${GIA_LAM}&from=2017-01-01&to=2017-05-31`);
    await expect.poll(() => page.textContent("#status"), { timeout: 10_000 }).toContain("Không kết nối được máy chủ");
    await page.screenshot({ path: `${ARTIFACTS}hub-down.png` });
    await page.unroute("**/graphql");
    await page.waitForSelector('[data-metric="received"]', { timeout: 30_000 });
    expect(await page.textContent("#status")).toBe("");
    await page.close();
  });
});
