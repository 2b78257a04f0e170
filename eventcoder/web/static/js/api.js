// JSON over fetch. API errors come back as {"error": {"status", "message"}}; they are thrown
// as Error(message) so every view can show them the same way.

export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: reported below with the status line
  }
  if (!response.ok) {
    throw new Error(body?.error?.message || `${response.status} ${response.statusText}`);
  }
  return body;
}

/** The non-empty fields of a form as an object. */
export function formParams(form) {
  const out = {};
  for (const [key, value] of new FormData(form)) {
    if (String(value).trim() !== "") out[key] = String(value).trim();
  }
  return out;
}
