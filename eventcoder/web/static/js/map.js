// The map: where the events matching the filters took place (red, sized by their number) and
// the places their articles mention (blue), on a bundled Natural Earth outline of the world
// (public domain; /static/world-110m.json, equirectangular: x = lon + 180, y = 90 - lat).
// Nothing is fetched from elsewhere: no tiles, no network at run time.
import { formParams, getJSON } from "./api.js";
import { cameoName } from "./codes.js";
import { clearError, fillForm, h, s, showError } from "./dom.js";
import { hashFor, navigate } from "./router.js";
import { hideTip, moveTip, showTip } from "./tip.js";

let world = null;

async function outline() {
  world = world || await getJSON("/static/world-110m.json");
  return world;
}

const project = (lat, lon) => [lon + 180, 90 - lat];

function point(p, kind, max) {
  const [x, y] = project(p.lat, p.lon);
  const count = kind === "event" ? p.events : p.mentions;
  const r = (kind === "event" ? 1.6 : 1.0) + 3.2 * Math.sqrt(count / max);
  const dot = s("circle", { cx: x.toFixed(2), cy: y.toFixed(2), r: r.toFixed(2), class: `pt pt-${kind}`, "data-name": p.name });
  const lines = kind === "event"
    ? [`${p.events} event${p.events === 1 ? "" : "s"} in ${p.articles} article${p.articles === 1 ? "" : "s"}`,
      p.cameo.slice(0, 4).map((c) => `${c} ${cameoName(c)}`).join("; ")]
    : [`mentioned ${p.mentions} time${p.mentions === 1 ? "" : "s"} in ${p.articles} article${p.articles === 1 ? "" : "s"}`];
  dot.addEventListener("mouseenter", (ev) => showTip(ev, [[`${p.name}${p.country ? " (" + p.country + ")" : ""}`, ...lines]]));
  dot.addEventListener("mousemove", moveTip);
  dot.addEventListener("mouseleave", hideTip);
  return dot;
}

export function drawMap(box, map, points) {
  // The inhabited band of the outline: 84°N to 60°S.
  const svg = s("svg", { viewBox: `0 6 ${map.width} 144`, role: "img", "aria-label": "map of event places", class: "world" });
  svg.append(s("rect", { x: 0, y: 6, width: map.width, height: 144, class: "sea" }));
  svg.append(s("g", { class: "land" }, map.countries.map((c) => s("path", { d: c.d }, s("title", {}, c.name)))));
  const maxPlace = Math.max(1, ...points.places.map((p) => p.mentions));
  const maxEvent = Math.max(1, ...points.events.map((p) => p.events));
  svg.append(s("g", { class: "places" }, points.places.map((p) => point(p, "place", maxPlace))));
  svg.append(s("g", { class: "events" }, points.events.map((p) => point(p, "event", maxEvent))));
  box.replaceChildren(svg);
}

export function initMap() {
  const form = document.getElementById("map-form");
  const box = document.getElementById("map-chart");
  const summary = document.getElementById("map-summary");

  async function load(params = {}) {
    fillForm(form, params);
    try {
      const [map, points] = await Promise.all([outline(), getJSON("/api/map", formParams(form))]);
      clearError();
      const events = points.events.reduce((n, p) => n + p.events, 0);
      const n = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
      summary.textContent = `${n(events, "event")} at ${n(points.events.length, "place")}; ` +
        `${n(points.places.length, "place")} named in their articles.`;
      drawMap(box, map, points);
    } catch (error) {
      showError(error);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate(hashFor("map", formParams(form)));
  });
  return load;
}
