"""The stats page (``/stats/``): the board's numbers (``stats``) drawn as charts (``charts``).

How each number is counted is written once, in ``stats``'s docstring and on the page.
"""

from __future__ import annotations

from board import vocabulary as vocab

from . import charts, stats
from .views import NEW_DAYS


def stats_charts(gen) -> list[charts.Chart]:
    """The four charts, each with its long description and notes (what a screen reader hears)."""
    c, floors = gen.catalog, gen.policy.pay_floors
    by_cat = stats.open_by_category(c.open)
    pay, skipped = stats.pay_distribution(c.open, floors)
    hours = stats.hours_distribution(c.open)
    weeks = stats.postings_per_week(c.all, c.now)
    week_rows = [(f"{w:%-d %b}", n) for w, n in weeks]
    out = [
        charts.bar_chart(charts.Chart(
            "chart-categories", "Open postings by category",
            "Open postings per category. " + charts.describe_counts(by_cat, "postings"),
            "Category", "Open postings", by_cat)),
        charts.bar_chart(charts.Chart(
            "chart-pay", "Effective hourly pay, relative to the board's floor for its currency",
            "Open postings by worst-case hourly pay divided by the minimum the board accepts in that "
            "posting's currency. " + charts.describe_counts(pay, "postings"),
            "Hourly pay ÷ floor", "Open postings", pay,
            notes=[f"Open postings pay in {len({e.compensation.currency for e in c.open})} currencies and the "
                   "board converts none of them (no exchange rates at build time). Instead each posting's effective hourly pay (the worst case: lowest "
                   "fee over the most hours) is divided by the board's minimum for its own currency, so 1.5× "
                   "means 50% above the floor in any currency. The table after the chart gives the actual "
                   "numbers per currency."]
            + ([f"{skipped} posting{'s' if skipped != 1 else ''} in a currency without a floor "
                "are left out of this chart."] if skipped else []))),
        charts.bar_chart(charts.Chart(
            "chart-hours", "Total hours a project asks for",
            "Open postings by the most hours they ask for in total. " + charts.describe_counts(hours, "postings"),
            "Most hours", "Open postings", hours,
            notes=["Bucketed by the most hours a posting asks for in total: what to plan around."])),
        charts.column_chart(charts.Chart(
            "chart-weeks", "Postings per week",
            f"New postings per week (week starting Monday, by the date the board first saw them), "
            f"open or since closed, over the last {len(weeks)} weeks. " + charts.describe_counts(week_rows, "postings"),
            "Week of", "New postings", week_rows,
            notes=["Counted by the week the board first saw a posting (scraped entries) or its posted date "
                   "(employer postings), including postings that have closed since."])),
    ]
    return out


def write_stats_page(gen) -> None:
    """``stats/index.html``: the charts, the pay table and the counts beside them."""
    g, c, u = gen, gen.catalog, gen.urls
    floors = g.policy.pay_floors
    g.render(
        "stats.html", "stats/index.html", page_title="Stats", canonical=u.abs("stats/"),
        description="The board at a glance: open postings by category, pay, hours and postings per week.",
        charts=stats_charts(gen), pay_rows=stats.pay_by_currency(c.open, floors),
        open_count=len(c.open), org_count=len({e.organization.slug for e in c.open}),
        programme_count=len(c.open_programmes),
        new_count=len(stats.new_since(c.open, c.now, NEW_DAYS)),
        closing_count=len(c.closing_soon(g.policy.closing_soon_days)),
        closing_days=g.policy.closing_soon_days, new_days=NEW_DAYS,
        median_open=stats.median_days_open(c.all, c.now), categories=vocab.CATEGORIES,
    )
