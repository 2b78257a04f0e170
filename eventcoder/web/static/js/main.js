// Wires the tabs and the views together. `#article/<id>` in the address opens that article.
import { getJSON } from "./api.js";
import { initArticles } from "./articles.js";
import { showError } from "./dom.js";
import { initEvents } from "./events.js";
import { initNetwork } from "./network.js";
import { initQuotes } from "./quotes.js";
import { openArticle } from "./reader.js";
import { initTimeline } from "./timeline.js";
import { hideTip } from "./tip.js";

const loaded = new Set();
const loaders = {};

function selectTab(name) {
  hideTip();
  for (const button of document.querySelectorAll("#tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === name));
  }
  for (const section of document.querySelectorAll("main > section.tab")) {
    section.hidden = section.id !== `tab-${name}`;
  }
  // Each view loads its first page when first shown.
  if (!loaded.has(name) && loaders[name]) {
    loaded.add(name);
    loaders[name]();
  }
}

async function read(id, focus = {}) {
  selectTab("reader");
  if (window.location.hash !== `#article/${encodeURIComponent(id)}`) {
    history.replaceState(null, "", `#article/${encodeURIComponent(id)}`);
  }
  try {
    await openArticle(id, focus);
  } catch (error) {
    showError(error);
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

loaders.reader = initArticles(read);
loaders.events = initEvents(read);
loaders.timeline = initTimeline();
loaders.network = initNetwork();
loaders.quotes = initQuotes(read);

for (const button of document.querySelectorAll("#tabs button")) {
  button.addEventListener("click", () => selectTab(button.dataset.tab));
}

showStats();
const match = window.location.hash.match(/^#article\/(.+)$/);
selectTab("reader");
if (match) read(decodeURIComponent(match[1]));
