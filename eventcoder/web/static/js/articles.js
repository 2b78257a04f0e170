// Article search (left column of the reader tab).
import { h, pagedList } from "./dom.js";
import { articleHash, hashFor, navigate } from "./router.js";

export function initArticles() {
  return pagedList({
    formId: "articles-form",
    listEl: document.getElementById("articles-list"),
    pagerId: "articles-pager",
    endpoint: "/api/articles",
    limit: 20,
    go: (params) => navigate(hashFor("reader", params)),
    row: (a) => h("li", { "data-id": a.id },
      h("a", { href: articleHash(a.id), class: "title" }, a.title || a.id),
      h("div", { class: "meta" }, [a.published, a.outlet, `${a.events} events · ${a.quotes} quotes`].filter(Boolean).join(" · "))),
    empty: () => h("li", { class: "muted" }, "No articles match."),
  });
}
