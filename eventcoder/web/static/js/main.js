// Wires the tabs and the views to the address: every view is named by the hash
// (`#events?source=RUS`, `#article/<id>?event=e1`...), so Back, Forward and links work.
import { getJSON } from "./api.js";
import { initActors } from "./actors.js";
import { initArticles } from "./articles.js";
import { loadCodes } from "./codes.js";
import { showError } from "./dom.js";
import { initEvents } from "./events.js";
import { initMap } from "./map.js";
import { initNetwork } from "./network.js";
import { initQuotes } from "./quotes.js";
import { openArticle } from "./reader.js";
import { hashFor, navigate, startRouter } from "./router.js";
import { initTimeline } from "./timeline.js";
import { hideTip } from "./tip.js";

const views = {
  reader: initArticles(),
  events: initEvents(),
  timeline: initTimeline(),
  network: initNetwork(),
  quotes: initQuotes(),
  actors: initActors(),
  map: initMap(),
};
const shown = {}; // tab -> the query string it shows now (a view reloads only when it changes)
const lastHash = {}; // tab -> the address it last had, for its tab button

function selectTab(name) {
  hideTip();
  for (const button of document.querySelectorAll("#tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === name));
  }
  for (const section of document.querySelectorAll("main > section.tab")) {
    section.hidden = section.id !== `tab-${name}`;
  }
}

async function route({ tab, params, article }, reload = false) {
  if (!views[tab]) tab = "reader";
  if (reload) delete shown[tab];
  selectTab(tab);
  lastHash[tab] = window.location.hash || "#reader";
  if (article) {
    // The article list beside the reader keeps whatever search it shows.
    if (shown.reader === undefined) {
      shown.reader = "{}";
      views.reader({});
    }
    try {
      await openArticle(article, params);
    } catch (error) {
      showError(error);
    }
    return;
  }
  const key = JSON.stringify(params);
  if (shown[tab] !== key) {
    shown[tab] = key;
    await views[tab](params);
  }
}

async function showStats() {
  try {
    const n = await getJSON("/api/stats");
    document.getElementById("stats").textContent =
      `${n.articles} articles · ${n.events} events · ${n.quotes} quotes · ${n.actors} actors`;
  } catch (error) {
    showError(error);
  }
}

for (const button of document.querySelectorAll("#tabs button")) {
  button.addEventListener("click", () => navigate(lastHash[button.dataset.tab] || hashFor(button.dataset.tab)));
}

showStats();
await loadCodes();
startRouter(route);
