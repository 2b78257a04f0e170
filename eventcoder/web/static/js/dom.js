// Small DOM helpers. Text always goes in through textContent, never innerHTML, so article
// text and names from the store cannot inject markup.

import { formParams, getJSON } from "./api.js";

const SVG_NS = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** ``url`` if it is an absolute http(s) URL, else null: a stored "javascript:" or "data:" URL
 *  must never become a link the reader clicks. */
export function safeHref(url) {
  if (typeof url !== "string") return null;
  return /^https?:\/\/[^\s]/i.test(url) ? url : null;
}

/** An HTML element: h("a", {href: url}, "text", otherNode). */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function showError(error) {
  const box = document.getElementById("error");
  box.textContent = error instanceof Error ? error.message : String(error);
  box.hidden = false;
}

export function clearError() {
  document.getElementById("error").hidden = true;
}

/** Previous/next buttons and "from–to of total" for a page {items, total}. */
export function pager(container, page, limit, offset, go) {
  const first = page.total === 0 ? 0 : offset + 1;
  const last = offset + page.items.length;
  container.replaceChildren(
    h("button", { type: "button", disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit)) }, "‹ Previous"),
    h("span", { class: "page-info" }, `${first}–${last} of ${page.total}`),
    h("button", { type: "button", disabled: last >= page.total, onclick: () => go(offset + limit) }, "Next ›"),
  );
}

/** Set every named field of `form` from `params` (absent: empty, or a select's first option). */
export function fillForm(form, params) {
  for (const el of form.elements) {
    if (!el.name) continue;
    const value = params[el.name] ?? "";
    if (el.tagName === "SELECT") {
      el.value = value;
      if (el.selectedIndex < 0) el.selectedIndex = 0;
    } else {
      el.value = value;
    }
  }
}

/**
 * A list or table filled from a paginated endpoint by a search form: the shape shared by the
 * article, event, quote and actor panels. The form and the pager change the address (through
 * `go(params)`); `show(params)` fills the form from the address and loads that page.
 * `row(item)` builds one row, `empty()` the "no match" row, `after(page, params)` runs once
 * the rows are in.
 */
export function pagedList({ formId, listEl, pagerId, endpoint, limit, row, empty, go, keep = [], after }) {
  const form = document.getElementById(formId);
  const pagerBox = document.getElementById(pagerId);
  let current = {};

  async function show(params = {}) {
    current = params;
    fillForm(form, params);
    const offset = Number(params.offset) || 0;
    try {
      const page = await getJSON(endpoint, { ...params, limit, offset });
      clearError();
      listEl.replaceChildren(...(page.items.length ? page.items.map(row) : [empty()]));
      pager(pagerBox, page, limit, offset, (next) => go({ ...params, offset: next || "" }));
      if (after) after(page, params);
    } catch (error) {
      showError(error);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    // A new search starts at the first page; settings outside the form (the sort) stay.
    const kept = Object.fromEntries(keep.filter((k) => current[k]).map((k) => [k, current[k]]));
    go({ ...formParams(form), ...kept });
  });
  return show;
}

/** "RUSGOV" or the mention text or an em dash. */
export function partyLabel(part, name) {
  if (!part) return "—";
  return part.code ? `${part.code}${name ? " " + name : ""}` : (name || part.text || "—");
}
