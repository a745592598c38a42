import { h } from "../dom.js";
import { formatCount, formatRate } from "../format.js";
import { t, type Label } from "../i18n.js";
import type { DashboardData } from "../queries.js";

/** The headline figures, in the order a report gives them; each element names its Dashboard field. */
const METRICS: { field: keyof DashboardData & Label; rate?: boolean; tone?: string }[] = [
  { field: "received" },
  { field: "resolved" },
  { field: "early", tone: "good" },
  { field: "onTime", tone: "good" },
  { field: "late", tone: "bad" },
  { field: "onTimeRate", rate: true, tone: "good" },
  { field: "pendingInTime" },
  { field: "overdue", tone: "bad" },
  { field: "onlineShare", rate: true },
];

export function headline(dashboard: DashboardData): HTMLElement {
  return h(
    "section",
    { class: "headline", "aria-labelledby": "headline-title" },
    h("h2", { id: "headline-title", class: "visually-hidden" }, t("headline")),
    h(
      "dl",
      { class: "figures" },
      METRICS.map(({ field, rate, tone }) => {
        const value = dashboard[field] as number | null;
        return h(
          "div",
          { class: `figure ${tone ?? ""}` },
          h("dt", {}, t(field)),
          h("dd", { "data-metric": field }, rate ? formatRate(value) : formatCount(value)),
        );
      }),
    ),
  );
}
