import type { Client } from "graphql-ws";
import { ApiError, gql, HubDownError, liveClient, type LiveState } from "./api.js";
import { channelChart, fieldChart, monthChart, serviceIndexChart } from "./components/charts.js";
import { destroyCharts } from "./components/chart-figure.js";
import { headline } from "./components/headline.js";
import { feedSection, renderLiveIndicator, storedToken } from "./components/live.js";
import { periodPicker } from "./components/period-picker.js";
import { childUnitsTable, indexResultsTable, overdueProceduresTable } from "./components/tables.js";
import { unitPicker } from "./components/unit-picker.js";
import { h, replace } from "./dom.js";
import { formatDate, formatInstant } from "./format.js";
import { language, setLanguage, t } from "./i18n.js";
import {
  DASHBOARD, DASHBOARD_CHANGED, DOSSIER_STATUS_CHANGED, FIRST_PROVINCE, INDEX_FRAMEWORKS, indexHistoryQuery, UNIT,
  type DashboardData, type IndexYear, type ServiceIndexData, type StatusEvent, type UnitData, type UnitLine,
} from "./queries.js";
import { readState, stateUrl, todayInVietnam, type ViewState } from "./state.js";

/** Everything the page shows; rendering reads only this. */
const view = {
  state: readState(location.search),
  unit: null as UnitData | null,
  dashboard: null as DashboardData | null,
  serviceIndex: null as ServiceIndexData | null,
  indexResults: [] as { name: string; maxTotal: number; years: IndexYear[] }[],
  /** A message instead of the figures: unknown unit, bad period, hub down. */
  problem: null as string | null,
  loading: true,
  live: { kind: "connecting" } as LiveState,
  feed: [] as StatusEvent[],
  feedError: null as string | null,
};

const app = document.getElementById("app")!;
const liveIndicator = h("p", { class: "live", id: "live", role: "status" });
const controls = h("nav", { class: "controls", "aria-label": t("mainNav") });
const status = h("div", { id: "status", role: "status", "aria-live": "polite" });
const main = h("main", { id: "main", tabindex: "-1" });

// ---- navigation ------------------------------------------------------------------------------------------------

const asOf = () => (view.state.to < todayInVietnam() ? view.state.to : todayInVietnam());

/** A link to a unit's view for the same period: a real link (new tab, copy), followed in place on a plain click. */
function unitLink(unit: Pick<UnitLine, "code" | "name">): HTMLAnchorElement {
  const a = h("a", { href: stateUrl({ ...view.state, unit: unit.code }), "data-unit": unit.code }, unit.name);
  a.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate({ ...view.state, unit: unit.code });
  });
  return a;
}

function navigate(next: ViewState): void {
  const url = stateUrl(next);
  if (url === location.pathname + location.search) return;
  history.pushState(null, "", url);
  void load(next);
}
addEventListener("popstate", () => void load(readState(location.search)));

// ---- data --------------------------------------------------------------------------------------------------------

let loadSequence = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let frameworks: Promise<{ code: string; name: string; maxTotal: number }[]> | null = null;

/** Loads the view of `state`: the unit and the figures at once (two requests in parallel), then index results. */
async function load(state: ViewState, attempt = 0): Promise<void> {
  const mine = ++loadSequence;
  clearTimeout(retryTimer);
  view.state = state;
  view.loading = true;
  renderStatus();
  try {
    if (!state.unit) {
      const first = await gql<{ agencyUnits: { edges: { node: { code: string } }[] } }>(FIRST_PROVINCE);
      const code = first.agencyUnits.edges[0]?.node.code;
      if (!code) throw new ApiError("no agency unit yet", "NOT_FOUND");
      state = { ...state, unit: code };
      history.replaceState(null, "", stateUrl(state));
      view.state = state;
    }
    const variables = { unit: state.unit!, from: state.from, to: state.to };
    const unitRequest = gql<{ agencyUnit: UnitData | null }>(UNIT, { code: state.unit, asOf: asOf() });
    const figuresRequest = gql<{ dashboard: DashboardData; serviceIndex: ServiceIndexData }>(DASHBOARD, variables);
    figuresRequest.catch(() => {});
    const { agencyUnit } = await unitRequest;
    if (mine !== loadSequence) return;
    if (!agencyUnit) {
      Object.assign(view, { unit: null, dashboard: null, serviceIndex: null, indexResults: [], loading: false, problem: `${t("unknownUnit")} ${state.unit}.` });
      subscribeLive();
      return render();
    }
    const figures = await figuresRequest;
    if (mine !== loadSequence) return;
    Object.assign(view, { unit: agencyUnit, dashboard: figures.dashboard, serviceIndex: figures.serviceIndex, indexResults: [], loading: false, problem: null });
    render();
    // For the benchmark (scripts/bench/web-page.ts): when the first figures were in the document.
    if (performance.getEntriesByName("first-figures").length === 0) performance.mark("first-figures");
    subscribeLive();
    void loadIndexResults(state.unit!, mine);
  } catch (error) {
    if (mine !== loadSequence) return;
    view.loading = false;
    if (error instanceof HubDownError) {
      const seconds = Math.min(30, 2 ** attempt);
      view.problem = `${t("hubDown")} ${seconds} ${t("seconds")}.`;
      retryTimer = setTimeout(() => void load(view.state, attempt + 1), seconds * 1000);
    } else {
      view.problem = `${t("error")}: ${(error as Error).message}`;
      Object.assign(view, { dashboard: null, serviceIndex: null });
    }
    render();
  }
}

async function loadIndexResults(unit: string, mine: number): Promise<void> {
  try {
    frameworks ??= gql<{ indexFrameworks: { edges: { node: { code: string; name: string; maxTotal: number } }[] } }>(INDEX_FRAMEWORKS).then((d) =>
      d.indexFrameworks.edges.map((e) => e.node),
    );
    const list = await frameworks;
    if (list.length === 0) return;
    const variables: Record<string, string> = { unit };
    list.forEach((f, i) => (variables[`f${i}`] = f.code));
    const data = await gql<Record<string, IndexYear[]>>(indexHistoryQuery(list.length), variables);
    if (mine !== loadSequence) return;
    view.indexResults = list.map((f, i) => ({ name: f.name, maxTotal: f.maxTotal, years: data[`f${i}`] ?? [] }));
    const section = indexResultsTable(view.indexResults);
    if (section) main.querySelector("#index-results")?.replaceWith(section) ?? main.append(section);
  } catch {
    frameworks = null; // index results are a supplement: the figures stay, a later view asks again
  }
}

// ---- live --------------------------------------------------------------------------------------------------------

let client: Client | null = null;
let stopDashboard: (() => void) | null = null;
let stopFeed: (() => void) | null = null;
let feedVariables: { unit: string; after: string | null } | null = null;

function connect(): void {
  client?.dispose();
  const token = storedToken.get();
  client = liveClient(
    token ? `Bearer ${token}` : null,
    (state) => {
      view.live = state;
      renderLiveIndicator(liveIndicator, state);
    },
    () => {
      view.feedError = "UNAUTHENTICATED";
      storedToken.clear();
      connect();
      renderFeed();
    },
  );
  stopDashboard = stopFeed = null;
  subscribeLive();
}

const withoutInstant = (d: DashboardData) => JSON.stringify({ ...d, computedAt: null });

/** (Re)subscribes to the figures of the current view, and to its dossier changes when a token is stored. */
function subscribeLive(): void {
  stopDashboard?.();
  stopFeed?.();
  stopDashboard = stopFeed = null;
  const { unit, from, to } = view.state;
  if (!client || !unit || !view.dashboard) return;
  stopDashboard = client.subscribe<{ dashboardChanged: DashboardData }>(
    { query: DASHBOARD_CHANGED, variables: { unit, from, to } },
    {
      next: ({ data }) => {
        const fresh = data?.dashboardChanged;
        const current = view.dashboard;
        if (!fresh || !current || fresh.unit.code !== unit || view.state.unit !== unit || view.state.from !== from || view.state.to !== to) return;
        if (withoutInstant(fresh) === withoutInstant(current)) return;
        view.dashboard = fresh;
        renderFigures();
      },
      error: () => {},
      complete: () => {},
    },
  );
  if (!storedToken.get()) return;
  if (feedVariables?.unit !== unit) {
    view.feed = [];
    view.feedError = null;
  }
  // The client re-sends this payload after a reconnect: `after` then names the last event seen, and the hub
  // replays what was missed, none twice.
  const variables = { unit, after: view.feed[0]?.cursor ?? null };
  feedVariables = variables;
  stopFeed = client.subscribe<{ dossierStatusChanged: StatusEvent }>(
    { query: DOSSIER_STATUS_CHANGED, variables },
    {
      next: ({ data, errors }) => {
        if (errors?.length) {
          view.feedError = errors[0]!.message;
        } else if (data) {
          view.feed = [data.dossierStatusChanged, ...view.feed].slice(0, 30);
          variables.after = data.dossierStatusChanged.cursor;
          view.feedError = null;
        }
        renderFeed();
      },
      error: (error) => {
        view.feedError = Array.isArray(error) ? (error[0] as { message?: string })?.message ?? "error" : "error";
        renderFeed();
      },
      complete: () => {},
    },
  );
}

// ---- rendering ---------------------------------------------------------------------------------------------------

function renderStatus(): void {
  if (view.problem) replace(status, h("p", { class: "problem", role: "alert" }, view.problem));
  else if (view.loading) replace(status, h("p", { class: "loading" }, t("loading")));
  else replace(status);
}

function renderControls(): void {
  replace(
    controls,
    unitPicker(view.unit, { asOf: asOf(), select: (code) => navigate({ ...view.state, unit: code }), link: unitLink }),
    periodPicker(view.state.from, view.state.to, (from, to) => navigate({ ...view.state, from, to })),
  );
}

function renderFeed(): void {
  const section = feedSection(view.feed, view.feedError, (token) => {
    if (token) storedToken.set(token);
    else storedToken.clear();
    view.feed = [];
    view.feedError = null;
    connect();
    renderFeed();
  });
  const old = main.querySelector("#feed");
  if (old) old.replaceWith(section);
  else if (view.dashboard) main.append(section);
}

/** The figures, charts and tables of the dashboard (re-drawn when the hub pushes fresh figures). */
function renderFigures(): void {
  destroyCharts();
  const d = view.dashboard;
  if (!d) return replace(main);
  // Kept as they are: index results load after the figures, and the feed may hold a half-typed token.
  const index = main.querySelector("#index-results");
  const feed = main.querySelector("#feed");
  replace(
    main,
    h(
      "header",
      { class: "view-title" },
      h("h2", {}, d.unit.name),
      h("p", {}, `${formatDate(d.from)} – ${formatDate(d.to)} · `, h("span", { id: "computed-at" }, `${t("updatedAt")} ${formatInstant(d.computedAt)}`)),
    ),
    headline(d),
    h(
      "div",
      { class: "grid" },
      monthChart(d),
      channelChart(d),
      fieldChart(d),
      view.serviceIndex ? serviceIndexChart(view.serviceIndex) : null,
    ),
    childUnitsTable(d, unitLink),
    overdueProceduresTable(d),
    index ?? indexResultsTable(view.indexResults),
    feed,
  );
  if (!feed) renderFeed();
}

function render(): void {
  renderStatus();
  renderControls();
  renderFigures();
  renderFeed();
}

function renderShell(): void {
  const switcher = h("button", { type: "button", id: "language", lang: language === "vi" ? "en" : "vi", "aria-label": t("languageLabel") }, t("language"));
  switcher.addEventListener("click", () => {
    setLanguage(language === "vi" ? "en" : "vi");
    renderShell();
    render();
  });
  controls.setAttribute("aria-label", t("mainNav"));
  renderLiveIndicator(liveIndicator, view.live);
  const skip = document.querySelector(".skip");
  if (skip) skip.textContent = t("skip");
  replace(app, h("header", { class: "top" }, h("h1", {}, h("a", { href: "/" }, "Lienthong"), " ", h("span", {}, t("title"))), liveIndicator, switcher), controls, status, main);
}

setLanguage(language);
renderShell();
connect();
void load(view.state);
