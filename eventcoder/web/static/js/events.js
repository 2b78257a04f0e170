// The event table: filters, pagination, and a click on a row opens the article at that event.
import { h, pagedList } from "./dom.js";

export function initEvents(openArticle) {
  return pagedList({
    formId: "events-form",
    listEl: document.querySelector("#events-table tbody"),
    pagerId: "events-pager",
    endpoint: "/api/events",
    limit: 25,
    row: (e) => h("tr", {
      "data-article": e.article_id, "data-event": e.id,
      title: e.title || e.article_id,
      onclick: () => openArticle(e.article_id, { event: e.id }),
    },
    h("td", {}, e.day || "—"),
    h("td", {}, h("span", { class: "code" }, e.source?.code || "—"), h("div", { class: "small" }, e.source_name || "")),
    h("td", {}, h("span", { class: "code" }, e.cameo), h("div", { class: "small" }, e.plover || "")),
    h("td", {}, h("span", { class: "code" }, e.target?.code || "—"), h("div", { class: "small" }, e.target_name || "")),
    h("td", {}, e.modality),
    h("td", {}, e.trigger.text),
    h("td", { class: "small" }, e.title || e.article_id)),
    empty: () => h("tr", {}, h("td", { colspan: 7, class: "muted" }, "No events match.")),
  });
}
