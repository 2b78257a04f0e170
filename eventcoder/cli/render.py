"""Terminal rendering: plain tables and an article with its spans highlighted."""

from __future__ import annotations

from typing import Any

import click

WIDTH_CAP = 60  # widest column in a table before it is cut with an ellipsis


def cut(text: str, width: int = 0) -> str:
    """``text`` on one line, cut with an ellipsis past ``width`` characters (0: ``WIDTH_CAP``)."""
    width = width or WIDTH_CAP
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A plain text table with columns as wide as their content (capped)."""
    cells = [[cut(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) for r in cells]
    return "\n".join(line.rstrip() for line in lines)


# Highlight kinds, in increasing priority: a trigger inside a quote shows as a trigger.
STYLES: dict[str, dict[str, Any]] = {
    "quote": {"fg": "green"},
    "actor": {"fg": "cyan", "bold": True},
    "trigger": {"fg": "red", "bold": True, "underline": True},
}


def article_markup(article: dict) -> str:
    """The article text with quotes, actor mentions and event triggers styled, then a legend."""
    text = article["text"]
    kind: list[str | None] = [None] * len(text)
    ranks = {name: i for i, name in enumerate(STYLES)}

    def mark(start: int, end: int, name: str) -> None:
        for i in range(max(0, start), min(len(text), end)):
            current = kind[i]
            if current is None or ranks[name] > ranks[current]:
                kind[i] = name

    for q in article.get("quotes", []):
        mark(q["start"], q["end"], "quote")
    for a in article.get("actors", []):
        for m in a.get("mentions", []):
            mark(m["start"], m["end"], "actor")
    for e in article.get("events", []):
        mark(e["trigger"]["start"], e["trigger"]["end"], "trigger")

    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and kind[j] == kind[i]:
            j += 1
        chunk, style = text[i:j], kind[i]
        out.append(click.style(chunk, **STYLES[style]) if style else chunk)
        i = j

    head = [click.style(article.get("title") or article["id"], bold=True)]
    meta = [article.get(k) for k in ("published", "outlet", "byline", "url")]
    head.append(" · ".join(m for m in meta if m))
    lines = head + ["", "".join(out), ""]
    lines.append(click.style("Actors", bold=True))
    for a in article.get("actors", []):
        lines.append(
            f"  {a['id']:>4}  {a.get('code') or '---':<10} {a['name']}  ({len(a.get('mentions', []))} mentions)"
        )
    lines.append(click.style("Events", bold=True))
    for e in article.get("events", []):
        src = (e.get("source") or {}).get("code") or "---"
        tgt = (e.get("target") or {}).get("code") or "---"
        lines.append(
            f"  {e['id']:>4}  {src} {e['cameo']} {tgt}  {e.get('plover') or ''} {e.get('modality')}"
            f"  “{e['trigger']['text']}”  [{e.get('rule') or ''}]"
        )
    lines.append(click.style("Quotes", bold=True))
    for q in article.get("quotes", []):
        who = (q.get("speaker") or {}).get("name") or "?"
        lines.append(f"  {q['id']:>4}  {who}: “{q['text']}”" + (f" (via {q['via']})" if q.get("via") else ""))
    return "\n".join(lines)
