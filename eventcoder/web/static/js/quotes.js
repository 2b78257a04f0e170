// Quote search: by speaker (any name the speaker goes by) and by words.
import { h, pagedList } from "./dom.js";
import { articleHash, hashFor, navigate } from "./router.js";

export function initQuotes() {
  return pagedList({
    formId: "quotes-form",
    listEl: document.getElementById("quotes-list"),
    pagerId: "quotes-pager",
    endpoint: "/api/quotes",
    limit: 20,
    go: (params) => navigate(hashFor("quotes", params)),
    row: (q) => {
      const name = q.speaker ? (q.speaker.name || q.speaker_actor_name) : null;
      const speaker = name || (q.speaker ? q.speaker.text : "unknown speaker");
      const said = name && q.speaker.text !== name ? ` (named “${q.speaker.text}”)` : "";
      return h("li", { "data-article": q.article_id, "data-quote": q.id },
        h("blockquote", {}, q.direct ? `“${q.text}”` : q.text),
        h("div", { class: "who" }, `— ${speaker}${said}${q.via ? `, via ${q.via}` : ""} · `,
          h("a", { href: articleHash(q.article_id, { quote: q.id }) }, q.title || q.article_id),
          q.published ? ` · ${q.published}` : ""));
    },
    empty: () => h("li", { class: "muted" }, "No quotes match."),
  });
}
