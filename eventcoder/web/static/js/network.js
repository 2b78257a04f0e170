// The actor network of a time window: actors on a circle, arrows source -> target whose width
// grows with the number of events and whose colour follows the mean Goldstein score.
import { clearError, fillForm, h, s, showError } from "./dom.js";
import { formParams, getJSON } from "./api.js";
import { hashFor, navigate } from "./router.js";
import { hideTip, moveTip, showTip } from "./tip.js";

// The drawing's own units: as wide as its box (text stays readable on a phone), 520 to 900.
let W = 900;
let H = 640;

function colour(meanGoldstein) {
  // -10 (red) .. 0 (grey) .. +10 (green)
  const t = Math.max(-1, Math.min(1, meanGoldstein / 10));
  const grey = [150, 158, 166];
  const end = t < 0 ? [192, 57, 43] : [46, 133, 64];
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
  return `rgb(${mix.join(",")})`;
}

export function drawNetwork(box, graph) {
  W = Math.round(Math.max(520, Math.min(900, box.clientWidth || 900)));
  H = W < 700 ? Math.round(W * 0.9) : 640;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  svg.append(s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
    s("path", { d: "M0,0 L10,5 L0,10 z", fill: "#6b747d" }))));
  const cx = W / 2;
  const cy = H / 2;
  const ring = Math.min(W, H) / 2 - (W < 700 ? 80 : 110);
  const pos = new Map();
  graph.nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / graph.nodes.length - Math.PI / 2;
    pos.set(n.id, { x: cx + ring * Math.cos(angle), y: cy + ring * Math.sin(angle), angle, r: 5 + 3 * Math.sqrt(n.events), node: n });
  });

  for (const e of graph.edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    // A gentle curve, bent to the right of the direction of travel, so A->B and B->A stay apart.
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const qx = mx - (dy / len) * len * 0.15;
    const qy = my + (dx / len) * len * 0.15;
    // Stop the arrow at the edge of the target circle.
    const tx = qx - b.x;
    const ty = qy - b.y;
    const tl = Math.hypot(tx, ty) || 1;
    const ex = b.x + (tx / tl) * (b.r + 2);
    const ey = b.y + (ty / tl) * (b.r + 2);
    const mean = e.goldstein / e.events;
    const path = s("path", {
      d: `M${a.x},${a.y} Q${qx},${qy} ${ex},${ey}`, fill: "none", stroke: colour(mean),
      "stroke-width": 1 + 2 * Math.log2(1 + e.events), "marker-end": "url(#arrow)", opacity: 0.85, class: "edge",
    });
    path.addEventListener("mouseenter", (ev) => showTip(ev, [[
      `${a.node.name} → ${b.node.name}`, `${e.events} events`, `Goldstein sum ${e.goldstein} (mean ${mean.toFixed(1)})`]]));
    path.addEventListener("mousemove", moveTip);
    path.addEventListener("mouseleave", hideTip);
    svg.append(path);
  }

  const labels = [];
  for (const { x, y, angle, r, node } of pos.values()) {
    const right = Math.cos(angle) >= 0;
    const text = node.code ? `${node.name} (${node.code})` : node.name;
    const label = s("text", { x: x + (right ? r + 5 : -(r + 5)), y: y + 4, "text-anchor": right ? "start" : "end" },
      text.length > 28 ? text.slice(0, 27) + "…" : text);
    const g = s("g", { class: "node", "data-id": node.id }, s("circle", { cx: x, cy: y, r }), label);
    g.addEventListener("mouseenter", (ev) => showTip(ev, [[node.name, node.code ? `code: ${node.code}` : null, `${node.events} events`]]));
    g.addEventListener("mousemove", moveTip);
    g.addEventListener("mouseleave", hideTip);
    svg.append(g);
    labels.push({ label, node, x, y, r });
  }
  box.replaceChildren(svg);
  placeLabels(labels);
}

/**
 * No two labels overlap, and no label covers a node: the labels of the most active actors are
 * placed first, beside their node, else centred over or under it; a label that fits nowhere
 * is hidden (its actor still shows name and code on hover).
 */
function placeLabels(labels) {
  const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const circles = labels.map(({ x, y, r }) => ({ x: x - r, y: y - r, width: 2 * r, height: 2 * r }));
  const placed = [];
  const inside = (b) => b.x >= 2 && b.x + b.width <= W - 2 && b.y >= 2 && b.y + b.height <= H - 2;
  for (const { label, x, y, r } of [...labels].sort((a, b) => b.node.events - a.node.events)) {
    const beside = [label.getAttribute("x"), label.getAttribute("y"), label.getAttribute("text-anchor")];
    const outward = y < H / 2 ? y - r - 6 : y + r + 13;
    const candidates = [beside, [x, outward, "middle"], [x, y < H / 2 ? y + r + 13 : y - r - 6, "middle"]];
    let fitted = false;
    for (const [cx, cy, anchor] of candidates) {
      label.setAttribute("x", cx);
      label.setAttribute("y", cy);
      label.setAttribute("text-anchor", anchor);
      const box = label.getBBox();
      const padded = { x: box.x - 2, y: box.y - 1, width: box.width + 4, height: box.height + 2 };
      if (inside(padded) && !placed.some((p) => overlaps(p, padded)) && !circles.some((c) => overlaps(c, padded))) {
        placed.push(padded);
        fitted = true;
        break;
      }
    }
    if (!fitted) {
      label.classList.add("hidden-label");
      label.setAttribute("visibility", "hidden");
    }
  }
}

export function initNetwork() {
  const form = document.getElementById("network-form");
  const box = document.getElementById("network-chart");

  async function load(params = {}) {
    fillForm(form, { limit: "30", ...params });
    try {
      const graph = await getJSON("/api/network", formParams(form));
      clearError();
      if (!graph.nodes.length) {
        box.replaceChildren(h("p", { class: "muted" }, "No events with both a source and a target in this window."));
        return;
      }
      drawNetwork(box, graph);
    } catch (error) {
      showError(error);
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate(hashFor("network", formParams(form)));
  });
  return load;
}
