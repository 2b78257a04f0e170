// The actors across articles (grouped by key): codes, mentions, events as source and as
// target, each count a link to those events.
import { h, pagedList } from "./dom.js";
import { hashFor, navigate } from "./router.js";

function eventsLink(params, label) {
  return h("a", { href: hashFor("events", params) }, String(label));
}

export function initActors() {
  return pagedList({
    formId: "actors-form",
    listEl: document.querySelector("#actors-table tbody"),
    pagerId: "actors-pager",
    endpoint: "/api/actors",
    limit: 25,
    go: (params) => navigate(hashFor("actors", params)),
    row: (a) => {
      // The actor filter takes a code prefix or a word of the name: the name picks this actor.
      const who = a.name;
      return h("tr", { "data-key": a.key },
        h("td", {}, h("a", { href: hashFor("events", { actor: who }), class: "actor-name" }, a.name),
          a.names.length > 1 ? h("div", { class: "small" }, a.names.filter((n) => n !== a.name).slice(0, 4).join(" · ")) : ""),
        h("td", {}, a.code ? h("a", { href: hashFor("events", { actor: a.code }), class: "code" }, a.code) : "—"),
        h("td", { class: "wide" }, a.country || "—"),
        h("td", { class: "wide" }, a.kind || "—"),
        h("td", { class: "num wide" }, a.articles),
        h("td", { class: "num" }, a.mentions),
        // Code prefix and name together narrow the list to this actor on that side.
        h("td", { class: "num" }, a.events_as_source ? eventsLink({ source: a.code || "", actor: who }, a.events_as_source) : "0"),
        h("td", { class: "num" }, a.events_as_target ? eventsLink({ target: a.code || "", actor: who }, a.events_as_target) : "0"));
    },
    empty: () => h("tr", {}, h("td", { colspan: 8, class: "muted" }, "No actors match.")),
  });
}
