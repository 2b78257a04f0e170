// The event table: filters, pagination, and a click on a row opens the article at that event.
import { formParams, getJSON } from "./api.js";
import { h, pager, showError, clearError } from "./dom.js";

const LIMIT = 25;

export function initEvents(openArticle) {
  const form = document.getElementById("events-form");
  const tbody = document.querySelector("#events-table tbody");
  const pagerBox = document.getElementById("events-pager");

  async function load(offset = 0) {
    try {
      const page = await getJSON("/api/events", { ...formParams(form), limit: LIMIT, offset });
      clearError();
      tbody.replaceChildren(...page.items.map((e) => h("tr", {
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
      h("td", { class: "small" }, e.title || e.article_id))));
      if (!page.items.length) tbody.replaceChildren(h("tr", {}, h("td", { colspan: 7, class: "muted" }, "No events match.")));
      pager(pagerBox, page, LIMIT, offset, load);
    } catch (error) {
      showError(error);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    load(0);
  });
  return load;
}
