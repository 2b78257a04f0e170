// Names of CAMEO codes and PLOVER types (GET /api/codes), loaded once before the first view.
import { getJSON } from "./api.js";

let names = { cameo: {}, plover: {} };

export async function loadCodes() {
  try {
    names = await getJSON("/api/codes");
  } catch {
    // Codes still show without their names.
  }
}

/** "Reject proposal to meet..." for "125": the label of the code or of its nearest parent. */
export function cameoName(code) {
  for (let n = code.length; n >= 2; n--) {
    const label = names.cameo[code.slice(0, n)];
    if (label) return label;
  }
  return "";
}

export function ploverInfo(type) {
  return type ? names.plover[type] || null : null;
}

export const QUADS = ["neutral", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
