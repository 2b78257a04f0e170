// The one floating tooltip, filled with lines of text.
import { h } from "./dom.js";

const tip = () => document.getElementById("tip");

/** blocks: [[title, line, line...], ...] */
export function showTip(event, blocks) {
  const el = tip();
  el.replaceChildren(...blocks.map(([title, ...lines]) =>
    h("div", { class: "block" }, h("b", {}, title),
      ...lines.filter(Boolean).map((line) => h("span", { class: "line" }, line)))));
  el.hidden = false;
  moveTip(event);
}

export function moveTip(event) {
  const el = tip();
  const x = Math.min(event.clientX + 14, window.innerWidth - el.offsetWidth - 8);
  const y = event.clientY + 18 + el.offsetHeight > window.innerHeight ? event.clientY - el.offsetHeight - 12 : event.clientY + 18;
  el.style.left = `${Math.max(4, x)}px`;
  el.style.top = `${Math.max(4, y)}px`;
}

export function hideTip() {
  tip().hidden = true;
}
