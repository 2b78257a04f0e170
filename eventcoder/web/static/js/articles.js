// Article search (left column of the reader tab).
import { h, pagedList } from "./dom.js";

export function initArticles(openArticle) {
  return pagedList({
    formId: "articles-form",
    listEl: document.getElementById("articles-list"),
    pagerId: "articles-pager",
    endpoint: "/api/articles",
    limit: 20,
    row: (a) => h("li", { "data-id": a.id, onclick: () => openArticle(a.id) },
      h("div", {}, a.title || a.id),
      h("div", { class: "meta" }, [a.published, a.outlet, `${a.events} events · ${a.quotes} quotes`].filter(Boolean).join(" · "))),
    empty: () => h("li", { class: "muted" }, "No articles match."),
  });
}
