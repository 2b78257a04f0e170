// The article reader: the body with actors, event triggers, quotes, times and places
// highlighted from their spans; hovering a highlight shows its codes, modality and rule.
import { getJSON } from "./api.js";
import { cameoName, ploverInfo } from "./codes.js";
import { h, partyLabel, safeHref } from "./dom.js";
import { hideTip, moveTip, showTip } from "./tip.js";

// Offsets are Python string indices, i.e. Unicode code points. JavaScript strings index
// UTF-16 units, so the text is split into code points first (emoji and other astral
// characters would otherwise shift every later highlight).
function codePoints(text) {
  return Array.from(text);
}

function annotations(article) {
  const out = [];
  for (const actor of article.actors || []) {
    for (const m of actor.mentions || []) out.push({ kind: "actor", start: m.start, end: m.end, actor, mention: m });
  }
  for (const event of article.events || []) {
    out.push({ kind: "trigger", start: event.trigger.start, end: event.trigger.end, event });
  }
  for (const quote of article.quotes || []) out.push({ kind: "quote", start: quote.start, end: quote.end, quote });
  for (const time of article.times || []) out.push({ kind: "time", start: time.start, end: time.end, time });
  for (const place of article.places || []) out.push({ kind: "place", start: place.start, end: place.end, place });
  return out.filter((a) => a.end > a.start);
}

const ORDER = { trigger: 0, actor: 1, quote: 2, time: 3, place: 4 };

function describe(ann, article) {
  const actorName = (id) => article.actors.find((a) => a.id === id)?.name;
  if (ann.kind === "trigger") {
    const e = ann.event;
    return [
      `Event ${e.id}: CAMEO ${e.cameo}${e.plover ? " · PLOVER " + e.plover : ""}`,
      cameoName(e.cameo) + (ploverInfo(e.plover) ? ` · ${ploverInfo(e.plover).category}` : ""),
      `${partyLabel(e.source, e.source && actorName(e.source.actor))} → ${partyLabel(e.target, e.target && actorName(e.target.actor))}`,
      `modality: ${e.modality}${e.negated ? " (negated)" : ""}`,
      e.goldstein !== null && e.goldstein !== undefined ? `Goldstein ${e.goldstein} · quad ${e.quad ?? "—"}` : null,
      e.date ? `date: ${e.date}` : null,
      e.location ? `location: ${e.location.name}` : null,
      `rule: ${e.rule || "—"}`,
      e.confidence !== undefined ? `confidence: ${e.confidence}` : null,
    ];
  }
  if (ann.kind === "actor") {
    const a = ann.actor;
    return [
      `Actor ${a.id}: ${a.name}`,
      `code: ${a.code || "uncoded"}${a.kind ? " · " + a.kind : ""}`,
      a.role ? `role: ${a.role}` : null,
      a.variants && a.variants.length ? `also written: ${a.variants.join(", ")}` : null,
      `rule: ${a.rule || "—"}`,
    ];
  }
  if (ann.kind === "quote") {
    const q = ann.quote;
    return [
      `Quote ${q.id} (${q.direct ? "direct" : "reported"})`,
      `speaker: ${speakerLabel(q, article)}`,
      q.cue ? `cue: ${q.cue.text}` : null,
      q.via ? `via: ${q.via}` : null,
      q.event ? `event: ${q.event}` : null,
    ];
  }
  if (ann.kind === "time") return [`Time: ${ann.time.value}`, `granularity: ${ann.time.granularity}`];
  const p = ann.place;
  return [`Place: ${p.name}`, p.country ? `country: ${p.country}` : null,
    p.lat !== null && p.lat !== undefined ? `${p.lat}, ${p.lon}` : null];
}

/** The body as text nodes and highlighted spans, one span per run of equal annotation cover. */
function renderBody(article) {
  const chars = codePoints(article.text);
  const anns = annotations(article);
  const cuts = new Set([0, chars.length]);
  for (const a of anns) {
    cuts.add(Math.max(0, Math.min(a.start, chars.length)));
    cuts.add(Math.max(0, Math.min(a.end, chars.length)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const body = h("div", { class: "body-text", id: "reader-body" });
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const piece = chars.slice(start, end).join("");
    const cover = anns.filter((a) => a.start <= start && a.end >= end).sort((x, y) => ORDER[x.kind] - ORDER[y.kind]);
    if (!cover.length) {
      body.append(piece);
      continue;
    }
    const kinds = [...new Set(cover.map((a) => `ann-${a.kind}`))];
    const span = h("span", {
      class: `ann ${kinds.join(" ")}`,
      "data-events": cover.filter((a) => a.kind === "trigger").map((a) => a.event.id).join(" ") || null,
      "data-quotes": cover.filter((a) => a.kind === "quote").map((a) => a.quote.id).join(" ") || null,
    }, piece);
    span.addEventListener("mouseenter", (ev) => showTip(ev, cover.map((a) => describe(a, article))));
    span.addEventListener("mousemove", moveTip);
    span.addEventListener("mouseleave", hideTip);
    body.append(span);
  }
  return body;
}

function flash(selector) {
  const targets = [...document.querySelectorAll(selector)];
  if (!targets.length) return;
  targets[0].scrollIntoView({ block: "center", behavior: "smooth" });
  for (const t of targets) t.classList.add("flash");
  setTimeout(() => targets.forEach((t) => t.classList.remove("flash")), 2500);
}

function eventsTable(article) {
  const name = (id) => article.actors.find((a) => a.id === id)?.name;
  const rows = article.events.map((e) => h("tr", { "data-event": e.id, onclick: () => flash(`#reader-body [data-events~="${CSS.escape(e.id)}"]`) },
    h("td", {}, e.trigger.text),
    h("td", { class: "code" }, partyLabel(e.source, e.source && name(e.source.actor))),
    h("td", {}, h("span", { class: "code" }, `${e.cameo}${e.plover ? " " + e.plover : ""}`), h("div", { class: "small" }, cameoName(e.cameo))),
    h("td", { class: "code" }, partyLabel(e.target, e.target && name(e.target.actor))),
    h("td", {}, e.modality),
    h("td", { class: "small wide" }, e.rule || "—")));
  return h("div", { class: "table-wrap" }, h("table", { class: "grid", id: "reader-events" },
    h("thead", {}, h("tr", {}, ...["Trigger", "Source", "Event", "Target", "Modality"].map((t) => h("th", {}, t)), h("th", { class: "wide" }, "Rule"))),
    h("tbody", {}, rows)));
}

/** "Sergei Ryabkov", or "Sergei Ryabkov (“Rybakov”)" when the text names the speaker otherwise. */
function speakerLabel(q, article) {
  if (!q.speaker) return "unknown speaker";
  const name = q.speaker.name || article.actors.find((a) => a.id === q.speaker.actor)?.name;
  if (!name) return q.speaker.text;
  return q.speaker.text && q.speaker.text !== name ? `${name} (“${q.speaker.text}”)` : name;
}

function quotesList(article) {
  return h("ol", { class: "quote-list", id: "reader-quotes" }, article.quotes.map((q) =>
    h("li", { onclick: () => flash(`#reader-body [data-quotes~="${CSS.escape(q.id)}"]`) },
      h("blockquote", {}, q.direct ? `“${q.text}”` : q.text),
      h("div", { class: "who" }, `— ${speakerLabel(q, article)}`,
        q.via ? ` (via ${q.via})` : "", q.direct ? "" : " · reported"))));
}

/** Load and show one article; `focus` = {event: "e1"} or {quote: "q2"} flashes that span. */
export async function openArticle(id, focus = {}) {
  const reader = document.getElementById("reader");
  const article = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  hideTip(); // the spans it described are about to be replaced
  const meta = [article.outlet, article.byline && `by ${article.byline}`, article.published].filter(Boolean).join(" · ");
  reader.replaceChildren(
    h("h2", { id: "reader-title" }, article.title || article.id),
    h("p", { class: "meta" }, meta, safeHref(article.url) ? [" · ", h("a", { href: safeHref(article.url), rel: "noopener noreferrer", target: "_blank" }, "source")] : ""),
    h("div", { class: "legend" },
      h("span", { class: "ann-actor" }, "actor"), h("span", { class: "ann-trigger" }, "event trigger"),
      h("span", { class: "ann-quote" }, "quote"), h("span", { class: "ann-time" }, "time"),
      h("span", { class: "ann-place" }, "place"), h("span", { class: "muted" }, "hover for codes and rules")),
    renderBody(article),
    h("h3", {}, `Events (${article.events.length})`),
    article.events.length ? eventsTable(article) : h("p", { class: "muted" }, "No events coded."),
    h("h3", {}, `Quotes (${article.quotes.length})`),
    article.quotes.length ? quotesList(article) : h("p", { class: "muted" }, "No quotes found."),
  );
  document.querySelectorAll("#articles-list li").forEach((li) => li.classList.toggle("current", li.dataset.id === id));
  if (focus.event) flash(`#reader-body [data-events~="${CSS.escape(focus.event)}"]`);
  if (focus.quote) flash(`#reader-body [data-quotes~="${CSS.escape(focus.quote)}"]`);
  return article;
}
