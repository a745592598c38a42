import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { h } from "../dom.js";
import { t } from "../i18n.js";

// Only the parts the page draws, so the bundle carries no other chart type.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

export const palette = { received: "#1f5fa8", early: "#2e8540", onTime: "#7cb87c", late: "#c0392b", other: "#8a6d3b" };

/** The tables shown by their toggle: still shown when the hub pushes fresh figures. */
const openTables = new Set<string>();

/** The chart instances on the page, destroyed before their canvas is replaced. */
const charts = new Set<Chart>();

export function destroyCharts(): void {
  for (const chart of charts) chart.destroy();
  charts.clear();
}

/**
 * A chart with its table twin: the canvas is hidden from screen readers, which read the table (visually hidden,
 * shown with the "table" toggle for anyone who prefers numbers).
 */
export function chartFigure(
  id: string,
  title: string,
  config: ChartConfiguration,
  head: string[],
  rows: (string | number)[][],
  height = 260,
): HTMLElement {
  const canvas = h("canvas", { "aria-hidden": "true" });
  const box = h("div", { class: "chart-box" }, canvas);
  box.style.height = `${height}px`;
  const table = h(
    "div",
    { class: "table-twin scroll", id: `${id}-table` },
    h(
      "table",
      {},
    h("caption", {}, `${title} — ${t("chartTable")}`),
    h("thead", {}, h("tr", {}, head.map((cell, i) => h("th", { scope: "col", class: i > 0 ? "num" : null }, cell)))),
      h("tbody", {}, rows.map((row) => h("tr", {}, row.map((cell, i) => (i === 0 ? h("th", { scope: "row" }, cell) : h("td", { class: "num" }, cell)))))),
    ),
  );
  const shown = openTables.has(id);
  table.classList.toggle("shown", shown);
  const toggle = h("button", { type: "button", class: "link", "aria-controls": `${id}-table`, "aria-expanded": String(shown) }, t("chartTable"));
  toggle.addEventListener("click", () => {
    const open = table.classList.toggle("shown");
    if (open) openTables.add(id);
    else openTables.delete(id);
    toggle.setAttribute("aria-expanded", String(open));
  });
  const figure = h("figure", { class: "card chart", id }, h("figcaption", {}, h("h2", {}, title), toggle), box, table);
  // Drawn once the canvas is in the document, so that Chart.js can measure it.
  queueMicrotask(() => {
    if (canvas.isConnected) charts.add(new Chart(canvas, config));
  });
  return figure;
}
