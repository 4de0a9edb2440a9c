"""Static inline SVG charts, drawn at build time (no chart library, no CDN, no JavaScript).

Each chart is ``role="img"`` labelled by its own ``<title>`` and ``<desc>`` (a sentence
with the numbers), and every chart ships with a data table on the page. Colours come
from CSS custom properties (``students.css``) so light and dark mode both keep contrast;
the ``fill`` attributes are only a fallback for a page seen without its stylesheet.
Every bar carries ``data-label`` and ``data-value`` so tests can read the numbers back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from .present import number

BAR_FALLBACK = "#0b57d0"  # light-mode accent: 6.3:1 on white


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    label_header: str
    value_header: str
    rows: list[tuple[str, int]]
    svg: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(v for _, v in self.rows)


def _open(chart: Chart, width: int, height: int) -> list[str]:
    cid = escape(chart.id)
    return [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" data-chart="{cid}">',
        f'<title id="{cid}-title">{escape(chart.title)}</title>',
        f'<desc id="{cid}-desc">{escape(chart.desc)}</desc>',
    ]


def bar_chart(chart: Chart, *, label_width: int | None = None, bar_width: int = 360, row: int = 30) -> Chart:
    """Horizontal bars, one labelled row per category; the value is printed after each bar.

    The label column is sized for the longest label (about 8 px per character at 14 px).
    """
    if label_width is None:
        label_width = max(80, 16 + 8 * max((len(label) for label, _ in chart.rows), default=0))
    top = max((v for _, v in chart.rows), default=0) or 1
    width = label_width + bar_width + 60
    height = row * len(chart.rows) + 8
    parts = _open(chart, width, height)
    for i, (label, value) in enumerate(chart.rows):
        y = 4 + i * row
        w = round(bar_width * value / top, 1)
        parts.append(
            f'<g class="bar" data-label="{escape(label)}" data-value="{value}">'
            f'<text class="chart-label" x="{label_width - 8}" y="{y + row / 2 + 5:g}" text-anchor="end" fill="currentColor">{escape(label)}</text>'
            f'<rect class="chart-bar" x="{label_width}" y="{y + 4}" width="{w:g}" height="{row - 8}" rx="2" fill="{BAR_FALLBACK}"/>'
            f'<text class="chart-value" x="{label_width + w + 6:g}" y="{y + row / 2 + 5:g}" fill="currentColor">{number(value)}</text>'
            "</g>"
        )
    parts.append(f'<line class="chart-axis" x1="{label_width}" x2="{label_width}" y1="0" y2="{height}" stroke="currentColor"/>')
    parts.append("</svg>")
    chart.svg = "".join(parts)
    return chart


def column_chart(chart: Chart, *, width: int = 640, plot_height: int = 180, tick_every: int | None = None) -> Chart:
    """Vertical columns over time (oldest left); the newest column and every ``tick_every``-th
    one before it are labelled."""
    n = max(len(chart.rows), 1)
    top = max((v for _, v in chart.rows), default=0) or 1
    left, pad_top, bottom = 8, 22, 44
    slot = (width - 2 * left) / n
    col = max(slot * 0.7, 2)
    tick_every = tick_every or max(1, -(-n // 8))
    height = pad_top + plot_height + bottom
    parts = _open(chart, width, height)
    base = pad_top + plot_height
    for i, (label, value) in enumerate(chart.rows):
        x = left + i * slot + (slot - col) / 2
        h = round(plot_height * value / top, 1)
        cx = x + col / 2
        parts.append(
            f'<g class="bar" data-label="{escape(label)}" data-value="{value}">'
            f'<rect class="chart-bar" x="{x:.1f}" y="{base - h:.1f}" width="{col:.1f}" height="{h:g}" rx="2" fill="{BAR_FALLBACK}"/>'
            + (f'<text class="chart-value" x="{cx:.1f}" y="{base - h - 6:.1f}" text-anchor="middle" fill="currentColor">{number(value)}</text>'
               if value and n <= 26 else "")
            + (f'<text class="chart-label" x="{cx:.1f}" y="{base + 18}" text-anchor="middle" fill="currentColor">{escape(label)}</text>'
               if (n - 1 - i) % tick_every == 0 else "")
            + "</g>"
        )
    parts.append(f'<line class="chart-axis" x1="{left}" x2="{width - left}" y1="{base}" y2="{base}" stroke="currentColor"/>')
    parts.append("</svg>")
    chart.svg = "".join(parts)
    return chart


def describe_counts(rows: list[tuple[str, int]], unit: str) -> str:
    """'Data & analytics: 5 postings; Design & UX: 2 postings; …' for <desc>."""
    return "; ".join(f"{label}: {number(value)} {unit if value != 1 else unit.rstrip('s')}" for label, value in rows) + "."
