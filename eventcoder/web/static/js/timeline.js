// The dyad timeline: Goldstein sum per period as bars above/below zero (green cooperation,
// red conflict) and the number of events as a line, drawn as plain SVG.
import { formParams, getJSON } from "./api.js";
import { hashFor, navigate } from "./router.js";
import { clearError, fillForm, h, s, showError } from "./dom.js";
import { hideTip, moveTip, showTip } from "./tip.js";

const W = 900;
const H = 320;
const M = { left: 52, right: 48, top: 18, bottom: 46 };

function niceMax(value) {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

export function drawTimeline(box, items) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const zero = M.top + plotH / 2;
  const gMax = niceMax(Math.max(...items.map((p) => Math.abs(p.goldstein)), 0));
  const nMax = niceMax(Math.max(...items.map((p) => p.events), 0));
  const band = plotW / Math.max(items.length, 1);
  const barW = Math.max(1, Math.min(40, band * 0.7));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Goldstein score per period" });

  // Axes: Goldstein on the left (symmetric around zero), event counts on the right.
  svg.append(
    s("line", { class: "axis", x1: M.left, x2: W - M.right, y1: zero, y2: zero }),
    s("line", { class: "axis", x1: M.left, x2: M.left, y1: M.top, y2: M.top + plotH }),
    s("line", { class: "axis", x1: W - M.right, x2: W - M.right, y1: M.top, y2: M.top + plotH }),
    s("text", { x: M.left - 6, y: M.top + 4, "text-anchor": "end" }, `+${gMax}`),
    s("text", { x: M.left - 6, y: zero + 4, "text-anchor": "end" }, "0"),
    s("text", { x: M.left - 6, y: M.top + plotH + 4, "text-anchor": "end" }, `−${gMax}`),
    s("text", { x: W - M.right + 6, y: M.top + 4 }, String(nMax)),
    s("text", { x: W - M.right + 6, y: M.top + plotH + 4 }, "0"),
    s("text", { x: 12, y: zero, transform: `rotate(-90 12 ${zero})`, "text-anchor": "middle" }, "Goldstein sum"),
    s("text", { x: W - 10, y: zero, transform: `rotate(90 ${W - 10} ${zero})`, "text-anchor": "middle" }, "events"),
  );

  const every = Math.max(1, Math.ceil(items.length / 10));
  const points = [];
  items.forEach((p, i) => {
    const x = M.left + band * i + band / 2;
    const height = (Math.abs(p.goldstein) / gMax) * (plotH / 2);
    const y = p.goldstein >= 0 ? zero - height : zero;
    svg.append(s("rect", { class: `bar ${p.goldstein >= 0 ? "bar-pos" : "bar-neg"}`, x: x - barW / 2, y, width: barW, height, "data-period": p.period }));
    points.push(`${x},${M.top + plotH - (p.events / nMax) * plotH}`);
    if (i % every === 0) svg.append(s("text", { x, y: H - M.bottom + 16, "text-anchor": "middle" }, p.period));
    // A full-height transparent band per period, so empty periods have a tooltip too.
    const hover = s("rect", { x: M.left + band * i, y: M.top, width: band, height: plotH, fill: "transparent" });
    hover.addEventListener("mouseenter", (ev) => showTip(ev, [[
      `${p.period} (from ${p.start})`, `${p.events} events`, `Goldstein sum ${p.goldstein}`,
      `quad classes: 0: ${p.quad0} · 1: ${p.quad1} · 2: ${p.quad2} · 3: ${p.quad3} · 4: ${p.quad4}`]]));
    hover.addEventListener("mousemove", moveTip);
    hover.addEventListener("mouseleave", hideTip);
    svg.append(hover);
  });
  if (points.length > 1) svg.append(s("polyline", { class: "count", points: points.join(" ") }));
  box.replaceChildren(svg);
}

export function initTimeline() {
  const form = document.getElementById("timeline-form");
  const box = document.getElementById("timeline-chart");
  const summary = document.getElementById("timeline-summary");

  async function load(shown = {}) {
    fillForm(form, { interval: "month", ...shown });
    try {
      const params = formParams(form);
      const page = await getJSON("/api/dyads", params);
      clearError();
      const dyad = `${params.source || "any"} → ${params.target || "any"}`;
      if (!page.items.length) {
        summary.textContent = `${dyad}: no dated events.`;
        box.replaceChildren(h("p", { class: "muted" }, "Nothing to draw."));
        return;
      }
      const events = page.items.reduce((n, p) => n + p.events, 0);
      const goldstein = page.items.reduce((n, p) => n + p.goldstein, 0);
      summary.textContent = `${dyad}: ${events} events in ${page.total} ${params.interval || "day"}s, ` +
        `Goldstein total ${goldstein.toFixed(1)} (bars: Goldstein sum per period; line: number of events).`;
      drawTimeline(box, page.items);
    } catch (error) {
      showError(error);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate(hashFor("timeline", formParams(form)));
  });
  return load;
}
