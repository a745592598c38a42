import { formatCount, formatDecimal, formatMonth, formatRate } from "../format.js";
import { language, t, type Label } from "../i18n.js";
import type { DashboardData, ServiceIndexData } from "../queries.js";
import { chartFigure, palette } from "./chart-figure.js";

const countTicks = { callback: (value: string | number) => formatCount(Number(value)) };

/** Received per month beside resolved, split early / on time / late. */
export function monthChart(d: DashboardData): HTMLElement {
  const labels = d.byMonth.map((m) => formatMonth(m.month));
  return chartFigure(
    "chart-month",
    t("byMonth"),
    {
      type: "bar",
      data: {
        labels,
        datasets: [
          { label: t("received"), data: d.byMonth.map((m) => m.received), backgroundColor: palette.received, stack: "received" },
          { label: t("early"), data: d.byMonth.map((m) => m.early), backgroundColor: palette.early, stack: "resolved" },
          { label: t("onTime"), data: d.byMonth.map((m) => m.onTime), backgroundColor: palette.onTime, stack: "resolved" },
          { label: t("late"), data: d.byMonth.map((m) => m.late), backgroundColor: palette.late, stack: "resolved" },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, ticks: countTicks } } },
    },
    [t("month"), t("received"), t("resolved"), t("early"), t("onTime"), t("late")],
    d.byMonth.map((m, i) => [labels[i]!, formatCount(m.received), formatCount(m.resolved), formatCount(m.early), formatCount(m.onTime), formatCount(m.late)]),
  );
}

/** Received per channel (desk, online, post). */
export function channelChart(d: DashboardData): HTMLElement {
  const labels = d.byChannel.map((c) => t(`channel_${c.channel}` as Label));
  return chartFigure(
    "chart-channel",
    t("byChannel"),
    {
      type: "doughnut",
      data: { labels, datasets: [{ label: t("received"), data: d.byChannel.map((c) => c.received), backgroundColor: [palette.received, palette.early, palette.other] }] },
      options: { plugins: { legend: { position: "bottom" } } },
    },
    [t("channel"), t("received"), t("resolved"), t("onTimeRate")],
    d.byChannel.map((c, i) => [labels[i]!, formatCount(c.received), formatCount(c.resolved), formatRate(c.onTimeRate)]),
  );
}

/** Received per field, most first (the chart shows the first 10, the table every field). */
export function fieldChart(d: DashboardData): HTMLElement {
  const top = d.byField.slice(0, 10);
  return chartFigure(
    "chart-field",
    t("byField"),
    {
      type: "bar",
      data: {
        labels: top.map((f) => f.field),
        datasets: [
          { label: t("received"), data: top.map((f) => f.received), backgroundColor: palette.received },
          { label: t("resolved"), data: top.map((f) => f.resolved), backgroundColor: palette.onTime },
        ],
      },
      options: { indexAxis: "y", scales: { x: { ticks: countTicks } } },
    },
    [t("field"), t("received"), t("resolved"), t("onTimeRate")],
    d.byField.map((f) => [f.field, formatCount(f.received), formatCount(f.resolved), formatRate(f.onTimeRate)]),
    Math.max(200, 40 + top.length * 34),
  );
}

/** A group's name is `Vietnamese (English)`: the part of the page's language. */
function groupName(name: string): string {
  const match = /^(.*?)\s*\((.*)\)$/.exec(name);
  if (!match) return name;
  return language === "en" ? match[2]! : match[1]!;
}

/** The Decision 766 groups: points against the group's maximum; groups without data say so. */
export function serviceIndexChart(s: ServiceIndexData): HTMLElement {
  const title = `${t("serviceIndex")}: ${formatDecimal(s.points)} / ${formatDecimal(s.scoredMaxPoints)}`;
  return chartFigure(
    "chart-service-index",
    title,
    {
      type: "bar",
      data: {
        labels: s.groups.map((g) => groupName(g.name)),
        datasets: [
          { label: t("points"), data: s.groups.map((g) => g.points ?? 0), backgroundColor: palette.early, grouped: false, order: 0 },
          { label: t("maxPoints"), data: s.groups.map((g) => g.maxPoints), backgroundColor: "#d9dee5", grouped: false, order: 1 },
        ],
      },
      options: { indexAxis: "y" },
    },
    [t("group"), t("points"), t("scoredMaxPoints"), t("maxPoints")],
    s.groups.map((g) => [groupName(g.name), g.points === null ? t("notScored") : formatDecimal(g.points), formatDecimal(g.scoredMaxPoints), formatDecimal(g.maxPoints)]),
    240,
  );
}
