// The event table: filters (also quad class and statements), columns sorted by the server, a
// CSV download of exactly the current filter, and a click on a row opens the article there.
import { cameoName, ploverInfo, QUADS } from "./codes.js";
import { getJSON } from "./api.js";
import { h, pagedList, showError } from "./dom.js";
import { articleHash, hashFor, navigate } from "./router.js";

// "reported N times in M articles from K outlets" under an event of a fused event; a click
// lists each report, linked to its article at that event's sentence.
function reports(e) {
  const f = e.fused;
  if (!f || f.mentions < 2) return null;
  const line = h("div", { class: "small fused" },
    h("a", { href: "#", onclick: async (ev) => {
      ev.preventDefault();
      try {
        const u = await getJSON(`/api/events/${encodeURIComponent(f.id)}`);
        line.replaceChildren(h("ul", {}, ...u.reports.map((r) => h("li", {},
          h("a", { href: articleHash(r.article_id, { event: r.event_id }) }, `${r.outlet || r.article_id}: ${r.sentence.text}`)))));
      } catch (error) { showError(error); }
    } }, `reported ${f.mentions} times in ${f.articles} articles from ${f.sources} outlets`));
  return line;
}

const FILTERS = ["source", "target", "actor", "cameo", "plover", "modality", "quad", "statements", "since", "until", "article"];

/** The query string of the filters in `params` (no paging, no sort): for the CSV link. */
function filterQuery(params) {
  const q = new URLSearchParams();
  for (const key of FILTERS) if (params[key]) q.set(key, params[key]);
  return q.toString();
}

function party(code, name) {
  return [h("span", { class: "code" }, code || "—"), h("div", { class: "small" }, name || "")];
}

export function initEvents() {
  const table = document.getElementById("events-table");
  const csvLink = document.getElementById("events-csv");
  let current = {};
  const go = (params) => navigate(hashFor("events", params));

  for (const th of table.querySelectorAll("th[data-sort]")) {
    const button = h("button", { type: "button", class: "sort" }, th.textContent);
    button.addEventListener("click", () => {
      const key = th.dataset.sort;
      // First click: the natural order of the column (newest day, strongest Goldstein first
      // is "-"); a second click reverses it.
      const now = current.sort || "-day";
      const next = now === key ? `-${key}` : now === `-${key}` ? key : (key === "day" ? "-day" : key);
      go({ ...current, sort: next, offset: "" });
    });
    th.replaceChildren(button);
  }

  const show = pagedList({
    formId: "events-form",
    listEl: table.querySelector("tbody"),
    pagerId: "events-pager",
    endpoint: "/api/events",
    limit: 25,
    go,
    keep: ["sort", "article"],
    row: (e) => {
      const plover = ploverInfo(e.plover);
      const open = articleHash(e.article_id, { event: e.id });
      return h("tr", {
        "data-article": e.article_id, "data-event": e.id, title: e.title || e.article_id,
        onclick: (ev) => { if (!ev.target.closest("a")) navigate(open); },
      },
      h("td", {}, e.day || "—"),
      h("td", {}, party(e.source?.code, e.source_name)),
      h("td", { title: cameoName(e.cameo) }, h("span", { class: "code" }, e.cameo), h("div", { class: "small cameo-name" }, cameoName(e.cameo))),
      h("td", { title: plover ? plover.definition : "" }, e.plover || "—", h("div", { class: "small" }, plover ? plover.category : (e.quad !== null && e.quad !== undefined ? QUADS[e.quad] : ""))),
      h("td", {}, party(e.target?.code, e.target_name)),
      h("td", {}, e.modality),
      h("td", { class: "num wide" }, e.goldstein ?? "—"),
      h("td", {}, e.trigger.text),
      h("td", { class: "small wide" }, h("a", { href: open }, e.title || e.article_id), reports(e)));
    },
    empty: () => h("tr", {}, h("td", { colspan: 9, class: "muted" }, "No events match.")),
    after: (page, params) => {
      current = params;
      const sort = params.sort || "-day";
      for (const th of table.querySelectorAll("th[data-sort]")) {
        const key = th.dataset.sort;
        th.setAttribute("aria-sort", sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none");
      }
      const query = filterQuery(params);
      csvLink.href = `/api/events.csv${query ? "?" + query : ""}`;
      csvLink.textContent = `Download CSV (${page.total} events)`;
      const note = document.getElementById("events-article");
      note.hidden = !params.article;
      if (params.article) {
        note.replaceChildren(`Events of article ${params.article} · `,
          h("a", { href: hashFor("events", { ...params, article: "", offset: "" }) }, "all articles"));
      }
    },
  });
  return (params) => {
    current = params;
    return show(params);
  };
}
