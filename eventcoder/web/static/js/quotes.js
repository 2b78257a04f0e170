// Quote search: by speaker (any name the speaker goes by) and by words.
import { formParams, getJSON } from "./api.js";
import { clearError, h, pager, showError } from "./dom.js";

const LIMIT = 20;

export function initQuotes(openArticle) {
  const form = document.getElementById("quotes-form");
  const list = document.getElementById("quotes-list");
  const pagerBox = document.getElementById("quotes-pager");

  async function load(offset = 0) {
    try {
      const page = await getJSON("/api/quotes", { ...formParams(form), limit: LIMIT, offset });
      clearError();
      list.replaceChildren(...page.items.map((q) => {
        const name = q.speaker ? (q.speaker.name || q.speaker_actor_name) : null;
        const speaker = name || (q.speaker ? q.speaker.text : "unknown speaker");
        const said = name && q.speaker.text !== name ? ` (named “${q.speaker.text}”)` : "";
        return h("li", { "data-article": q.article_id, "data-quote": q.id },
          h("blockquote", {}, q.direct ? `“${q.text}”` : q.text),
          h("div", { class: "who" }, `— ${speaker}${said}${q.via ? `, via ${q.via}` : ""} · `,
            h("a", { href: `#article/${encodeURIComponent(q.article_id)}`, onclick: (ev) => {
              ev.preventDefault();
              openArticle(q.article_id, { quote: q.id });
            } }, q.title || q.article_id),
            q.published ? ` · ${q.published}` : ""));
      }));
      if (!page.items.length) list.replaceChildren(h("li", { class: "muted" }, "No quotes match."));
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
