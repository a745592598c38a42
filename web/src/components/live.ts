import { h, replace } from "../dom.js";
import { formatInstant } from "../format.js";
import { t } from "../i18n.js";
import type { LiveState } from "../api.js";
import type { StatusEvent } from "../queries.js";

/** The live indicator: a dot and a word, announced politely when it changes. */
export function renderLiveIndicator(element: HTMLElement, state: LiveState): void {
  element.dataset.state = state.kind;
  const text = state.kind === "live" ? t("live") : state.kind === "connecting" ? t("liveConnecting") : `${t("liveReconnecting")} ${state.inSeconds} ${t("seconds")}`;
  replace(element, h("span", { class: "dot", "aria-hidden": "true" }), text);
}

const TOKEN_KEY = "lienthong.token";

/** The token pasted once, kept for the browser session (sessionStorage), never put in a URL. */
export const storedToken = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/**
 * The feed of dossier status changes in the unit's subtree. Without a token: a form to paste one. With one: the
 * latest changes first, as the API returns them (identity and phone numbers masked unless the token may see them).
 */
export function feedSection(events: StatusEvent[] | null, error: string | null, onToken: (token: string | null) => void): HTMLElement {
  const token = storedToken.get();
  const section = h("section", { class: "card wide", id: "feed", "aria-labelledby": "feed-title" }, h("h2", { id: "feed-title" }, t("feed")));
  if (!token) {
    const input = h("input", { id: "token", type: "password", autocomplete: "off", spellcheck: "false", required: true });
    const form = h("form", { class: "token-form" }, h("label", { for: "token" }, t("token")), input, h("button", { type: "submit" }, t("saveToken")));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (value) onToken(value);
    });
    section.append(h("p", { class: "help" }, t("tokenHelp")), form);
    return section;
  }
  const forget = h("button", { type: "button", class: "link", id: "forget-token" }, t("forgetToken"));
  forget.addEventListener("click", () => onToken(null));
  section.append(forget);
  if (error) section.append(h("p", { class: "error", role: "alert" }, `${t("feedError")}: ${error}`));
  const list = events ?? [];
  section.append(
    list.length === 0
      ? h("p", { class: "help" }, t("feedEmpty"))
      : h(
          "ol",
          { class: "feed", "aria-live": "polite" },
          list.map((e) =>
            h(
              "li",
              { "data-dossier": e.dossier.code },
              h("time", { datetime: e.at }, formatInstant(e.at)),
              " ",
              h("strong", {}, e.dossier.code),
              ` ${e.from ?? "∅"} → ${e.to}`,
              e.dossier.procedure ? h("span", { class: "muted" }, ` · ${e.dossier.procedure.name}`) : null,
              e.dossier.applicant
                ? h("span", { class: "applicant" }, ` · ${e.dossier.applicant.name}${e.dossier.applicant.identityNumber ? ` (${e.dossier.applicant.identityNumber})` : ""}`)
                : null,
            ),
          ),
        ),
  );
  return section;
}
