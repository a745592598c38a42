import { h } from "../dom.js";
import { formatDate } from "../format.js";
import { t } from "../i18n.js";
import { monthPeriod, periodKind, quarterPeriod, yearPeriod, type PeriodKind } from "../state.js";

/**
 * The period: a month, a quarter, a year or custom dates. Month, quarter and year apply at once; custom dates
 * with the Apply button (so that half-typed dates do not reload the page).
 */
export function periodPicker(from: string, to: string, apply: (from: string, to: string) => void): HTMLElement {
  const current = periodKind(from, to);
  const kind = h(
    "select",
    { id: "period-kind", "aria-label": t("periodKind") },
    (["month", "quarter", "year", "custom"] as PeriodKind[]).map((k) => h("option", { value: k, selected: k === current.kind }, t(k))),
  );
  const year = h("input", { id: "period-year", type: "number", min: 1900, max: 2199, value: current.year, "aria-label": t("year"), inputmode: "numeric" });
  const month = h("select", { id: "period-month", "aria-label": t("month") }, Array.from({ length: 12 }, (_, i) => h("option", { value: i + 1, selected: i + 1 === current.month }, `${t("month")} ${i + 1}`)));
  const quarter = h("select", { id: "period-quarter", "aria-label": t("quarter") }, [1, 2, 3, 4].map((q) => h("option", { value: q, selected: q === current.quarter }, `${t("quarter")} ${q}`)));
  const fromInput = h("input", { id: "period-from", type: "date", value: from, "aria-label": t("from") });
  const toInput = h("input", { id: "period-to", type: "date", value: to, "aria-label": t("to") });
  const applyButton = h("button", { type: "submit", id: "period-apply" }, t("apply"));
  const custom = h("span", { class: "custom" }, fromInput, "–", toInput, applyButton);

  const layout = () => {
    const k = kind.value as PeriodKind;
    month.hidden = k !== "month";
    quarter.hidden = k !== "quarter";
    year.hidden = k === "custom";
    custom.hidden = k !== "custom";
  };
  const choose = () => {
    const k = kind.value as PeriodKind;
    layout();
    if (k === "custom") return;
    const y = Number(year.value);
    if (!Number.isInteger(y) || y < 1900 || y > 2199) return;
    const period = k === "year" ? yearPeriod(y) : k === "quarter" ? quarterPeriod(y, Number(quarter.value)) : monthPeriod(y, Number(month.value));
    apply(period.from, period.to);
  };
  kind.addEventListener("change", choose);
  month.addEventListener("change", choose);
  quarter.addEventListener("change", choose);
  year.addEventListener("change", choose);
  const form = h("form", { class: "period-picker", "aria-label": t("period") }, h("span", { class: "label" }, t("period")), kind, year, month, quarter, custom, h("output", { class: "period-text" }, `${formatDate(from)} – ${formatDate(to)}`));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (kind.value === "custom" && fromInput.value && toInput.value && fromInput.value <= toInput.value) apply(fromInput.value, toInput.value);
  });
  layout();
  return form;
}
