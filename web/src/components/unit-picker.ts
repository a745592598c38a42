import { gql } from "../api.js";
import { h, replace } from "../dom.js";
import { t } from "../i18n.js";
import { SEARCH_UNITS, type UnitData, type UnitLine } from "../queries.js";

interface PickerOptions {
  /** The units are those existing on this day (the end of the period, at the latest today). */
  asOf: string;
  select(code: string): void;
  link(unit: UnitLine): HTMLAnchorElement;
}

/**
 * A search box (a combobox: arrows move through the matches, Enter opens one, Escape closes the list), the
 * breadcrumb of the unit's ancestors and the units below it to drill down.
 */
export function unitPicker(unit: UnitData | null, options: PickerOptions): HTMLElement {
  const input = h("input", {
    id: "unit-search",
    type: "search",
    role: "combobox",
    autocomplete: "off",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "unit-results",
    placeholder: t("searchUnit"),
  });
  const list = h("ul", { id: "unit-results", role: "listbox", class: "results", hidden: true, "aria-label": t("unit") });
  let matches: (UnitLine & { parent: { name: string } | null })[] = [];
  let active = -1;
  let sequence = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll("li").forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", `unit-option-${index}`);
  };
  const show = () => {
    replace(
      list,
      matches.length === 0
        ? h("li", { class: "empty", role: "option", "aria-disabled": "true" }, t("noUnitFound"))
        : matches.map((m, i) => {
            const li = h("li", { id: `unit-option-${i}`, role: "option", "aria-selected": "false", "data-code": m.code }, h("span", {}, m.name), h("small", {}, ` ${m.code}${m.parent ? ` · ${m.parent.name}` : ""}`));
            li.addEventListener("mousedown", (event) => {
              event.preventDefault();
              options.select(m.code);
            });
            return li;
          }),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const search = input.value.trim();
    if (search.length < 2) return close();
    timer = setTimeout(async () => {
      const mine = ++sequence;
      try {
        const data = await gql<{ agencyUnits: { edges: { node: UnitLine & { parent: { name: string } | null } }[] } }>(SEARCH_UNITS, { search, asOf: options.asOf });
        if (mine !== sequence) return;
        matches = data.agencyUnits.edges.map((e) => e.node);
        active = -1;
        show();
      } catch {
        if (mine === sequence) close();
      }
    }, 200);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (matches.length === 0) return;
      highlight((active + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (event.key === "Enter") {
      const chosen = matches[active >= 0 ? active : 0];
      if (chosen) {
        event.preventDefault();
        options.select(chosen.code);
      }
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));

  const crumbs = unit
    ? h(
        "nav",
        { class: "breadcrumb", "aria-label": t("breadcrumb") },
        h("ol", {}, unit.ancestors.map((a) => h("li", {}, options.link(a))), h("li", { "aria-current": "page" }, h("strong", {}, unit.name), " ", h("small", {}, unit.code))),
      )
    : null;
  const children = unit
    ? h(
        "details",
        { class: "children", open: unit.children.length > 0 && unit.children.length <= 12 },
        h("summary", {}, `${t("children")} (${unit.children.length})`),
        unit.children.length === 0 ? h("p", {}, t("noChildren")) : h("ul", {}, unit.children.map((c) => h("li", {}, options.link(c)))),
      )
    : null;

  return h(
    "div",
    { class: "unit-picker" },
    h("label", { for: "unit-search" }, t("unit")),
    h("div", { class: "combobox" }, input, list),
    crumbs,
    children,
  );
}
