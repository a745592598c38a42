import { h } from "../dom.js";
import { formatCount, formatDecimal, formatRate } from "../format.js";
import { t, type Label } from "../i18n.js";
import type { DashboardData, IndexYear } from "../queries.js";

type ChildRow = DashboardData["byChildUnit"][number] & { rank: number | null };
type SortKey = "name" | "received" | "resolved" | "onTimeRate" | "overdue" | "rank";

const sort = { key: "rank" as SortKey, descending: false };

/** In the chosen direction, nulls (nothing resolved, no rank) last whatever the direction, then by code. */
function compare(a: ChildRow, b: ChildRow): number {
  const direction = sort.descending ? -1 : 1;
  let order: number;
  if (sort.key === "name") order = direction * a.unit.name.localeCompare(b.unit.name, "vi");
  else {
    const x = a[sort.key];
    const y = b[sort.key];
    order = x === null || y === null ? (x === y ? 0 : x === null ? 1 : -1) : direction * (x - y);
  }
  return order || a.unit.code.localeCompare(b.unit.code);
}

/**
 * The child units with their ranking by on-time rate; a column header sorts (again: the other way). Unit names
 * link to their own view.
 */
export function childUnitsTable(d: DashboardData, link: (unit: { code: string; name: string }) => HTMLAnchorElement): HTMLElement {
  const rankOf = new Map(d.ranking.map((r) => [r.unit.code, r.rank]));
  const rows: ChildRow[] = d.byChildUnit.map((c) => ({ ...c, rank: rankOf.get(c.unit.code) ?? null }));
  const section = h("section", { class: "card wide", id: "child-units", "aria-labelledby": "child-units-title" });
  const columns: { key: SortKey; label: Label }[] = [
    { key: "rank", label: "rank" },
    { key: "name", label: "unit" },
    { key: "received", label: "received" },
    { key: "resolved", label: "resolved" },
    { key: "onTimeRate", label: "onTimeRate" },
    { key: "overdue", label: "overdue" },
  ];
  const render = () => {
    const sorted = [...rows].sort(compare);
    section.replaceChildren(
      h("h2", { id: "child-units-title" }, `${t("childUnits")} (${rows.length})`),
      rows.length === 0
        ? h("p", {}, t("noChildren"))
        : h(
            "div",
            { class: "scroll" },
            h(
              "table",
              { class: "data" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  columns.map(({ key, label }) => {
                    const active = sort.key === key;
                    const button = h("button", { type: "button", class: "sort", "data-sort": key, title: `${t("sortBy")} ${t(label)}` }, t(label), active ? (sort.descending ? " ▼" : " ▲") : "");
                    button.addEventListener("click", () => {
                      sort.descending = active ? !sort.descending : key !== "name" && key !== "rank";
                      sort.key = key;
                      render();
                      section.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
                    });
                    return h("th", { scope: "col", class: key === "name" ? null : "num", "aria-sort": active ? (sort.descending ? "descending" : "ascending") : null }, button);
                  }),
                ),
              ),
              h(
                "tbody",
                {},
                sorted.map((row) =>
                  h(
                    "tr",
                    { "data-unit": row.unit.code },
                    h("td", { class: "num" }, row.rank ?? "–"),
                    h("th", { scope: "row" }, link(row.unit)),
                    h("td", { class: "num" }, formatCount(row.received)),
                    h("td", { class: "num" }, formatCount(row.resolved)),
                    h("td", { class: "num" }, formatRate(row.onTimeRate)),
                    h("td", { class: "num" }, formatCount(row.overdue)),
                  ),
                ),
              ),
            ),
          ),
    );
  };
  render();
  return section;
}

/** The procedures with the most overdue open dossiers. */
export function overdueProceduresTable(d: DashboardData): HTMLElement {
  return h(
    "section",
    { class: "card wide", id: "overdue-procedures", "aria-labelledby": "overdue-title" },
    h("h2", { id: "overdue-title" }, t("overdueProcedures")),
    d.mostOverdueProcedures.length === 0
      ? h("p", {}, t("none"))
      : h(
          "div",
          { class: "scroll" },
          h(
            "table",
            { class: "data" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("code")), h("th", { scope: "col" }, t("procedure")), h("th", { scope: "col" }, t("field")), h("th", { scope: "col", class: "num" }, t("overdue")))),
            h(
              "tbody",
              {},
              d.mostOverdueProcedures.map((p) => h("tr", {}, h("td", {}, p.code), h("th", { scope: "row" }, p.name), h("td", {}, p.field), h("td", { class: "num" }, formatCount(p.overdue)))),
            ),
          ),
        ),
  );
}

/** A unit's results in each index framework that has any (PAR Index, SIPAS…), year by year. */
export function indexResultsTable(results: { name: string; maxTotal: number; years: IndexYear[] }[]): HTMLElement | null {
  const shown = results.filter((r) => r.years.length > 0);
  if (shown.length === 0) return null;
  const rank = (rank: number | null, of: number | null) => (rank === null ? "–" : of ? `${rank}/${of}` : String(rank));
  return h(
    "section",
    { class: "card wide", id: "index-results", "aria-labelledby": "index-title" },
    h("h2", { id: "index-title" }, t("indexResults")),
    shown.map((r) =>
      h(
        "div",
        { class: "scroll" },
        h(
          "table",
          { class: "data" },
          h("caption", {}, `${r.name} (${t("maxPoints")} ${formatDecimal(r.maxTotal)})`),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("year")), h("th", { scope: "col", class: "num" }, t("total")), h("th", { scope: "col", class: "num" }, t("computedRank")), h("th", { scope: "col", class: "num" }, t("publishedRank")))),
          h(
            "tbody",
            {},
            r.years.map((y) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, y.year),
                h("td", { class: "num" }, formatDecimal(y.total ?? y.publishedTotal)),
                h("td", { class: "num" }, rank(y.rank, y.comparedCount)),
                h("td", { class: "num" }, rank(y.publishedRank, y.publishedOf)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
