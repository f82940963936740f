"""Formatting helpers for render.py: a TSV sheet and a small HTML page."""

import html

COLUMNS = ("day", "at", "order_id", "kind", "amount")


def tsv(rows, separator):
    lines = [separator.join(COLUMNS)]
    for row in rows:
        lines.append(separator.join(str(row.get(c, "")) for c in COLUMNS))
    return "\n".join(lines) + "\n"


def html_page(title, rows, total, currency):
    head = "".join(f"<th>{c}</th>" for c in COLUMNS)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(str(r.get(c, '')))}</td>" for c in COLUMNS) + "</tr>"
        for r in rows
    )
    return (
        f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>\n"
        f"<h1>{html.escape(title)}</h1><p>Total: {total:,.2f} {html.escape(currency)}</p>\n"
        f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>\n"
    )
