"""Pictures for the HTML report, drawn without any library or external file.

A group's figures are HTML bars placed in percent of one axis (so the picture reflows to any
screen width and its labels stay readable text); the axis has round ticks (1, 2 or 5 times a
power of ten, or powers of ten on a log axis) and names its unit. A series over time is a
small inline SVG that scales with its box.
"""

from __future__ import annotations

import html
import math
import re
from typing import Any

from .text import format_amount, format_interval

# "-H2", "-Q3", "-05" or "-01..2023-05" after the year (core/periods.py labels).
_PART_RE = re.compile(
    r"-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])(?:$|\.\.))"
)


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text))


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten."""
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if (high - low) / (m * magnitude) <= count)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    ticks = []
    value = first
    while value <= last + step / 2:
        ticks.append(round(value, 12))
        value += step
    return ticks


class Axis:
    """Where a value sits on a linear or logarithmic axis, in percent of its width."""

    def __init__(self, values: list[float]) -> None:
        low, high = min(values), max(values)
        # Figures orders of magnitude apart (a scale slip) are drawn on a log axis.
        self.logarithmic = low > 0 and high / low > 50
        if self.logarithmic:
            self.ticks = [
                10.0**k for k in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)
            ]
        else:
            self.ticks = nice_ticks(min(low, 0.0) if low >= 0 and low < 0.2 * high else low, high)
        self.low, self.high = self.ticks[0], self.ticks[-1]

    def percent(self, value: float | None) -> float:
        """0 at the axis's first tick, 100 at its last; open ends go to 100."""
        if value is None or math.isinf(value):
            return 100.0
        if self.logarithmic:
            value = math.log10(max(value, self.low))
            low, high = math.log10(self.low), math.log10(self.high)
        else:
            low, high = self.low, self.high
        return max(0.0, min(100.0, (value - low) / ((high - low) or 1.0) * 100))


def group_chart(group: dict[str, Any]) -> str:
    """The group's figures as bars on one axis, coloured by agreeing cluster."""
    claims = [c for c in group["claims"] if c["valid"] and not c["repeat_of"]]
    if not claims:
        return ""
    values = [c["normalized_low"] for c in claims]
    values += [c["normalized_high"] for c in claims if c["normalized_high"] is not None]
    axis = Axis(values)
    unit = claims[0]["normalized_unit"] or ""
    rows = []
    for claim in claims:
        start = axis.percent(claim["normalized_low"])
        end = axis.percent(claim["normalized_high"])
        open_end = " open" if claim["normalized_high"] is None else ""
        cluster = (claim["cluster"] or 0) % 6
        interval = format_interval(
            claim["normalized_low"], claim["normalized_high"], claim["normalized_unit"]
        )
        rows.append(
            f"<div class='bar-row'><div class='bar-label'><b>{_e(claim['source'])}</b> "
            f"{_e(claim['value'])}</div><div class='track'><span class='bar c{cluster}{open_end}' "
            f"style='left:{start:.2f}%;width:{max(end - start, 0.8):.2f}%' "
            f"title='{_e(interval)}'></span></div></div>"
        )
    ticks = "".join(
        f"<span class='tick' style='left:{axis.percent(t):.2f}%'>{_e(format_amount(t))}</span>"
        for t in axis.ticks
    )
    scale = ", log scale" if axis.logarithmic else ""
    return (
        f"<figure class='chart' aria-label='figures on one axis'>{''.join(rows)}"
        f"<div class='bar-row'><div class='bar-label'></div><div class='axis'>{ticks}</div></div>"
        f"<figcaption>{_e(unit)}{scale}; bars of one colour agree</figcaption></figure>"
    )


def series_chart(series: dict[str, Any]) -> str:
    """A small chart of one series over its periods: each point's interval and middle."""
    points = [p for p in series["points"] if p["low"] is not None]
    if not points:
        return ""
    periods = sorted({p["period"] for p in points}, key=_period_year)
    first, last = _period_year(periods[0]), _period_year(periods[-1])
    values = [p["low"] for p in points] + [p["high"] for p in points if p["high"] is not None]
    axis = Axis(values)
    width, height, pad = 300, 90, 12
    parts = [
        f"<svg class='series' viewBox='0 0 {width} {height}' role='img' "
        f"aria-label='{_e(series['entity'])} {_e(series['metric'])} over time'>"
        f"<line x1='{pad}' x2='{width - pad}' y1='{height - pad}' y2='{height - pad}' "
        "class='baseline'/>"
    ]

    def at(value: float | None) -> float:
        return height - pad - axis.percent(value) / 100 * (height - 2 * pad)

    for point in points:
        # Placed by year, so gaps in time look like gaps.
        share = (_period_year(point["period"]) - first) / ((last - first) or 1.0)
        x = pad + share * (width - 2 * pad)
        top, bottom = at(point["high"]), at(point["low"])
        label = format_interval(point["low"], point["high"], point["unit"])
        parts.append(
            f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{top:.1f}' y2='{bottom:.1f}' class='span'/>"
            f"<circle cx='{x:.1f}' cy='{(top + bottom) / 2:.1f}' r='3'><title>"
            f"{_e(point['period'])}: {_e(label)}"
            f"</title></circle>"
        )
    parts.append("</svg>")
    unit = points[0]["unit"] or ""
    caption = (
        f"{_e(periods[0])} to {_e(periods[-1])}; axis {_e(format_amount(axis.low))} to "
        f"{_e(format_amount(axis.high))} {_e(unit)}{', log scale' if axis.logarithmic else ''}"
    )
    return f"<figure class='small'>{''.join(parts)}<figcaption>{caption}</figcaption></figure>"


def _period_year(period: str) -> float:
    """Where a period sits in time: its first year, plus the part of the year it starts at."""
    year = float(period[:4]) if period[:4].isdigit() else 0.0
    part = _PART_RE.match(period[4:])
    if part and part.group("half"):
        year += (int(part.group("half")) - 1) / 2
    elif part and part.group("quarter"):
        year += (int(part.group("quarter")) - 1) / 4
    elif part and part.group("month"):
        year += (int(part.group("month")) - 1) / 12
    return year
