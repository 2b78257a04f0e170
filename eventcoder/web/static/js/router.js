// The address holds the view: `#events?source=RUS&quad=4`, `#article/<id>?event=e1`,
// `#actors?q=lavrov`... so Back, Forward and pasted links work. Views never fetch on their
// own: they change the address, and `route` (on hashchange) shows what it names.

const DEFAULT_TAB = "reader";

/** {tab, params, article}: what the current address names. */
export function parseHash(hash = window.location.hash) {
  const raw = hash.replace(/^#/, "");
  const [path, query = ""] = raw.split(/\?(.*)/s);
  const params = Object.fromEntries(new URLSearchParams(query));
  const article = path.match(/^article\/(.+)$/);
  if (article) return { tab: DEFAULT_TAB, params, article: decodeURIComponent(article[1]) };
  return { tab: path || DEFAULT_TAB, params, article: null };
}

export function hashFor(tab, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const qs = query.toString();
  return `#${tab}${qs ? "?" + qs : ""}`;
}

export function articleHash(id, focus = {}) {
  return hashFor(`article/${encodeURIComponent(id)}`, focus);
}

let onRoute = () => {};

/** Go to a view: a new history entry (or a fresh load when the address is already that). */
export function navigate(hash) {
  if (window.location.hash === hash) onRoute(parseHash(hash), true);  // the same view again: reload it
  else window.location.hash = hash;
}

export function startRouter(handler) {
  onRoute = handler;
  window.addEventListener("hashchange", () => onRoute(parseHash()));
  onRoute(parseHash());
}
