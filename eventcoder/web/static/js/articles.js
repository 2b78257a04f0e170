// Article search (left column of the reader tab).
import { formParams, getJSON } from "./api.js";
import { clearError, h, pager, showError } from "./dom.js";

const LIMIT = 20;

export function initArticles(openArticle) {
  const form = document.getElementById("articles-form");
  const list = document.getElementById("articles-list");
  const pagerBox = document.getElementById("articles-pager");

  async function load(offset = 0) {
    try {
      const page = await getJSON("/api/articles", { ...formParams(form), limit: LIMIT, offset });
      clearError();
      list.replaceChildren(...page.items.map((a) => h("li", { "data-id": a.id, onclick: () => openArticle(a.id) },
        h("div", {}, a.title || a.id),
        h("div", { class: "meta" }, [a.published, a.outlet, `${a.events} events · ${a.quotes} quotes`].filter(Boolean).join(" · ")))));
      if (!page.items.length) list.replaceChildren(h("li", { class: "muted" }, "No articles match."));
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
