"""Hours, durations and pay read out of posting prose.

Separate from the rules (``scrapers.curation``) because the rules decide and these only
measure. Every extractor returns *what it found and where* so a rejection can quote it.
Amounts are read conservatively: weekly hours are never mistaken for total hours, an
hour count that is a deadline ("within 48 hours"), a meeting ("a 1-hour call") or a credit
("12 credit hours") is skipped, and a "$151K" or "per year" figure is a salary, not a fee.

Money is read by :data:`MONEY` rather than ``price-parser``: judged on the 454 money
mentions of the development set and ../shared, price-parser (built to parse one price
string, not to find prices in prose) gave a different amount for 215 of them when handed
the mention with its context (it takes the first number: "3 weeks, £16/hour" -> 3), and
no currency for lower-case ISO codes ("usd 650", "cad 20"). It would add a dependency
without reading anything the regex misses, so it is not used.
"""

from __future__ import annotations

import re
from re import _parser as _sre_parser  # the widths of MONEY's parts (see _MONEY_LEAD)
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from board import vocabulary as vocab

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: One pass for single words and "twenty-four" / "thirty five" (tens, then units).
_WORD_RE = re.compile(r"\b(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b"
                      r"(?:[- ](one|two|three|four|five|six|seven|eight|nine)\b)?")
#: "a dozen hours", "half a dozen deliverables".
_DOZEN_RE = re.compile(r"\b(half )?an? dozen\b")


def _number(m: re.Match[str]) -> str:
    """"twenty-four" -> "24"; "one-two" (not tens and units) -> "1-2"."""
    n, unit = _WORDS[m.group(1)], m.group(2)
    if unit is None:
        return str(n)
    if n in (20, 30, 40, 50, 60, 70, 80, 90):
        return str(n + _WORDS[unit])
    return f"{n}{m.group(0)[len(m.group(1))]}{_WORDS[unit]}"


#: "4 hundred", "2 thousand 5 hundred", "1 thousand", once number words are digits.
_SCALE_RE = re.compile(r"\b(?:(\d{1,3}) thousand(?: (?:and )?(\d) hundred)?(?: (?:and )?(\d{1,2}))?|(\d) hundred(?: (?:and )?(\d{1,2}))?)\b")


def _scaled(m: re.Match[str]) -> str:
    th, th_h, th_rest, h, h_rest = m.groups()
    if th:
        return str(int(th) * 1000 + int(th_h or 0) * 100 + int(th_rest or 0))
    return str(int(h) * 100 + int(h_rest or 0))


def prepare(text: str) -> str:
    """Lower-case, one kind of dash, number words as digits ("twenty-four", "a dozen" too),
    "between 10 and 15" as "10-15"."""
    text = text.lower()
    if "**" in text:  # markdown bold around a label: "**Hours:** 15 total"
        text = text.replace("**", "")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\b(for|over|within|lasting|in|about|of) an? (?=(?:week|month|day)\b)", r"\1 1 ", text)  # "for a week"
    if "dozen" in text:
        text = _DOZEN_RE.sub(lambda m: "6" if m.group(1) else "12", text)
    text = _WORD_RE.sub(_number, text)
    if "hundred" in text or "thousand" in text:  # "4 hundred dollars", "2 thousand 5 hundred"
        text = _SCALE_RE.sub(_scaled, text)
    text = re.sub(r"\bbetween (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)", r"\1-\2", text)
    if "hour" in text:
        text = _HOUR_LIST.sub(_spell_list, text)
    return text


#: Programme tracks said as a list: "a 20-, 30- or 40-hour scope", "tracks of 20, 30 or 40 hours"
#: (two numbers or more before the last: "20 or 40 hours" stays a range, "20 or 40 hour track" does not).
_HOUR_LIST = re.compile(r"\b(\d\d?(?:-?,\s*\d\d?){1,4}-?,?\s*(?:or|and)\s*\d\d?)(-hours?\b|\s+hours\b)"
                        r"|\b(\d\d?-,?\s*(?:or|and)\s*\d\d?)(-hours?\b)"
                        # "(10 or 30 hour track)": two tracks, not a range, when a track word follows
                        r"|\b(\d\d?\s+or\s+\d\d?)([- ]hours?)(?=\s+(?:tracks?|options?|tiers?|versions?|scopes?|packages?)\b)")


def _spell_list(m: re.Match[str]) -> str:
    """"20-, 30- or 40-hour" -> "20-hour, 30-hour or 40-hour": each track its own hour count."""
    numbers, unit = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
    nums = re.findall(r"\d+", numbers)
    joiner = " and " if re.search(r"\band\b", numbers) else " or "
    return ", ".join(n + unit for n in nums[:-1]) + joiner + nums[-1] + unit


# "\d\d{0,3}" rather than "\d{1,4}": a pattern that opens with a plain character class lets
# the regex engine skip straight to the next digit instead of trying every position.
_NUM = r"(\d\d{0,3}(?:\.\d+)?)"
_RNG = rf"{_NUM}(?:\s*(?:-|to|or)\s*{_NUM})?"
#: "hours" as non-native writers also say it: "ca. 25 Stunden", "20 horas", "20 ore", "15 heures".
#: Czech "hodin", Polish "godziny", Ukrainian "годин", Turkish "saatlik" ("a 25-hour project"), Arabic
#: "ساعة"/"ساعات", Hebrew "שעות".
_HRS = (r"(?:(?:hours?|hrs?|h|stunden|std|horas|hores|heures|ore|timer|timar|timmar|uur|godzin[ay]?|tuntia|saat(?:lik)?|jam"
        # Japanese, Korean and Chinese in Latin letters: "20 jikan", "18 sigan", "20 xiaoshi"
        r"|jikan|sigan|xiaoshi|xiǎoshí"
        r"|hodin[ay]?|годин[иу]?|ساعة|ساعات|שעות|ghant[ea]|ghanton"
        # Danish "10 timers arbejde", Slovak "30 hodín", Tagalog "20 oras", Estonian "20 tundi", Hungarian "20 óra",
        # Greek "20 ώρες", Vietnamese "24 giờ"
        r"|timers|hodín|hodiny|oras|tundi|óra|órát|órás|ώρες|giờ)\b"
        # Chinese "20小时" / "20小時" and Thai "20 ชั่วโมง" run on without a word boundary
        r"|時間|시간|घंटे|小时|小時|ชั่วโมง)")
#: A week in the writer's language too: "20 Stunden pro Woche", "10 timer om ugen", "15 horas por semana".
_WEEK = (r"(?:/|per|a|an|each|every)\s*(?:week|wk)\b|weekly\b"
         r"|(?:pro|die|par|por|a la|om|i|per|a|la) (?:woche|semaine|semana|settimana|ugen|uke|uken|veckan|vecka)\b"
         r"|(?:/|per)\s*(?:woche|semaine|semana|settimana|uke|vecka)\b|w[öo]chentlich|hebdomadaires?|semanais|semanales|settimanali"
         r"|ugentlig\w*|ukentlig\w*|i veckan|per week|毎週|週"
         # Indonesian / Malay: "20 jam per minggu", "20 jam seminggu", "setiap minggu"
         r"|(?:/|per|setiap|tiap)\s*minggu\b|seminggu\b"
         # Czech, Polish, Ukrainian, Turkish, Romanian, Arabic, Hebrew: "15 hodin týdně", "10 godzin tygodniowo",
         # "w tygodniu", "на тиждень", "haftada 10 saat" is said before; "pe săptămână", "في الأسبوع", "בשבוע"
         r"|týdně|tydne|za týden|tygodniowo|(?:w|na) tydzień|w tygodniu|на тиждень|щотижня|haftal[ıi]k|(?:pe|într-o) săptămână"
         r"|săptămânal\w*|في الأسبوع|أسبوعيا|בשבוע")

#: The week said first, as Japanese, Korean and Turkish do: "週10時間", "週に10時間", "주 10시간", "주당 10시간",
#: "매주 10시간", "haftada 5-6 saat".
_WEEK_FIRST = r"(?:毎週|週に?|주당?|매주|\bhaftada|\bhaftal[ıi]k)"
WEEKLY_BEFORE = re.compile(rf"{_WEEK_FIRST}\s*(?:about |around |yaklaşık |ortalama )?{_RNG}\s*{_HRS}")
WEEKLY = re.compile(rf"{_RNG}\s*-?\+?\s*{_HRS}\s*(?:of\s+(?:\w+\s+)?work\s+|of\s+time\s+|,\s*(?=per\s+week)|(?:in\s+)?total\s+)?(?:{_WEEK})")
HOURS = re.compile(rf"{_RNG}\s*\+?\s*-?\s*{_HRS}")
#: Days a week restated in hours: "½ day a week (about 4 hours)", "one day per week (~7 h)": a weekly rate, never a total.
DAY_WEEKLY = re.compile(rf"(?:½|half|one|a|\d)[- ]?(?:a )?days? (?:a|per|each|every) week\s*\(\s*(?:about |around |roughly "
                        rf"|approx\.? |~\s*)?{_RNG}\s*{_HRS}\s*\)")
#: Sittings a week with the hours of each: "2 evenings a week, about 3 hours each", "3 sessions per week
#: of 2 hours": a weekly rate (sittings x hours), never a total; the weeks said near it bound it.
SITTINGS_WEEKLY = re.compile(rf"(?<![\d.,])(\d)\s+(?:evenings?|mornings?|afternoons?|nights?|sessions?|calls?|days?)\s+"
                             rf"(?:a|per|each|every)\s+week\s*[,(:-]?\s*(?:(?P<of>of|lasting)\s+)?(?:about |around |roughly "
                             rf"|approx\.? |~\s*)?{_RNG}\s*-?\s*{_HRS}(?P<each>\s+each|\s+apiece|\s+per (?:evening|session|sitting|day|call))?")
#: Weeks, months and days in the writer's language too: Czech "8 týdnů", Polish "2 tygodnie", Ukrainian "3 тижні",
#: Turkish "3 hafta", Romanian "3 săptămâni", "2 luni", "5 zile" (``_weeks`` reads the unit by its stem).
_UNIT = (r"week|wk|month|day|týdn[ůyu]|týden|tygodni[eu]?|tydzień|тижн\w*|тиждень|hafta|săptămân[iăa]|săptămână"
         r"|měsíc\w*|miesi[ąę]c\w*|місяц\w*|luni|lună|zile|dn[íůiy]|днів|дні|gün"
         # Japanese and Korean: "6週間", "3ヶ月", "2개월", "4주"
         r"|週間|[ヶかカケ]月|개월|주(?!당)")
DURATION = re.compile(rf"(?=\d)(?:{_NUM}\s*-?\s*(?:(?:consecutive|straight|full|calendar)\s+)?({_UNIT})s?\b(?:\s*(?:-|to)\s*{_NUM}\s*-?\s*({_UNIT})s?\b)?"
                      rf"|{_NUM}\s*(?:-|to)\s*{_NUM}\s*-?\s*({_UNIT})s?\b)")

# Hour counts that are not the amount of work.
_HOURS_BEFORE_SKIP = re.compile(r"(?:within|every|per|after|last|past|next|before|in|credit|response|than|of)\s*$")
_HOURS_AFTER_SKIP = re.compile(
    r"^\s*(?:of\s+)?(?:credit|notice|response|turnaround|ahead|behind|difference|overlap|shift|time ?zone|ago|later"
    r"|before|after|a day|per day|/\s*day|daily|a month|per month|/\s*month|call|meeting|interview|session|kick-?off"
    # a day's or a month's hours in the writer's language: "4 horas por dia", "6 horas diarias", "3 heures par jour"
    r"|por d[ií]a|al d[ií]a|diari[ao]s|di[áa]rias?|par jour|pro tag|am tag|t[äa]glich|al giorno|por m[eê]s|al mes|par mois"
    r"|onboarding|training|webinar|workshop|orientation|window|flight|drive|/7)(?!\s*:)")  # "18 hours window: …" is the next item's label
_HOURS_STRONG = re.compile(
    r"^\s*(?:-\s*)?(?:project|assignment|engagement|micro-?internship|task|commitment|track|option|stream|tier|package"
    r"|scope|version|brief|sprint|deliverable"
    r"|of (?:paid |total |project )?work|(?:piece|block|chunk|amount) of work"
    r"|total|in total|of work in total|worth|to complete|of effort|over|across|spread|estimated)")
#: "A 20-hour research project", "the 12-hour lite version": an hour adjective, a word or two, a project noun.
_HOURS_ADJECTIVE_NOUN = re.compile(r"^\s+(?:[a-z]+\s+){1,2}?(?:project|assignment|engagement|micro-?internship|sprint"
                                   r"|brief|audit|scope|version|option|track|tier|package|deliverable|gig)\b")
#: A cap is a total: "no more than 20 hours", "a maximum of 25 hours" ("than"/"of" are skipped otherwise).
_HOURS_CAP_BEFORE = re.compile(r"(?:no more than|not more than|not exceeding|at most|a maximum of|maximum of|max\.?|capped at"
                               r"|(?:hard |firm |strict )?cap of|(?:hard |firm |strict )?limit of"
                               r"|limited to|no longer than|not longer than|not to exceed|should not exceed|shouldn't exceed"
                               r"|total of|totals?|totaling|totalling|amounts? to|comes? to"
                               # the work sized by its owner: "we've scoped this at 18 hours", "budgeted at ~20 hours"
                               r"|(?:scoped|sized|budgeted|timeboxed|time-boxed|pegged|costed|planned)(?: (?:it|(?:this|the) (?:work"
                               r"|project|task|brief|sprint|job)|this))? (?:at|to|for|as)(?: about| around| roughly| approximately| ~)?)\s*$")
#: The workload said with a verb non-native writers use: "the work is estimated in 10 hours", "the
#: dedication is of 15 hours", "the effort will be of around 20 hours" ("in"/"of" are skipped otherwise).
_HOURS_WORKLOAD_VERB = re.compile(r"\b(?:work|workload|effort|dedication|time commitment|commitment|task|job|project)"
                                  r"\s+(?:is|will be|would be|should be|are)?\s*(?:estimated|calculated|planned|foreseen"
                                  r"|expected)?\s*(?:in|at|of|to be|on)\s+(?:about\s+|around\s+|roughly\s+|approx\.?\s*"
                                  r"|approximately\s+|~\s*|max\.?\s*)?$|\b(?:dedication|effort|workload) (?:is|will be|of)\s+(?:of\s+)?"
                                  r"(?:about\s+|around\s+|roughly\s+|approx\.?\s*|approximately\s+|~\s*)?$")
#: "A project of 15 to 20 hours", "an assignment of about 12 hours": "of" after a project noun
#: introduces the total ("of" is skipped otherwise: "a time difference of 3 hours").
_HOURS_PROJECT_OF = re.compile(r"\b(?:project|assignment|engagement|task|sprint|brief|deliverable|micro-?internship|workload"
                               r"|commitment|piece of work|(?:tracks?|options?|scopes?|tiers?|versions?|lengths?)(?: \(| are| is)?)\s+of\s+(?:about\s+|around\s+|roughly\s+|approx\.?\s*"
                               r"|approximately\s+|~\s*|up to\s+)?$")
_HOURS_STRONG_BEFORE = re.compile(r"(?:total of|approximately|approx\.?|about|around|estimated|up to|takes?|requires?"
                                  r"|expected to take|roughly|only)\s*$")

_DUR_AFTER_SKIP = re.compile(r"^\s*(?:of\s+)?(?:experience|exp\b|ago|old|notice|probation|pto|paid|vacation|holiday"
                             r"|off\b|leave|sick|annual|a week|per week|/\s*week|a month|per month|of (?:the|each))")
_DUR_ENGAGEMENT = re.compile(r"(?:for|over|lasting|within|across|during|spanning|duration of|takes?|in|due"
                             # "przez 2 tygodnie", "po dobu 8 týdnů", "během 3 týdnů", "timp de 3 săptămâni", "протягом 3 тижнів",
                             # "لمدة", "במשך"
                             r"|przez|po dobu|během|timp de|pe (?:o )?perioad[ăa] de|протягом|за|لمدة|במשך"
                             # the label of a duration in Japanese and Korean: "期間：6週間", "기간: 3주"
                             r"|期間\s*[:：]?|기간\s*[:：]?)"
                             r"\s*(?:about\s+|approximately\s+|roughly\s+|just\s+)?$")
_DUR_ENGAGEMENT_AFTER = re.compile(r"^\s*(?:boyunca|süreyle\b)|^\s*(?:-\s*)?(?:long\s+)?(?:(?:summer|winter|spring|fall|autumn|paid|remote|virtual|full-time"
                                   r"|part-time|student|research|team|data|design|marketing)\s+)?(?:project|contract|internship|micro-?internship|cohort"
                                   r"|engagement|program|programme|assignment|sprint|term|period|commitment|duration|role"
                                   r"|position|placement|gig|timeline|timeframe|window|after (?:the )?(?:kick-?off|start))")

#: Time since or until graduating is the applicant's, not the project's: "recent graduates (within 12
#: months)", "within 6 months of graduating", "graduated in the last 2 years".
_DUR_GRADUATION = re.compile(r"graduat\w*\s*\(?\s*(?:within|in the (?:last|past)|less than|up to)?\s*\|"
                             r"|\|\s*(?:of|since|after|before|from) (?:your |their )?(?:graduat|completing|finishing|completion)")

#: "3 weeks, around 7 hours a week", "3 weeks, flexible, ~8 hrs/wk": a duration just before a weekly rate
#: bounds it (a word or three between, in the same sentence or list item).
_WEEKLY_AFTER_DURATION = re.compile(rf"\s*\)?\s*[,;:(·•|-]?\s*(?:(?!for\b|of\b)[a-z]+[,;]?\s+){{0,3}}?(?:at\s+|with\s+)?(?:about\s+|around\s+|roughly\s+|approx\.?\s*"
                                    rf"|approximately\s+|~\s*|up to\s+)?{_RNG}\s*-?\+?\s*{_HRS}\s*(?:{_WEEK})")

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
#: "20 hours a week, 10 weeks", "~6 h/week · 4 weeks": a weekly rate just before a duration bounds it too.
_DURATION_AFTER_WEEKLY = re.compile(rf"(?:{_HRS}\s*(?:{_WEEK})|\b(?:hours|hrs)\s*weekly)\s*[,;:(·•|-]?\s*(?:[a-z]+[,;]?\s+){{0,3}}$"
                                    # the week said first: "週10時間 × 6週間", "주 10시간, 3주"
                                    rf"|{_WEEK_FIRST}\s*(?:about |around |yaklaşık |ortalama )?{_RNG}\s*{_HRS}\s*[×x*,、・]?\s*$")

MONTH_SPAN = re.compile(r"\b(?:from\s+)?(" + "|".join(_MONTHS) + r")(?:\s+(?:through|thru|to|until)\s+|\s*-\s*)("
                        + "|".join(_MONTHS) + r")\b")
#: "Start date: January; end date: June": the same span said as two labelled dates.
START_END = re.compile(r"\bstart(?:s|ing)?(?: date)?\s*:?\s*(?:in |on )?(" + "|".join(_MONTHS) + r")\b[^.]{0,40}?"
                       r"\bend(?:s|ing)?(?: date)?\s*:?\s*(?:in |on |by )?(" + "|".join(_MONTHS) + r")\b")
#: "20 hours per month": a rate, like hours a week, that says nothing without a number of months.
#: A month in the writer's language too: "15 jam per bulan", "10 Stunden im Monat", "20 heures par mois".
_MONTH = (r"(?:/|per|a|an|each|every)\s*month\b|(?:pro|im|par|por|al|ao|per|i|om|w|na)\s*(?:monat|mois|mes|mês|mese|maand"
          r"|måned|måneden|månad|månaden|bulan|miesiącu?)\b|(?:setiap|tiap)\s*bulan\b|sebulan\b|monatlich|mensuel\w*"
          r"|mensais|mensuales|mensili|maandelijks|månadsvis|miesięcznie|měsíčně")
MONTHLY = re.compile(rf"{_RNG}\s*-?\s*{_HRS}\s*(?:{_MONTH})")
_PER_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTH})")


@dataclass(frozen=True)
class Found:
    low: float
    high: float
    quote: str
    at: int = 0  # position in the text


def _rng(a: str | None, b: str | None) -> tuple[float, float]:
    low = float(a) if a else 0.0
    high = float(b) if b else low
    return (min(low, high), max(low, high))


def _quote(text: str, start: int, end: int) -> str:
    return text[max(0, start - 20): end + 20].strip()


#: "Hours: 15/week": a label names the unit, the number is weekly.
LABELLED_WEEKLY = re.compile(rf"(?:hours|time commitment|commitment|workload)\s*:\s*(?:about |approx\.? |around |roughly "
                             rf"|~|up to )?{_RNG}\s*(?:/|per|a|each)\s*(?:week|wk)\b")


def monthly_hours(text: str) -> Found | None:
    """"20 hours per month" -> (20, 20): a rate with no end, never a total."""
    m = MONTHLY.search(text)
    return Found(*_rng(m.group(1), m.group(2)), _quote(text, m.start(), m.end()), m.start()) if m else None


#: Hours a day on the days of a week: "three hours a day, Monday to Friday", "2 hours a day on weekdays",
#: "4 hours per day, 3 days a week": a weekly rate (hours x days), never a total.
DAILY_WEEKLY = re.compile(rf"{_RNG}\s*{_HRS}\s*(?:a|per|each|every)\s*day\b[,;]?\s*(?:on\s+)?(?:(?P<weekdays>monday to friday|mon(?:day)?"
                          r"\s*[-–]\s*fri(?:day)?|weekdays|every weekday|each weekday)|(?P<days>[1-6]) days? (?:a|per|each) week)")


def _daily_weekly(text: str) -> Found | None:
    m = DAILY_WEEKLY.search(text)
    if not m:
        return None
    days = 5 if m.group("weekdays") else int(m.group("days"))
    low, high = _rng(m.group(1), m.group(2))
    return Found(low * days, high * days, _quote(text, m.start(), m.end()), m.start()) if 0 < high * days <= 80 else None


def weekly_hours(text: str) -> Found | None:
    """"10-15 hrs/week", "20 hours per week", "Hours: 15/week" -> (10, 15)."""
    m = WEEKLY.search(text) or (LABELLED_WEEKLY.search(text) if ("week" in text or "wk" in text) and ":" in text else None) \
        or (DAY_WEEKLY.search(text) if "day" in text and "week" in text else None) \
        or (WEEKLY_BEFORE.search(text) if "週" in text or "주" in text or "hafta" in text else None)
    if not m:
        return (_daily_weekly(text) if "day" in text else None) or sittings_weekly(text)
    low, high = _rng(m.group(1), m.group(2))
    return Found(low, high, _quote(text, m.start(), m.end()), m.start()) if 0 < high <= 80 else None


def _sittings_weekly_matches(text: str) -> Iterator[re.Match[str]]:
    """The :data:`SITTINGS_WEEKLY` matches whose hours are said to be each sitting's."""
    if "week" not in text:
        return
    for m in SITTINGS_WEEKLY.finditer(text):
        if m.group("of") or m.group("each"):
            yield m


def sittings_weekly(text: str) -> Found | None:
    """"2 evenings a week, about 3 hours each" -> (6, 6) hours a week."""
    for m in _sittings_weekly_matches(text):
        n = int(m.group(1))
        low, high = _rng(m.group(3), m.group(4))
        if 0 < high * n <= 80:
            return Found(low * n, high * n, _quote(text, m.start(), m.end()), m.start())
    return None


#: Work said as a count of sittings: "8 sessions of about 2.5 hours", "3 calls of 1 hour" (before the
#: hours), "four 3-hour workshops", "2 x 4-hour sessions" (around them): the total is the product.
_SITTING = r"(?:sessions?|calls?|workshops?|sittings?|shifts?|blocks?|rounds?|sprints?|visits?|work ?days?|days?|evenings?)"
_SITTINGS_BEFORE = re.compile(rf"(?<![\d.,$€£])(\d\d?)\s+(?:[\w-]+\s+){{0,2}}?{_SITTING}\s+(?:each\s+)?(?:of|lasting)\s+"
                              r"(?:about\s+|around\s+|roughly\s+|approx\.?\s*|approximately\s+|~\s*|up to\s+)?$")
_SITTINGS_AROUND = re.compile(r"(?<![\d.,$€£:])(\d\d?)\s*(?:x|×)?\s*$")
_SITTINGS_AFTER = re.compile(rf"^\s*(?:[\w-]+\s+)?{_SITTING}\b")
#: A total restated in brackets right after another count: "8 sessions of about 2.5 hours (20 hours)",
#: "3 h/day x 5 days (15 hours)": the bracketed total is what the work adds up to, and wins.
_RESTATED_AFTER = re.compile(rf"^\s*\(\s*(?:about\s+|around\s+|roughly\s+|approx\.?\s*|~\s*|so\s+|i\.e\.,?\s*|=\s*)?"
                             rf"{_RNG}\s*-?\s*{_HRS}(?:\s+(?:in\s+)?total|\s+in all|\s+altogether|\s+overall)?\s*\)")


def _sittings(text: str, m: re.Match[str], before: str, after: str) -> int:
    """How many sittings an hour count is each of (1 when it is not one sitting of several)."""
    if s := _SITTINGS_BEFORE.search(before):
        return int(s.group(1))
    if "-" in m.group(0) and (s := _SITTINGS_AROUND.search(before)) and _SITTINGS_AFTER.match(after):
        return int(s.group(1))  # "four 3-hour workshops", "2 x 4-hour sessions"
    return 1


def _hour_mentions(text: str) -> tuple[list[Found], list[Found]]:
    """Total-hour mentions (strong: with project wording; bare), skipping weekly and daily
    counts, deadlines, meetings and credit hours; an hour count of each of several sittings
    is multiplied, and a total restated in brackets after it replaces it."""
    weekly_spans = [m.span() for m in WEEKLY.finditer(text)]
    if "週" in text or "주" in text or "hafta" in text:
        weekly_spans += [m.span() for m in WEEKLY_BEFORE.finditer(text)]
    if "day" in text and "week" in text:
        weekly_spans += [m.span() for m in DAY_WEEKLY.finditer(text)]
    weekly_spans += [(m.start(2), m.end()) for m in _sittings_weekly_matches(text)]
    kept: list[tuple[int, Found, bool]] = []  # (end, mention, strong)
    restated = -1  # where a bracketed total said right after the last count ends
    for m in HOURS.finditer(text):
        if any(a <= m.start() < b for a, b in weekly_spans):
            continue
        before, after = text[max(0, m.start() - 40): m.start()], text[m.end(): m.end() + 40]
        if m.start() < restated:  # the bracketed total itself: a total, with the words before it
            low, high = _rng(m.group(1), m.group(2))
            kept.append((m.end(), Found(low, high, _quote(text, m.start(), m.end()), m.start()), True))
            continue
        if "(" in after[:4] and (r := _RESTATED_AFTER.match(after)):
            restated = m.end() + r.end()
            continue
        if (n := _sittings(text, m, before, after)) > 1 and (low_high := _rng(m.group(1), m.group(2)))[1] * n <= 200:
            found = Found(low_high[0] * n, low_high[1] * n, _quote(text, m.start() - len(before), m.end()), m.start())
            kept.append((m.end(), found, bool(_HOURS_STRONG_BEFORE.search(before) or _HOURS_STRONG.search(after))))
            continue
        before = before[-25:]
        cap = bool(_HOURS_CAP_BEFORE.search(before) or _HOURS_PROJECT_OF.search(before)
                   or _HOURS_WORKLOAD_VERB.search(text, max(0, m.start() - 60), m.start()))
        if (not cap and _HOURS_BEFORE_SKIP.search(before)) or _HOURS_AFTER_SKIP.search(after) or _PER_WEEK_AFTER.match(after) \
                or _PER_MONTH_AFTER.match(after):
            continue
        low, high = _rng(m.group(1), m.group(2))
        if not 0 < high <= 2000:
            continue
        found = Found(low, high, _quote(text, m.start(), m.end()), m.start())
        adjective = m.group(0)[-1] != "s" and "-" in m.group(0) and bool(_HOURS_ADJECTIVE_NOUN.match(after))
        kept.append((m.end(), found, bool(cap or adjective or _HOURS_STRONG.search(after)
                                          or _HOURS_STRONG_BEFORE.search(before))))
    # a list of tracks shares the last one's project wording: "a 20-hour, 30-hour or 40-hour scope"
    # or the first one's: "tracks of 20, 30 or 40 hours"
    for order in (range(len(kept) - 2, -1, -1), range(1, len(kept))):
        for i in order:
            j = i + 1 if order.step < 0 else i - 1
            (a, b) = (i, j) if j > i else (j, i)
            if not kept[i][2] and kept[j][2] and _LIST_GLUE.fullmatch(text, kept[a][0], kept[b][1].at):
                kept[i] = (kept[i][0], kept[i][1], True)
    kept = _summed(text, kept)
    return [f for _, f, st in kept if st], [f for _, f, st in kept if not st]


#: A count said to be the sum: "2 2-hour sessions plus preparation - 14 hours in all".
_SUM_AFTER = re.compile(r"\s*(?:in all|in total|altogether|all told|all in|overall|combined)\b")
_SUM_GLUE = re.compile(r"\bplus\b|\+|\band\b|\bwith\b")


def _summed(text: str, kept: list[tuple[int, Found, bool]]) -> list[tuple[int, Found, bool]]:
    """Drop the parts of a total that the text adds up itself: in "2 live sessions of 4 hours
    plus about 6 hours of preparation - roughly 14 hours in all", 8 and 6 are parts, 14 the
    total (the parts are smaller, come before it in the same sentence, joined by "plus"/"and")."""
    for i in range(len(kept) - 1, 0, -1):
        end, total, _ = kept[i]
        if not _SUM_AFTER.match(text, end):
            continue
        parts = [j for j in range(i) if 0 < total.at - kept[j][1].at <= 220 and kept[j][1].high < total.high]
        if not parts or ". " in text[kept[parts[0]][1].at: total.at] or not _SUM_GLUE.search(text, kept[parts[0]][0], total.at):
            continue
        return [(end, total, True) if j == i else k for j, k in enumerate(kept) if j not in parts]
    return kept


#: What joins the items of a list of hour counts: ", ", " or ", ", or a ".
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:(?:or|and)\s+)?|(?:or|and)\s+)(?:an?\s+)?")


_PER_WEEK_AFTER = re.compile(r"^\s*(?:/|per|a|an|each|every)\s*(?:week|wk)\b")


#: What kind of day a count of days is: "3 working days", "4 half-days", "2 full days".
_DAY_KIND = r"full|working|work|business|person|man|half|calendar"
#: "Estimated hours: 20", "Hours: 6-8 total", "Time commitment: about 15 hours": a label, then the number.
#: The number and its unit are atomic groups: otherwise the engine backtracks out of "hrs" (or
#: from "15" to "1") until the not-weekly test passes, and "Commitment: 20 hrs/week" became 20 total hours.
LABELLED_HOURS = re.compile(rf"(?:hours|time commitment|commitment|workload|effort|time required|time needed|duration"
                            rf"|(?<![\w-])time|dedication|time investment|scope|aufwand|umfang"
                            # the label in the writer's language: Danish/Norwegian "Omfang", Dutch "Omvang", Swedish
                            # "Omfattning", Portuguese "Carga horária", Spanish "Dedicación", Japanese "作業時間"
                            rf"|omfang|omvang|omfattning|arbeidsmengde|tidsforbruk|carga hor[aá]ria|dedica[cç][aã]o|dedicaci[oó]n"
                            rf"|horas estimadas|作業時間|稼働時間|所要時間|想定時間|volume horaire|charge de travail|dur[ée]e estim[ée]e"
                            rf"|impegno|monte ore|carga de trabajo|tiempo estimado|czas pracy|nak[łl]ad pracy|arbeitszeit|stundenumfang"
                            rf"|werklast|urenaantal|aantal uur|tidsramme|tidsåtgång"
                            # the hours word as the label: Italian "Ore previste: circa 18", Spanish "Horas totales: 20",
                            # French "Heures estimées", Dutch "Uren", Swahili "Jumla ya saa", Hindi "कुल घंटे", Turkish "Toplam saat"
                            # (not a count's unit: "environ 20 heures : 30 appels" is 20 hours, then 30 calls)
                            rf"|(?<![\w-])(?<!\d )(?<!\d)(?:ore(?: (?:previste|stimate|totali|di lavoro))?|horas(?: (?:totales|totais|previstas"
                            rf"|de trabajo|de trabalho))?|heures(?: (?:estim[ée]es|pr[ée]vues|totales|de travail))?|uren|(?:jumla ya )?saa(?: za kazi)?"
                            rf"|(?:कुल )?घंटे|toplam saat|jumlah jam|total jam|godziny(?: pracy)?|liczba godzin|timer totalt|antal timmar))"
                            rf"\s*(?:\(total\)\s*)?[:：]\s*(?:about |approx\.? |approximately |around |roughly |~|up to |estimated |est\.? ?|ca\.? ?|circa |cirka "
                            rf"|etwa |ongeveer |omkring |aprox\.? |aproximadamente |約 ?|environ |unas |unos |cerca de |takriban |karibu |lagbhag |लगभग "
                            rf"|yaklaşık |sekitar |kurang lebih |około |ok\. )?(?>{_RNG})"
                            rf"(?!\s*(?:am|pm|:|weeks?|days?|months?|evenings?|mornings?|afternoons?|nights?|sessions?)\b|\s*(?:{_DAY_KIND})[- ]?(?:days?|weeks?|evenings?)\b"
                            # office hours, not an amount: "Hours: 9-17 CET"
                            rf"|\s*(?:cet|cest|utc|gmt|est|edt|pst|pdt|ist|sast|wat|eat|local time|uhr)\b)"
                            rf"(?>(?:\s*{_HRS})?)"
                            rf"(?!\s*(?:/|per|a|an|each|every)\s*(?:week|wk|day)\b|\s*(?:{_WEEK}))")


#: A table's or list's label cell, then the count without its unit: "Hours | 25–30 in total",
#: "hours 25-30 in total" (the cell's colon lost): only with "in total" after, so that "hours 9 to 5"
#: (office hours) is no total.
HOURS_CELL = re.compile(rf"(?<![\w-])(?:total hours|estimated hours|hours|horas|hores|stunden|heures|time commitment|workload)\s*[|:：]?\s*"
                        rf"(?:about |approx\.? |around |roughly |estimated |~)?(?>{_RNG})\s*\(?(?:in total|total|overall|altogether"
                        rf"|en total|au total|insgesamt)\b")


#: The hours' total said as a verb after them: "Hours are flexible but total 20", "hours add up to about 25".
HOURS_TOTAL_VERB = re.compile(rf"\bhours (?:are |will be )?(?:[\w-]+,? ){{0,3}}?(?:but |and )?(?:total|come to|add up to|sum to|amount to)"
                              rf"\s+(?:about |around |roughly |approx\.? |~)?(?>{_RNG})(?!\s*(?:{_HRS})?\s*(?:/|per|a|an|each|every)"
                              rf"\s*(?:week|wk|day|month)\b)")


def labelled_hours(text: str) -> Found | None:
    """"Hours: 20", "Estimated hours: 15-18", "Hours | 25-30 in total": a label, then the number."""
    m = LABELLED_HOURS.search(text) or HOURS_CELL.search(text) or ("hours" in text and HOURS_TOTAL_VERB.search(text))
    if not m or (m.group(2) and float(m.group(1)) > float(m.group(2))):
        return None  # "Hours: 9-5" is the office's day, not 4 to 9 hours of work
    low, high = _rng(m.group(1), m.group(2))
    return Found(low, high, _quote(text, m.start(), m.end()), m.start()) if 0 < high <= 2000 else None


hour_mentions = _hour_mentions


def total_hours(text: str, mentions: tuple[list[Found], list[Found]] | None = None) -> Found | None:
    """A total amount of work: "a 30-hour project", "15 hours of work", "5 to 40 hours".

    Mentions with project wording win over labelled ones ("Hours: 20") and bare ones; weekly
    and daily counts, deadlines, meetings and credit hours are skipped. ``mentions``: what
    :func:`hour_mentions` returned, if the caller already has it.
    """
    strong, bare = _hour_mentions(text) if mentions is None else mentions
    if strong:
        return strong[0]
    return labelled_hours(text) or (bare[0] if bare else None)


def hour_tracks(text: str, strong: list[Found] | None = None) -> list[Found]:
    """Distinct total-hour mentions with project wording, in order: "a 25-hour or a 45-hour
    project" is two tracks; the same "20-hour project" said twice is one.

    ``strong``: the first list of :func:`hour_mentions` if the caller already has it.
    """
    strong = _hour_mentions(text)[0] if strong is None else strong
    out: list[Found] = []
    for f in strong:
        if not any((f.low, f.high) == (o.low, o.high) for o in out):
            out.append(f)
    return out


_UNIT_STEMS = (("week", 1), ("wk", 1), ("týd", 1), ("tyg", 1), ("tydz", 1), ("тиж", 1), ("hafta", 1), ("săpt", 1),
               ("month", 4.3), ("měs", 4.3), ("mies", 4.3), ("міс", 4.3), ("lun", 4.3),
               ("day", 1 / 7), ("zile", 1 / 7), ("dn", 1 / 7), ("дн", 1 / 7), ("gün", 1 / 7),
               ("週", 1), ("주", 1), ("ヶ", 4.3), ("か", 4.3), ("カ", 4.3), ("ケ", 4.3), ("개", 4.3))


def _weeks(n: float, unit: str) -> float:
    return n * next(w for stem, w in _UNIT_STEMS if unit.startswith(stem))


def durations(text: str) -> list[tuple[Found, int]]:
    """Engagement durations in weeks, with their position: "for 3 weeks", "a 3-week cohort",
    "within 2 to 6 weeks", "1 week to 1 month after kick-off"."""
    out = []
    for m in DURATION.finditer(text):
        before, after = text[max(0, m.start() - 30): m.start()], text[m.end(): m.end() + 40]
        if _DUR_AFTER_SKIP.search(after) or _DUR_GRADUATION.search(before[-20:] + "|" + after[:30]):
            continue
        if not (_DUR_ENGAGEMENT.search(before) or _DUR_ENGAGEMENT_AFTER.search(after)
                or _WEEKLY_AFTER_DURATION.match(after) or _DURATION_AFTER_WEEKLY.search(before)):
            continue
        if m.group(1):  # "3 weeks" or "1 week to 1 month"
            low = _weeks(float(m.group(1)), m.group(2))
            high = _weeks(float(m.group(3)), m.group(4)) if m.group(3) else low
        else:  # "2 to 6 weeks"
            unit = m.group(7)
            low, high = _weeks(float(m.group(5)), unit), _weeks(float(m.group(6)), unit)
        if 0 < low <= high <= 520:
            out.append((Found(low, high, _quote(text, m.start(), m.end())), m.start()))
    return out


def duration_near(text: str, pos: int, found: list[tuple[Found, int]] | None = None) -> Found | None:
    """The engagement duration closest after ``pos`` (within a sentence or two), else one said just
    before it ("two weeks, ~8 hrs/week"), else the first one.

    ``found``: ``durations(text)`` if the caller already has it.
    """
    found = durations(text) if found is None else found
    after = [f for f, at in found if 0 <= at - pos <= 120]
    if after:
        return after[0]
    before = [(pos - at, f) for f, at in found if 0 < pos - at <= 60]
    if before:
        return min(before, key=lambda x: x[0])[1]
    return found[0][0] if found else None


_PER_DAY = r"(?:/|per|a|an|each)\s*(?:day|evening)\b"
_ABOUT = r"(?:about\s+|around\s+|roughly\s+|approx\.?\s*|~\s*)?"
_N = r"\d\d?(?:\.\d)?"
#: Hours a day over a few days: "three days, about 4 hours a day", "2 days x 5 hours", "5 days
#: (about 4 hours a day)", "4 hours a day for 3 days". A comma or bracket between days and hours needs the "a day" to follow,
#: so "within 3 days, 10 hours in total" stays a total.
DAILY = re.compile(
    rf"(?P<d1>\d\d?)\s*-?\s*(?:(?:working|work|business|full)[- ]?)?(?:days?|evenings?)\b\s*(?:(?P<sep>[,x×*(])|of|at)\s*{_ABOUT}(?P<a1>{_N})(?:\s*(?:-|to)\s*(?P<b1>{_N}))?"
    rf"\s*{_HRS}(?P<per>\s*{_PER_DAY})?"
    rf"|(?P<a2>{_N})(?:\s*(?:-|to)\s*(?P<b2>{_N}))?\s*{_HRS}\s*{_PER_DAY}\s*(?:for|over|across|x|×|,)\s*{_ABOUT}"
    rf"(?P<d2>\d\d?)\s*-?\s*(?:days?|evenings?)\b(?!\s*(?:a|per|each|every)\s*week)")  # "3 days a week" is a rate, not a count


#: Hours a day over a week or two: "2 hours a day, monday to friday, for 2 weeks", "3 hours each
#: weekday morning for 2 weeks", "2 hrs/day for a fortnight". Weekdays (said, or "monday to friday")
#: are 5 a week; a bare "a day" 5 to 7.
DAILY_WEEKS = re.compile(
    rf"(?P<a>{_N})(?:\s*(?:-|to)\s*(?P<b>{_N}))?\s*{_HRS}\s*(?:/|per|a|an|each|every)\s*"
    r"(?:(?P<wd>week ?day|work(?:ing)? ?day|business day)s?(?:\s+(?:mornings?|afternoons?|evenings?))?|days?|mornings?|afternoons?|evenings?)\b"
    r"(?:\s*,?\s*(?P<mf>mon(?:day)?\s*(?:-|to|through)\s*fri(?:day)?)\s*,?)?"
    r"\s*(?:for|over|across)\s*(?:about\s+|around\s+)?(?:(?P<w>[12])\s*weeks?|(?:a|1|one)\s+(?P<f>fortnight))\b")


def _daily_weeks(text: str) -> Found | None:
    m = DAILY_WEEKS.search(text) if "week" in text or "fortnight" in text else None
    if not m:
        return None
    low, high = _rng(m.group("a"), m.group("b"))
    weeks = 2 if m.group("f") else int(m.group("w"))
    days = (5, 5) if m.group("wd") or m.group("mf") else (5, 7)
    if not 0 < high <= 12:
        return None
    return Found(low * days[0] * weeks, high * days[1] * weeks, _quote(text, m.start(), m.end()), m.start())


def daily_total(text: str) -> Found | None:
    """Total hours from hours a day times a few days (at most 14 days: a longer span is a term,
    and more than 12 hours a day is not a workday)."""
    if "day" not in text and "evening" not in text:  # the common case, without a regex scan
        return None
    if found := _daily_weeks(text):
        return found
    for m in DAILY.finditer(text):
        g = m.groupdict()
        if g["d1"]:
            if g["sep"] in (",", "(") and not g["per"]:
                continue
            days, (low, high) = float(g["d1"]), _rng(g["a1"], g["b1"])
        else:
            days, (low, high) = float(g["d2"]), _rng(g["a2"], g["b2"])
        if 0 < days <= 14 and 0 < high <= 12:
            return Found(low * days, high * days, _quote(text, m.start(), m.end()), m.start())
    return None


#: A span that names what the work is about, not how long it runs: "plan our January–March content",
#: "the September-December sales data", "a May–August campaign".
_SPAN_OF_SUBJECT = re.compile(r"\s*(?:\d{4}\s+)?(?:content|calendar|campaigns?|season|schedule|plan|issues?|editions?|data"
                              r"|reports?|sales|posts|newsletters?|figures|numbers|results|events?)\b")


def month_span(text: str) -> Found | None:
    """"from September through May", "start date: January; end date: June" -> months between (inclusive)."""
    m = next((m for m in MONTH_SPAN.finditer(text) if not _SPAN_OF_SUBJECT.match(text, m.end())), None) \
        or (START_END.search(text) if "start" in text and "end" in text else None)
    if not m:
        return None
    a, b = _MONTHS.index(m.group(1)), _MONTHS.index(m.group(2))
    months = (b - a) % 12 + 1
    return Found(months * 4.3, months * 4.3, _quote(text, m.start(), m.end()))


# ---- pay ----------------------------------------------------------------------------

#: "R3,500", "R7 000", "R 12 000": South African rand. Only a thousands-sized amount: "R2" is a version
#: of the R language or a grade, never pay.
#: "kr", "kr." (Swedish, Norwegian and Danish crowns alike: :func:`kroner_currency` says whose;
#: "4 500kr" too).
_SYM = (r"(?:us\$|usd\$|c\$|ca\$|a\$|au\$|nz\$|\$|€|£|₹|¥|₦|₱|฿|৳|\brs\.?(?=\s?\d)|(?<![a-z])kr(?![a-z])\.?"
        # Peruvian sol: "S/ 25 por hora", "S/1,500"; only right before a number ("hours/s" is no sol)
        r"|(?<![\w/])s/(?=\s?\d)"
        # "RM 900" (Malaysian ringgit), "Rp 2.500.000" (Indonesian rupiah): only right before a number
        r"|\b(?:rm|rp)\.?(?=\s?\d)"
        # Ghanaian cedi "GH₵ 1,500", "₵900"; Kenyan shilling "KSh 5,000", "Kshs. 12,000"
        r"|(?<![a-z])gh₵|₵|\bkshs?\.?(?=\s?\d)"
        # Turkish lira: "₺6.000"; the code TRY is an English word, so only before a grouped amount ("TRY 6.000")
        r"|₺|₩|₪|\btry(?=\s?\d{1,3}(?:[.,]\d{3})+(?![\d.,]))"
        r"|(?<![\w$])r(?=\s?[1-9]\d{0,2}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|[1-9]\d{3,5}(?![\d.,]\d))"
        # a smaller rand amount only as an hourly rate: "R 260 per hour", "R180/h"
        r"|(?<![\w$])r(?=\s?[1-9]\d{1,3}(?:[.,]\d{2})?\s*(?:per|/|an?)\s*(?:hour|hr|h)\b))")
#: "S$400" is Singapore dollars, not US dollars. Read from the letters before a bare "$" rather
#: than as more alternatives of MONEY: a pattern trying "s" at every letter s is slower.
_DOLLAR_PREFIX = re.compile(r"(?<![a-z])(sg|s|hk|r|mx)$")
_DOLLAR_PREFIXES = {"sg": "SGD", "s": "SGD", "hk": "HKD", "r": "BRL", "mx": "MXN"}
#: ISO codes read in prose; rarer codes are left out because they are also English words (ALL, TRY, TOP).
CODES = ("usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "sek", "nok", "dkk", "pln", "inr", "brl", "mxn",
         "jpy", "sgd", "zar", "czk", "huf", "ron", "hkd", "ils", "krw", "php", "ngn", "kes", "ars", "clp", "cop",
         "thb", "myr", "idr", "ugx", "tzs", "bwp", "aed", "sar", "qar", "egp",
         # South Asia and Africa: "PKR 30,000", "LKR 25,000", "BDT 8,000", "NPR 15,000", "GHS 900", "VND 2.000.000"
         "pkr", "lkr", "bdt", "npr", "ghs", "vnd",
         # the Middle East: "JOD 300 project fee"
         "jod")
_CODE = r"\b(?:" + "|".join(CODES) + r")\b"
#: A code right before a bare "$": "AUD $300" is Australian dollars ("$" alone is read as US dollars).
_CODE_BEFORE = re.compile(r"\b(" + "|".join(CODES) + r")\s?$")
#: An amount: "1,200.50", "7 000" (a space between thousands), European "1.200,00" / "1.500" (no price has three decimals), "25,50", "600".
_AMT = (r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?!\d)|\d{1,3}(?:['’]\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d.,]\d|\s?%|\s?-?(?:hours?|hrs?|h|weeks?|days?)\b)|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?!\d|\.\d)|\d+,\d{1,2}(?!\d)"
        r"|\d+(?:\.\d{1,2})?")
#: A multiplier after an amount: "10k", and South Asia's "1.2 lakh" (100,000) and "1 crore" (10,000,000).
_KILO = r"(?:k|lakhs?|lacs?|crores?)\b"
MONEY = re.compile(
    rf"(?P<pre>{_SYM}|{_CODE})\s?(?P<a1>{_AMT})\s?(?P<ak1>{_KILO})?"
    rf"(?:\s*(?:-|to)\s*(?:{_SYM}|{_CODE})?\s?(?P<a2>{_AMT})\s?(?P<ak2>{_KILO})?)?(?:\s?(?P<post1>{_CODE}))?"
    rf"|(?<!\d)(?P<b1>{_AMT})\s?(?P<bk1>{_KILO})?(?:\s*(?:-|to)\s*(?P<b2>{_AMT})\s?(?P<bk2>{_KILO})?)?"
    # a Scandinavian price's ",-" / ":-" ("4.500,-", "4 500:-"): a krone amount even without "kr" after it
    rf"(?P<dash>[,:]-(?![\w-]))?"
    rf"(?:\s?(?P<post>{_SYM}|{_CODE}|(?:(?:canadian|australian|singapore|new zealand|hong kong|us|u\.s\.) )?dollars?\b|euros?\b|pounds?\b|rupees\b|reais\b|rand\b|yen\b|rupiah\b|円|원|pesos (?:argentinos|chilenos|colombianos|mexicanos)\b|soles\b|kron(?:or|er|a|e)\b|z[łl](?![a-z])|บาท|tl\b)"
    # a symbol right before another number is that number's ("january 29 $625"), not this one's
    rf"(?!\s?\d)|(?<=[,:]-))"
)
#: The token of a krone amount (see :func:`kroner_currency`), before its currency is known.
KRONER = "kr"
#: Things a piece rate is paid by besides articles and posts: "$75 per handout", "COP 180 per image",
#: "R45 per accepted question", "฿120 per description" (the rule reads :data:`PER_DELIVERABLE`).
DELIVERABLES = ("handouts?", "questions?", "descriptions?", "images?", "illustrations?", "translations?", "slides?",
                "flashcards?", "cards?", "captions?", "transcripts?", "photos?", "listings?", "labels?", "recordings?",
                "responses?", "designs?", "entries", "entry", "forms?", "clips?", "conversations?", "answers?", "utterances?")
#: What a piece is said to be before its noun: "per accepted question", "for each rated conversation".
_PIECE_STATE = (r"(?:(?:accepted|approved|published|completed|finished|written|edited|correct|valid|rated|reviewed|labell?ed"
                r"|transcribed|recorded|annotated|scored)\s+)?")
PER_DELIVERABLE = re.compile(r"\b(?:per|each|for every|for each)\s+" + _PIECE_STATE + r"(?:" + "|".join(DELIVERABLES) + r")\b")
_UNIT_AFTER = [
    ("total", re.compile(r"^\s*(?:(?:usd|eur|gbp|cad|aud|inr|chf)\s+)?(?:fixed|flat|one-time|1-time|one-off|1-off|single payment"
                         r"|once-off|forfait|pauschal\w*|in total|total|stipend|fee"
                         r"|honorarium|lump sum|for the (?:whole|entire|full) (?:project|set|assignment)|(?:up)?on completion)")),
    ("hour", re.compile(r"^\s*(?:/\s*|per\s+|an?\s+|each\s+)(?:estimated\s+|billable\s+|worked\s+|project\s+)?(?:hour|hr|h)\b|^\s*hourly\b|^\s*(?:pro|je)\s+(?:stunde|std)"
                        # "₹1,250 for every hour you log", "$20 for each hour worked"
                        r"|^\s*for (?:every|each) (?:billable |logged )?hour\b"
                        # Indonesian / Malay: "Rp 50.000 per jam", "RM 20/jam", "sejam"
                        r"|^\s*(?:(?:/|per|setiap)\s*jam\b|sejam\b)"
                        # Spanish, Portuguese, Italian, French: "USD 25 por hora", "R$ 40 a hora", "€ 15 all'ora", "20 € de l'heure"
                        r"|^\s*(?:/\s*|por\s+|a\s+|la\s+|per\s+|all'\s*|par\s+|de\s+l'\s*|à\s+l'\s*)(?:hora|ora|heure)\b"
                        # Swedish, Norwegian, Danish: "kr/tim", "per timme", "kr/t", "pr. time", "i timen"
                        r"|^\s*(?:/\s*|per\s+|pr\.?\s+|i\s+|om\s+|en\s+)(?:timme|timmen|timen|tim|time)\b(?!\s*(?:slots?|periods?"
                        r"|frames?|zones?|you|we|to|of)\b)|^\s*/\s*t\b"
                        # Dutch "per uur", "/uur", "p/u"; German "€/Std.", "pro Std."
                        r"|^\s*(?:/\s*|per\s+)uur\b|^\s*p/u\b|^\s*/\s*std\b")),
    ("year", re.compile(r"^\s*(?:/\s*|per\s+|an?\s+|each\s+)(?:year|yr|annum)\b|^\s*(?:annual(?:ly)?|yearly|p\.?a\.?)(?!\w)")),
    ("month", re.compile(r"^\s*(?:/\s*|per\s+|an?\s+|each\s+)(?:month|mo)\b|^\s*monthly\b|^\s*(?:pro|im)\s+monat")),
    ("week", re.compile(r"^\s*(?:/\s*|per\s+|an?\s+|each\s+)(?:week|wk)\b|^\s*weekly\b")),
    ("day", re.compile(r"^\s*(?:/\s*|per\s+|an?\s+|each\s+)day\b|^\s*daily\b"
                       # "120 € pro Tag", "150 € par jour", "por día", "al giorno", "per dag", "dziennie"
                       r"|^\s*(?:pro|je|/)\s*tag\b|^\s*(?:par|/)\s*jour\b|^\s*(?:por|al|/)\s*d[ií]a\b|^\s*al\s+giorno\b"
                       r"|^\s*(?:per|/)\s*dag\b|^\s*za\s+dzie[ńn]\b|^\s*dziennie\b")),
    ("piece", re.compile(r"^\s*(?:/\s*|per\s+|an?\s+|each\s+|for (?:every|each)\s+)" + _PIECE_STATE +
                         r"(?:article|word|piece|post|task|item|video|review"
                         r"|submission|page|" + r"|".join(DELIVERABLES) + r")\b")),
]
_UNIT_BEFORE = [
    ("hour", re.compile(r"(?:hourly (?:rate|pay|wage)|per hour|rate)(?:\s+of)?[:\s]*$"
                        # Japanese 時給 and Korean 시급 (hourly wage) say the unit before the amount: "時給2,000円", "시급 15,000원"
                        r"|(?:時給|시급)\s*[:：]?\s*(?:[¥￥₩]|jpy|krw)?\s*$"
                        # "saatlik ücret: 150 TL" (Turkish), "stawka godzinowa: 60 zł" (Polish), "hodinová sazba 450 Kč" (Czech)
                        r"|(?:saatlik(?: (?:ücret|ucret))?|saat başı|stawka godzinowa|hodinová sazba|tarif orar|погодинна (?:ставка|оплата))"
                        r"\s*[:：]?\s*$")),
    # Japanese 日給 and Korean 일급 (daily wage): "日給8,000円"
    ("day", re.compile(r"(?:日給|일급)\s*[:：]?\s*(?:[¥￥₩]|jpy|krw)?\s*$")),
    # word boundaries: "remotely" holds "ote" and must not make a fee a salary
    ("year", re.compile(r"\b(?:salary|annual|yearly|per year|ote|compensation range|pay range|base pay)\b[^.]{0,40}$")),
    ("month", re.compile(r"monthly[^.]{0,15}$")),
]
_TOTAL_HINT = re.compile(r"stipend|honorari|\bfee\b|\bflat\b|\bfixed\b|completion|for (?:the|this|a|an)\s+(?:\d+[- ]hours?\s+)?"
                         r"(?:project|assignment|engagement|micro-?internship)|\btotal\b|lump sum|one-time|one-off|\b1-time|\b1-off"
                         r"|once-off|single payment|\baward|\bpaid\b|\bpays?\b")  # "one-off" is "1-off" once prepared
#: The sum of the parts said before it: "(total Rp 1.200.000)", "in total: €600", "altogether $900", "insgesamt 600 €".
_SUM_LABEL = re.compile(r"\b(?:total|in total|in all|altogether|overall|all told|insgesamt|gesamt|en total|no total|au total"
                        r"|totalt|totaal|łącznie|toplam)\s*:?\s*(?:of\s+)?(?:[$€£₹]|[a-z]{1,3}\$?)?\s*$")
#: An hour count right before the amount is what it pays for: "~30 hrs, ₺10k", "20h / $1.5k" (an HN header).
_HOURS_JUST_BEFORE = re.compile(r"\b\d\d?\d?\s*(?:hours?|hrs?|h)\b(?!\s*(?:/|per|a|an)\s*(?:week|wk|month|day))"
                                r"\s*(?:total|in total)?\s*[,;:|/·-]?\s*(?:for\s+|at\s+)?(?:~\s*|about\s+|approx\.?\s*)?$")
#: "project budget: $600" and "budget: $400 for the project" are the fee; a marketing budget is not pay.
_NOT_PAY = re.compile(r"(?<!project )(?<!project's )budget(?!\s*:?\s*(?:of\s+)?(?:for|per) (?:the|this|your|each) (?:[\w-]+ )?"
                      r"(?:project|assignment|engagement|micro-?internship|deliverable)"
                      # "Budget: CAD 800 for an estimated 32 hours": the fee for the work's hours
                      r"|\s*:?\s*(?:[a-z$€£₹]{1,4}\s?)?[\d.,]*\s*(?:[a-z$€£₹]{1,4}\s)?for (?:an? )?(?:estimated |about |around |roughly |~\s*)?"
                      r"\d+[- ]?(?:hours?|hrs?|h)\b)|revenue|raised|funding|\barr\b|valuation|spend|sales|million|billion|\bbn\b|grant|prize"
                      r"|client|worth|\bmrr\b|saved|\bgmv\b|customers?")


#: A staff perk sized by the year or month, not pay: "$1,000 yearly learning budget", "€50 monthly wellness allowance".
_PERK_AFTER = re.compile(r"^\s*(?:per (?:year|month|annum)|a (?:year|month)|annual(?:ly)?|yearly|monthly)?\s*(?:[\w-]+\s+){0,2}?"
                         r"(?:budget|allowance)\b")

#: An amount labelled as the pay ("Salary: TRY 6.000", "Pay: $400"): a job board's salary line, so the
#: words after it ("analyse customer cohorts") are the description's, not what the money is.
_PAY_LABEL = re.compile(r"\b(?:salary|pay|compensation|remuneration|stipend|fee|honorarium|honorar|honor|payment|pago)\s*:\s*$")

#: What may sit between an amount and its unit without being either: a price's dash ("€ 20,- per uur",
#: "CHF 40.– pro Stunde") and gross or net ("25 € brutto pro Stunde", "€ 20 bruto per uur").
#: The country after a dollar sign that follows its amount, as French writes it: "30 $ CA de l'heure", "500 $ US".
_DOLLAR_COUNTRIES = {"ca": "CAD", "can": "CAD", "us": "USD", "au": "AUD", "nz": "NZD"}
_DOLLAR_COUNTRY = rf"({'|'.join(_DOLLAR_COUNTRIES)})\b(?!\.)"
_DOLLAR_COUNTRY_AFTER = re.compile(rf"\s?{_DOLLAR_COUNTRY}")
_AFTER_AMOUNT = re.compile(rf"^(?:[,.]\s?[-–—]{{1,2}}(?![\w-]))?(?:\s*{_DOLLAR_COUNTRY})?"
                           r"(?:\s*(?:brut(?:t?o|a|e)?s?|gross|net(?:t?o|a)?s?)\b\.?)?")

#: Currencies whose "10k" is a small sum: a "₹10k stipend" can be one project's fee.
KILO_FEE_CURRENCIES = frozenset({"INR", "JPY", "PHP", "NGN", "KES", "HUF", "KRW", "CLP", "COP", "ARS", "PKR", "LKR", "IDR", "UGX", "TZS"})

#: Below these a yearly or monthly figure is not a salary (a board's "salary" field holding a fee).
SMALLEST_SALARY = {"year": 5000, "month": 400}


@dataclass(frozen=True)
class Pay:
    low: float
    high: float
    currency: str
    unit: str  # "hour", "total", "year", "month", "week", "day", "piece"
    quote: str
    hinted: bool = False  # a total with stipend/fee/completion wording around it
    at: int = 0  # position in the text
    end: int = 0  # where the amount ends (its unit follows)
    summed: bool = False  # labelled the sum right before it: "(total Rp 1.200.000)", "in all: €600"


#: What the first letter of a :data:`_KILO` word multiplies by.
_MULTIPLIERS = {"k": 1_000, "l": 100_000, "c": 10_000_000}


def _amount(num: str | None, k: str | None) -> float | None:
    if not num:
        return None
    if re.fullmatch(r"\d+,\d{1,2}", num):  # "25,50": a decimal comma
        num = num.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?", num):  # "1.200,00": European thousands
        num = num.replace(".", "").replace(",", ".")
    value = float(re.sub(r"[,\u00a0\u202f '’]", "", num))
    return value * _MULTIPLIERS[k[0]] if k else value


def _currency(token: str | None) -> str | None:
    if not token:
        return None
    token = token.strip().rstrip(".")
    if token in ("kr", ",-", ":-", "kronor", "kroner", "krona", "krone"):
        return KRONER
    words = {"dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "canadian dollars": "CAD",
             "canadian dollar": "CAD", "australian dollars": "AUD", "australian dollar": "AUD", "singapore dollars": "SGD",
             "new zealand dollars": "NZD", "hong kong dollars": "HKD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP",
             "nz$": "NZD", "rupees": "INR", "rs": "INR", "yen": "JPY", "rupiah": "IDR", "reais": "BRL", "r": "ZAR", "rand": "ZAR", "円": "JPY", "₦": "NGN",
             "s/": "PEN", "soles": "PEN", "pesos argentinos": "ARS", "pesos chilenos": "CLP", "pesos colombianos": "COP",
             "pesos mexicanos": "MXN", "₱": "PHP", "฿": "THB", "৳": "BDT", "₩": "KRW", "원": "KRW", "₪": "ILS", "บาท": "THB", "rm": "MYR", "rp": "IDR", "zł": "PLN", "zl": "PLN", "₺": "TRY", "try": "TRY", "tl": "TRY",
             "gh₵": "GHS", "₵": "GHS", "ksh": "KES", "kshs": "KES"}
    if token in words:
        return words[token]
    if token.isalpha() and (len(token) != 3 or token.upper() not in vocab.currencies()):
        return None
    return vocab.canonical_currency(token)


def _same_sentence(before: str) -> str:
    """The end of ``before`` from its last sentence break: "grant deadlines. 9 hours. CA$270" is
    not grant money ("grant" belongs to another sentence)."""
    cut = max(before.rfind(". "), before.rfind("; "), before.rfind("! "), before.rfind("? "))
    return before[cut + 2:] if cut >= 0 else before


def _this_sentence(amount: str, after: str) -> str:
    """The start of ``after`` up to its first sentence break: "Salary: 2.500 kr. Design a customer
    survey" is a fee (the customers are the next sentence's), "$2M in customer revenue" is not pay.
    An amount ending in "kr." / "Rs." may itself end the sentence."""
    if amount.endswith(".") and not after[:1].isalnum():
        return ""
    cut = min((i for i in (after.find(". "), after.find("; "), after.find("! "), after.find("? ")) if i >= 0), default=-1)
    return after[:cut] if cut >= 0 else after


#: The largest amount read as one project's fee, in US dollars; other currencies scale it (see ``scale``).
LARGEST_FEE = 20_000
SMALLEST_FEE = 10


#: A date's year right before an amount's code: "any time before 31 January 2027 SEK 4,800 fee".
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_BEFORE = re.compile(r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\d[./-])\s*(?:\d\d?(?:st|nd|rd|th)?,?\s*)?$")


_DIGIT = re.compile(r"\d")  # the same (Unicode) digit class as MONEY's
#: The most characters a :data:`MONEY` match can start before its first digit: every amount (``_AMT``)
#: starts with a digit, and only a currency symbol or code (``_SYM``/``_CODE``) and one space come before it.
_MONEY_LEAD = _sre_parser.parse(rf"(?:{_SYM}|{_CODE})").getwidth()[1] + 1


def _money_from(text: str, pos: int) -> re.Match[str] | None:
    """``MONEY.search(text, pos)``, trying only the positions a match can start at: at most
    :data:`_MONEY_LEAD` characters before a digit. The same leftmost match (``match`` at a position
    runs what ``search`` runs there), at a fraction of the cost: MONEY's alternation tried at every
    character of a record was curation's costliest scan."""
    while d := _DIGIT.search(text, pos):
        at = d.start()
        for start in range(max(pos, at - _MONEY_LEAD), at + 1):
            if m := MONEY.match(text, start):
                return m
        pos = at + 1
    return None


def money_matches(text: str) -> Iterator[re.Match[str]]:
    """:data:`MONEY` matches, but a year after a month ("31 january 2027 sek 4,800") is no amount:
    the code after it belongs to the next amount, read from there."""
    pos = 0
    while m := _money_from(text, pos):
        if m.group("b1") and m.group("post") and _YEAR.fullmatch(m.group("b1")) and not m.group("b2") \
                and _DATE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            pos = m.start("post")
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def _money(text: str, m: re.Match[str]) -> tuple[str | None, float | None, float | None, str | None]:
    """One :data:`MONEY` match as (currency or :data:`KRONER`, low, high, the "k" of "10k" if said)."""
    g = m.groupdict()
    if g["pre"] is not None:
        cur = _currency(g["pre"])
        cur = _currency(g["post1"]) or cur if cur in (None, KRONER) else cur  # "kr 4 500 SEK"
        if g["pre"] == "$" and (coded := _CODE_BEFORE.search(text, max(0, m.start() - 5), m.start())):
            cur = _currency(coded.group(1)) or cur  # "AUD $300", "CAD $450": the code before says whose dollar
        elif g["pre"] == "$" and (lettered := _DOLLAR_PREFIX.search(text, max(0, m.start() - 3), m.start())):
            cur = _DOLLAR_PREFIXES[lettered.group(1)]
        elif g["pre"] == "$" and g["post1"]:
            cur = _currency(g["post1"]) or cur  # "$1,800 MXN", "$900 CAD": the code says whose dollar or peso
        return cur, _amount(g["a1"], g["ak1"]), _amount(g["a2"], g["ak2"]), g["ak1"] or g["ak2"]
    cur = _currency(g["post"]) if g["post"] else _currency(g["dash"])
    if g["post"] == "$" and (country := _DOLLAR_COUNTRY_AFTER.match(text, m.end())):
        cur = _DOLLAR_COUNTRIES[country.group(1)]
    return cur, _amount(g["b1"], g["bk1"]), _amount(g["b2"], g["bk2"]), g["bk1"] or g["bk2"]


def pay_mentions(text: str, scale: dict[str, float] | None = None, kroner: str | None = None) -> list[Pay]:
    """Every amount of money with its currency and unit; unit "total" for a fee/stipend or bare amount.

    ``scale``: currency -> how many of its units a US dollar's worth of fee is (from the board's
    pay floors), so that "₹45,000 one-time" is a fee and "$45,000" a salary. ``kroner``: the
    currency a "kr" / ",-" amount is in (:func:`kroner_currency`); None leaves such amounts out.
    """
    out = []
    for m in money_matches(text):
        cur, low, high, kilo = _money(text, m)
        if cur == KRONER:
            cur = kroner
        if cur is None or not low:
            continue
        high = high or low
        low, high = min(low, high), max(low, high)
        largest = LARGEST_FEE * (scale or {}).get(cur, 1.0)
        before, after = text[max(0, m.start() - 60): m.start()], text[m.end(): m.end() + 60]
        unit = next((u for u, rx in _UNIT_AFTER if rx.search(_AFTER_AMOUNT.sub("", after, count=1))), None)
        if unit in ("year", "month") and _PERK_AFTER.match(after):
            continue
        if unit == "total" and high > largest:  # "$150k total compensation" is a salary; "$1.5k fee" is not
            unit = None
        if unit is None:
            unit = next((u for u, rx in _UNIT_BEFORE if rx.search(before)), None)
            if unit in ("year", "month") and not kilo and high < SMALLEST_SALARY[unit] * (scale or {}).get(cur, 1.0):
                unit = None  # "Salary: $500", "Salary: Rp 3.000.000" on a board's salary line: a project fee, not a wage
            elif unit and scale and cur not in scale and cur in KILO_FEE_CURRENCIES and _PAY_LABEL.search(before):
                unit = None  # "Salary: ₩800,000" with no floor to size a won salary by: the board's salary line, a fee
        if unit is None and kilo and not ((cur in KILO_FEE_CURRENCIES or largest > LARGEST_FEE or high < SMALLEST_SALARY["year"])
                                          and high <= largest and (_TOTAL_HINT.search(before[-40:] + " " + after[:45])
                                                                   or _HOURS_JUST_BEFORE.search(before[-25:]))):
            unit = "year"  # "$151K": a salary; but "Stipend: ₹10k for a 20-hour project", "$0.75k for the project" are fees
        if unit is None:
            if not _PAY_LABEL.search(before) and _NOT_PAY.search(_same_sentence(before[-30:]) + " "
                                                              + _this_sentence(m.group(0), after[:25])):
                continue
            unit = "total"
        hinted = unit == "total" and bool(_TOTAL_HINT.search(before[-40:] + " " + m.group(0) + " " + after[:45]))
        summed = unit == "total" and bool(_SUM_LABEL.search(before[-16:]))
        out.append(Pay(low, high, cur, unit, _quote(text, m.start(), m.end()), hinted, m.start(), m.end(), summed))
    return _joined_ranges(text, out)


#: Between the two ends of a range said with the currency twice: "de 450 € a 600 €", "from $400 to $600".
#: "and" joins a range's ends only after "between" ("between €380 and €440", "entre 380 € e 440 €", "zwischen … und").
_RANGE_JOIN = re.compile(r"\s*(?:-|–|to|a|à|bis|até|tot|till|and|und|et|e|y|en|och|og|dan|tra|i)\s*$")
_RANGE_OPEN = re.compile(r"(?:\bde|\bfrom|\bbetween|\bentre|\bvon|\bzwischen|\bvan|\bfra|\bfrån|\bmellan|\bantara|\btra)\s*$")
#: ... but "and" only there: "from $300 and $400 later" is two amounts.
_AND_WORDS = frozenset({"and", "und", "et", "e", "y", "en", "och", "og", "dan", "tra", "i"})
_BETWEEN = re.compile(r"(?:\bbetween|\bentre|\bzwischen|\bmellan|\bantara|\btra)\s*$")


def _joined_ranges(text: str, found: list[Pay]) -> list[Pay]:
    """Two amounts of one currency and unit that are the ends of one range ("de 450 € a 600 €"):
    one mention, not two fees (which :func:`best_pay` could not choose between)."""
    out: list[Pay] = []
    for p in found:
        q = out[-1] if out else None
        if q and q.currency == p.currency and q.unit == p.unit and q.high < p.low and p.at - q.end <= 6 \
                and _RANGE_JOIN.fullmatch(text, q.end, p.at) and _RANGE_OPEN.search(text, max(0, q.at - 12), q.at) \
                and (text[q.end:p.at].strip() not in _AND_WORDS or _BETWEEN.search(text, max(0, q.at - 12), q.at)):
            out[-1] = Pay(q.low, p.high, q.currency, q.unit, _quote(text, q.at, p.end), q.hinted or p.hinted, q.at, p.end)
            continue
        out.append(p)
    return out


def best_pay(mentions: list[Pay], scale: dict[str, float] | None = None) -> Pay | None:
    """The pay the student gets: an hourly rate, else a stipend/fee, else a lone bare amount.

    ``scale`` as for :func:`pay_mentions`.
    """
    hourly = [p for p in mentions if p.unit == "hour" and 1 <= p.low <= 1000 * _hour_scale(p.currency, scale)]
    if hourly:
        return hourly[0]
    totals = [p for p in mentions if p.unit == "total"
              and SMALLEST_FEE <= p.low / (f := (scale or {}).get(p.currency, 1.0))
              and (p.high / f <= LARGEST_FEE or _unscaled_stipend(p, scale))]
    hinted = [p for p in totals if p.hinted]
    if summed := [p for p in hinted if p.summed]:  # parts and their sum: "Rp 500.000 after the draft, Rp 700.000 … (total Rp 1.200.000)"
        return summed[0]
    if hinted:
        return hinted[0]
    if len({(p.low, p.high, p.currency) for p in totals}) == 1:
        return totals[0]
    return None


#: How many units of a thousands-sized currency the board has no floor for (KRW, CLP, COP, ARS) a US
#: dollar's worth of an hourly rate may run to: "시급 15,000원" is an hourly rate, not a salary.
UNSCALED_KILO_RATE = 5000


def _hour_scale(currency: str, scale: dict[str, float] | None) -> float:
    """The factor bounding an hourly rate in ``currency``: its floor's over the US dollar's, or for a
    currency without a floor whose pay runs to thousands, :data:`UNSCALED_KILO_RATE`."""
    if scale and currency in scale:
        return scale[currency]
    return UNSCALED_KILO_RATE if currency in KILO_FEE_CURRENCIES else 1.0


def _unscaled_stipend(p: Pay, scale: dict[str, float] | None) -> bool:
    """A labelled stipend or fee in a currency the board has no floor for ("Stipend: KES 25,000",
    "₦150,000 stipend"): nothing says how big one project's fee in it may be, so its size does not
    make it a salary. Unlabelled ("25 hours, ₦150,000"), only in a currency whose fees run to
    thousands (:data:`KILO_FEE_CURRENCIES`); other amounts still must fit the US dollar's bound."""
    return bool(scale) and p.currency not in scale and p.currency != "USD" and (p.hinted or p.currency in KILO_FEE_CURRENCIES)


def pay_near(mentions: list[Pay], pos: int) -> Pay | None:
    """The hourly or total amount closest to ``pos`` (within a sentence or two): the pay of one
    track when a programme offers several ("$375 for a 25-hour project, $675 for 45 hours")."""
    usable = [p for p in mentions if p.unit in ("hour", "total") and abs(p.at - pos) <= 160]
    return min(usable, key=lambda p: abs(p.at - pos)) if usable and pos >= 0 else None


# ---- whose krone: "kr" is Swedish, Norwegian and Danish -------------------------------------

#: A "kr" / ",-" / ":-" amount somewhere in the text: a cheap test before reading the evidence.
KRONER_AMOUNT = re.compile(r"\d[,:]-(?![\w-])|\d\s?kr(?:\b|on)|(?<![a-z])kr\.?\s?\d")
#: The ISO code beside an amount, or "in SEK", "(NOK)": not a bare "nok" (Norwegian and Danish for "enough").
_KRONER_CODES = re.compile(r"(?:\d\s?|\bin |\()(sek|nok|dkk)\b|\b(sek|nok|dkk)\s?\d")
#: Where the work or the employer is: the country's name (English and its own) or a bigger city.
_KRONER_PLACES = {
    "SEK": re.compile(r"\b(?:sweden|sverige|stockholm|g[öo]teborg|gothenburg|malm[öo]|uppsala|link[öo]ping|ume[åa]"
                      r"|v[äa]ster[åa]s|[öo]rebro|helsingborg)\b"),
    "NOK": re.compile(r"\b(?:norway|norge|oslo|bergen|trondheim|stavanger|troms[øo]|kristiansand|drammen)\b"),
    "DKK": re.compile(r"\b(?:denmark|danmark|copenhagen|k[øo]benhavn|aarhus|[åa]rhus|odense|aalborg|esbjerg)\b"),
}
_KRONER_TLD = {"se": "SEK", "no": "NOK", "dk": "DKK"}
_KRONER_HOST = re.compile(r"\b[a-z][a-z0-9-]*\.(se|no|dk)\b(?![.-]?\w)")
#: Words of one of the three languages only ("timer", "og", "ikke" are Norwegian and Danish alike).
_KRONER_WORDS = {
    "SEK": re.compile(r"\b(?:och|timmar|ersättning|arvode|ansökan|ansök|kronor|högskola|uppdrag|vi söker|svenska|swedish)\b"),
    "NOK": re.compile(r"\b(?:lønn|arbeid|søker|søknad\w*|høgskole|høyskole|oppdrag|norsk|norwegian|bokmål)\b"),
    "DKK": re.compile(r"\b(?:løn|arbejde|søger|ansøgning\w*|opgave|virksomhed|dansk|danish)\b"),
}


def kroner_currency(text: str, places: list[str], hosts: list[str]) -> tuple[str, str] | None:
    """Which krone a "kr", "kr." or ",-" amount is, with the evidence, or None when nothing (or
    something contradictory) says so: never a guess. Tier by tier, the first that names exactly one
    wins: an ISO code in the text ("SEK"); the place (the record's location and country fields, then
    a country or city named in the text: Stockholm -> SEK, Oslo -> NOK, Copenhagen -> DKK); a .se /
    .no / .dk domain of the record's links or in the text; words of one language ("timmar", "lønn",
    "arbejde"). ``text``, ``places`` and ``hosts`` are lower case."""
    place = " . ".join(places)
    countries = {code: f"location {part.strip()[:40]!r}" for raw in places for part in re.split(r"[,;/()]| - ", raw)
                 if (code := vocab.REGION_CURRENCY.get(vocab.canonical_region(part.strip()) or "")) in _KRONER_PLACES}
    tiers = (
        lambda: {(c := (m.group(1) or m.group(2)).upper()): f"{c} in the text" for m in _KRONER_CODES.finditer(text)},
        lambda: {**{cur: f"{m.group(0)!r} in the location" for cur, rx in _KRONER_PLACES.items() if (m := rx.search(place))},
                 **countries},
        lambda: {cur: f"{m.group(0)!r} in the text" for cur, rx in _KRONER_PLACES.items() if (m := rx.search(text))},
        lambda: {_KRONER_TLD[m.group(1)]: f"domain {m.group(0)!r}" for h in (*hosts, text) for m in _KRONER_HOST.finditer(h)},
        lambda: {cur: f"the word {m.group(0)!r}" for cur, rx in _KRONER_WORDS.items() if (m := rx.search(text))},
    )
    for tier in tiers:
        found = tier()
        if len(found) == 1:
            return next(iter(found.items()))
        if found:  # two or three crowns named at one level: contradictory, so unknown
            return None
    return None


def kroner_amount(text: str) -> str | None:
    """The words of the first "kr" / ",-" amount in ``text`` (for a record whose krone is unknown)."""
    for m in money_matches(text):
        cur, low, _, _ = _money(text, m)
        if cur == KRONER and low:
            return _quote(text, m.start(), m.end())
    return None


#: Days of work (not a calendar window): "3 working days", "4 days of work", "2 full days", "5 person-days".
WORK_DAYS = re.compile(r"(?<![\d.,])(\d\d?)(?:\s*(?:-|to)\s*(\d\d?))?\s*-?\s*(?:(?:full|working|work|business|person|man|half)[- ]?)"
                       r"?days?\b(?:\s+of\s+(?:paid\s+|focused\s+|actual\s+)?work)?")
#: Hours in a working day, as a range: a "day of work" is 7 to 8 hours.
WORKDAY_HOURS = (7, 8)


def work_days(text: str) -> Found | None:
    """Days of work said as such ("4 working days", "3 days of work", "2 full days"; "4 half-days" is
    2 days' worth): a count of days worked, not "due in 10 days" or "over 2 weeks" (a window). At most 10 days."""
    if "day" not in text:
        return None
    if m := _DAYS_AFTER_RATE.search(text):  # "£120/day x 2 days": the days a day rate is paid for are days worked
        low, high = _rng(m.group(1), m.group(2))
        if 0 < low <= high <= 10:
            return Found(low, high, _quote(text, m.start(), m.end()), m.start())
    for m in WORK_DAYS.finditer(text):
        said = m.group(0)
        if not re.search(r"(?:full|working|work|business|person|man|half)[- ]?days?|of (?:paid |focused |actual )?work$", said):
            continue
        if text.endswith("within ", max(0, m.start() - 7), m.start()):
            continue  # "we reply to every applicant within 5 working days": a response time, not work
        low, high = _rng(m.group(1), m.group(2))
        if 0 < low <= high <= 10:
            half = 0.5 if re.search(r"half[- ]?days?", said) else 1.0  # "4 half-days of work": two days' worth
            return Found(low * half, high * half, _quote(text, m.start(), m.end()), m.start())
    return None


#: "€160 per day for 3 days", "$200/day x 4 days": the count of days right after a day rate.
_DAYS_AFTER_RATE = re.compile(r"(?<!hours)(?<!hour)(?<!hrs)(?<!hr)(?<!h)\s*(?:/|per|a|an|each)\s*day\s*(?:for|over|x|×|\*|,|across)\s*"
                              r"(?:about\s+|around\s+|~\s*)?(\d\d?)(?:\s*(?:-|to)\s*(\d\d?))?\s*-?\s*(?:(?:full|working|work|business)[- ])?"
                              r"days?\b(?!\s*(?:a|per|each|every)\s*week)")  # not hours a day; "3 days a week" is a rate


def rate_total(rate: Pay, text: str, weeks: Found | None) -> Pay | None:
    """A day or week rate made a project total: "€160 per day" x "3 working days" (or "for 3 days"
    right after the rate), "$250 per week" x a bounded number of weeks. None when the count is not said."""
    if rate.unit == "day":
        right_after = _DAYS_AFTER_RATE.match(text, rate.end)
        count = Found(*_rng(right_after.group(1), right_after.group(2)), "") if right_after else work_days(text)
        if count is None or not 0 < count.high <= 10:
            return None
    elif rate.unit == "week" and weeks is not None and 0 < weeks.high <= 8.7:
        count = weeks
    else:
        return None
    return Pay(rate.low * count.low, rate.high * count.high, rate.currency, "total", rate.quote, True, rate.at, rate.end)


# ---- a closing date said in prose ---------------------------------------------------------

#: Month names as written in the languages postings come in, each with its number; English's three-letter
#: abbreviations too ("Nov 20", "20 Nov."). Whole words only: a prefix would read "outline 2" as 2 October.
_MONTH_NAMES = (
    "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|september sep sept|october oct"
    "|november nov|december dec",
    # Nordic, German, Dutch
    "januar januari|februar februari|märz mars maart|april|mai maj mei|juni|juli|august augustus|september"
    "|oktober okt|november|dezember desember december",
    # Spanish, Portuguese
    "enero janeiro|febrero fevereiro|marzo março|abril|mayo maio|junio junho|julio julho|agosto|septiembre setiembre setembro"
    "|octubre outubro|noviembre novembro|diciembre dezembro",
    # French, Italian
    "janvier gennaio|février fevrier febbraio|mars marzo|avril aprile|mai maggio|juin giugno|juillet luglio|août aout agosto"
    "|septembre settembre|octobre ottobre|novembre|décembre decembre dicembre",
    # Hungarian, Polish (a date's genitive: "20 listopada")
    "január stycznia|február lutego|március marca|április kwietnia|május maja|június czerwca|július lipca|augusztus sierpnia"
    "|szeptember września|október października|november listopada|december grudnia",
)
_MON = {word: month for names in _MONTH_NAMES for month, words in enumerate(names.split("|"), 1) for word in words.split()}
_MONTH_WORD = r"(" + "|".join(sorted(_MON, key=len, reverse=True)) + r")\.?(?![a-zà-ÿőűąćęłńóśźż])"
#: What closes is the application, not the work: "Applications closed on November 14, 2026",
#: "Applications close Sunday, November 15, 2026", "Apply by 10 Nov 2026", "Closing date: 2026-11-20"
#: ("posted on", "kick-off was" and a delivery date are not a closing date).
_CLOSING = re.compile(
    r"\b(?:(?:applications?(?: for (?:the|this|our) (?:[\w-]+ ){0,2}?(?:round|cohort|intake|window|programme|program|call|season))?"
    r"|submissions?|entries|sign-?ups|the (?:application|posting|listing|call)(?: window| period)?"
    r"|this (?:posting|listing|role|position|opportunity|call|project|micro-?internship))\s+"
    r"(?:(?:will |are |were |is |was |will be |has |have )?(?:closed|close|closes|closing|ended|ends|end|due|expired|expires|(?:open|opened|accepted|welcome"
    r"|taken|considered|reviewed|received) (?:until|through|till)|(?:being )?accepted through|run until|ran until|until)"
    r"|(?:window|period) (?:closed|closes|closing|ended|ends))"
    r"|(?:application|closing|submission|expiry|expiration) (?:deadline|date)|deadline (?:to apply|for applications)|deadline\s*:"
    r"|apply (?:by|before|no later than|until)|last day to apply|applications? due"
    r"|submit (?:your |an |the )?applications? (?:by|before|no later than)"
    r"|applications? (?:must|should) be (?:received|submitted|in) (?:by|before|no later than)"
    r"|(?:stopped|stop|stops|will stop) (?:taking|accepting|reviewing) (?:applications|them|submissions|entries)"
    # the deadline's label in the writer's language: Norwegian/Danish "Søknadsfrist", "Ansøgningsfrist", Swedish
    # "Sista ansökningsdag", German "Bewerbungsfrist", Spanish "Fecha límite", "Cierre de postulaciones"
    r"|s[øo]knadsfrist|ans[øo]gningsfrist|sista ans[öo]kningsdag(?:en)?|bewerbungsfrist|bewerbungsschluss"
    r"|fecha l[íi]mite(?: de (?:postulaci[óo]n|inscripci[óo]n))?|cierre de (?:postulaciones|convocatoria)"
    # applications "until" in the writer's language: "Inscrições até 24/11/2026", "candidatures jusqu'au",
    # "Bewerbungen bis zum", "candidature entro il", "postulaciones hasta el", "pendaftaran sampai"
    r"|(?:inscri[çc][õo]es|inscripciones|postulaciones|candidaturas?|candidatures?|bewerbungen|sollicitaties|pendaftaran"
    r"|zg[łl]oszenia(?: przyjmujemy)?|aplikacje|p[řr]ihl[áa][šs]ky)"
    r"(?: (?:abertas|abiertas|ouvertes|offen|aperte|dibuka))?\s*:?"
    r" (?:até|hasta(?: el)?|jusqu'?au|bis(?: zum)?|entro(?: il)?|tot(?: en met)?|sampai(?: dengan| tanggal)?|ditutup|do)"
    # a deadline's label in Polish, Hungarian, Czech, Romanian, Turkish, Italian, Dutch, Portuguese, Japanese, Korean
    r"|termin (?:zg[łl]osze[ńn]|nadsy[łl]ania (?:zg[łl]osze[ńn]|aplikacji|cv)|aplikacji|przyjmowania zg[łl]osze[ńn])"
    r"|jelentkez[ée]si hat[áa]rid[őo]|hat[áa]rid[őo]|uz[áa]v[ěe]rka(?: p[řr]ihl[áa][šs]ek)?|termen(?:ul)? limit[ăa]"
    r"|son ba[şs]vuru(?: tarihi)?|scadenza(?: (?:candidature|iscrizioni))?|sluitingsdatum|prazo(?: de inscri[çc][ãa]o)?"
    r"|plazo(?: de (?:inscripci[óo]n|postulaci[óo]n|presentaci[óo]n|solicitud)(?:es)?)?"
    r"|応募締切|応募締め切り|締め切り|締切|応募期限|지원 ?마감(?:일)?|마감일"
    # Vietnamese "Hạn nộp hồ sơ", "Hạn nhận hồ sơ"; Indonesian "batas akhir pendaftaran"; Swahili "mwisho wa kutuma
    # maombi"; Arabic "آخر موعد للتقديم"; Thai "ปิดรับสมัคร"
    r"|hạn (?:nộp|nhận|chót)(?: hồ sơ)?|batas (?:akhir|waktu)(?: pendaftaran)?|mwisho wa kutuma maombi|آخر موعد للتقديم|ปิดรับสมัคร"
    r"|last date (?:to apply|for applications?|of application|for submissions?)"
    # what the applicant sends, and by when: "Send your CV and a short note by 13 November 2026"
    r"|(?:send|submit|email|e-mail) (?:us )?(?:your |a |an )?(?:short |brief |one-page )?(?:cv|résumé|resume|application"
    r"|cover (?:letter|note)|portfolio|pitch|motivation letter|expression of interest)"
    r"(?: and (?:a |an |your )?(?:[\w-]+ ){0,3}?(?:note|letter|sample|portfolio|link|paragraph))?"
    r"\s+(?:by|before|no later than))(?![a-z])"
    r"\s*(?:was|is|of|:|：|-|on|at|by)?\s*(?:on\s+|by\s+)?"
    # a time of day before the date: "close at noon on Friday 13 November", "at 17:00 CET on"
    r"(?:(?:at\s+)?(?:noon|midday|midnight|\d\d?(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\d\d?[:.]\d\d)"
    r"(?:\s+(?:[a-z]{2,4}|local time|uk time))?,?\s+(?:on\s+)?)?"
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|segunda|terça|quarta|quinta|sexta(?:-feira)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?),?\s+)?"
    # a window's last day: "del 3 al 20 de noviembre", "du 3 au 20 novembre", "vom 3. bis 20. November", "3-20 Nov"
    r"(?:(?:(?:del|du|vom|from|dal|van|de)\s+)?\d\d?(?:st|nd|rd|th|\.)?\s*(?:al|au|bis(?: zum)?|to|until|-|–|a|tot|fino al)\s*)?"
    r"(?:the\s+|el\s+|le\s+)?"
    rf"(?:{_MONTH_WORD}\s+(\d\d?)(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?|(\d\d?)(?:st|nd|rd|th|\.)?(?:\s+(?:of|de|di))?\s+{_MONTH_WORD}"
    r",?(?:\s+(?:de\s+)?(\d{4}))?|(\d{4})-(\d\d)-(\d\d)|(\d\d?)[/.](\d\d?)[/.](\d{4})"
    # the year first: Hungarian "2026. november 20.", Japanese / Korean "2026年11月20日", "2026년 11월 20일"
    rf"|(\d{{4}})\.\s+{_MONTH_WORD}\s+(\d\d?)|(\d{{4}})\s*[年년]\s*(\d\d?)\s*[月월]\s*(\d\d?)\s*[日일]?)(?!\w)")
#: A closing date counted from the posting day: "applications close 7 days after this listing goes live",
#: "closes in 14 days" (number words are digits once prepared).
_CLOSING_AFTER_POSTING = re.compile(
    r"\b(?:applications?|submissions?|this (?:posting|listing|call|ad|advert)|the (?:posting|listing|call))"
    r" (?:will )?(?:close|closes|closed|stays? open|remains? open|is open|are open)(?: for)? (?:in )?(\d\d?)\s*(days?|weeks?)"
    r"(?: (?:after|from) (?:this (?:listing|posting|advert|ad|job|page|call) (?:goes live|went live|is (?:posted|published|live)"
    r"|was (?:posted|published))|(?:the )?(?:posting|publication|publishing)(?: date)?|(?:it is |being )?(?:posted|published))"
    r"|(?= *[.;,]| *$))")
#: Closed said without a date: "applications are now closed", "we are no longer accepting applications".
_CLOSED_NOW = re.compile(r"\b(?:applications? (?:are|is|have) (?:now )?(?:closed|been closed)|(?:no longer|not currently) (?:accepting|taking)"
                         r" applications(?! (?:from|via|by|through|over|on|at|in)\b)"
                         r"|(?:this|the) (?:position|role|posting|project|micro-?internship) (?:has been|is now) (?:filled|closed))\b")


@dataclass(frozen=True)
class Closing:
    """An application closing date said in prose, with its words. ``when`` is None when the text
    says applications are closed without a date. ``firm`` is False when the reading could be wrong
    by more than a day's grace: a numeric date whose day and month could be swapped ("05/11/2026"),
    or the end of the work rather than of the applications ("this project ends on ..."): good
    enough to say a posting has closed, not to publish as its deadline."""

    when: date | None
    quote: str
    firm: bool = True


#: A span between two dates: "from January 4 to January 29", "4 January - 29 January 2027", "11 january - 2 april",
#: "Monday 4th January to Friday 29th January", "Jan 4-29", "4-29 January" (month names as the closing dates read them).
_DAY = r"(\d\d?)(?:st|nd|rd|th|\.)?"
_WEEKDAY_WORD = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+"
_SPAN_TO = r"\s*(?:-|to|until|till|through|thru|and)\s*"
DATE_SPAN = re.compile(
    rf"\b(?:from\s+|between\s+|runs?\s+|running\s+)?(?:{_WEEKDAY_WORD})?(?:the\s+)?"
    rf"(?:{_DAY}(?:\s+of)?\s+{_MONTH_WORD}(?:,?\s+\d{{4}})?{_SPAN_TO}(?:{_WEEKDAY_WORD})?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH_WORD}"
    rf"|{_MONTH_WORD}\s+{_DAY}(?:,?\s+\d{{4}})?{_SPAN_TO}(?:{_WEEKDAY_WORD})?(?:{_MONTH_WORD}\s+)?{_DAY}(?![\d:.]|\s*(?:am|pm|hours?|hrs?|h)\b)"
    rf"|{_DAY}{_SPAN_TO}{_DAY}\s+{_MONTH_WORD})")


_SPAN_OF_APPLYING = re.compile(r"(?:appl\w*|deadline|closing|submissions?|sign-?ups?|window|recruit\w*|interviews?|selection)"
                               r"[^.;]{0,35}$")


def date_span(text: str) -> Found | None:
    """Weeks between two dates the text gives for the work ("5 hours a week from January 4 to January 29":
    26 days, 3.7 weeks), both ends counted; None when no such span is said or it is not 1-400 days."""
    if not any(c.isdigit() for c in text):
        return None
    for m in DATE_SPAN.finditer(text):
        g = m.groups()
        if g[0]:  # "4 january - 29 january"
            (d1, m1), (d2, m2) = (g[0], g[1]), (g[2], g[3])
        elif g[4]:  # "january 4 - (january) 29"
            (d1, m1), (d2, m2) = (g[5], g[4]), (g[7], g[6] or g[4])
        else:  # "4-29 january"
            (d1, m1), (d2, m2) = (g[8], g[10]), (g[9], g[10])
        try:
            start, end = date(2026, _MON[m1], int(d1)), date(2026, _MON[m2], int(d2))
        except ValueError:
            continue
        if end < start and m1 == m2:
            continue  # "9-5 Jan" is no span
        if _SPAN_OF_APPLYING.search(text, max(0, m.start() - 50), m.start()):
            continue  # "applications are open 1-20 November": when to apply, not when to work
        if end < start:
            end = end.replace(year=2027)
        days = (end - start).days + 1
        if 1 <= days <= 400:
            return Found(days / 7, days / 7, _quote(text, m.start(), m.end()), m.start())
    return None


#: The work's own end or due date, not the applications': "this project ends", "this role runs until".
_WORK_END = re.compile(r"this (?:role|position|opportunity|project|micro-?internship)\s+(?:(?:will |are |were |is |was |will be "
                       r"|has |have )?(?:ended|ends|end|due)\b|run until|ran until|until)")


def closing_date(text: str, posted: date | None, today: date) -> Closing | None:
    """The application closing date said in the text; ``Closing(None, words)`` when the text says
    applications are closed without a date. A date without a year is the first on or after the
    posting date (two weeks' grace), else the one nearest ``today``; a numeric date without a year
    ("15/01") is not read at all."""
    if not any(w in text for w in ("clos", "deadline", "due", "apply", "applic", "until", "end", "filled", "through", "ran ",
                                   "expir", "frist", "dag", "schluss", "mite", "cierre", "inscri", "candidat", "bewerb",
                                   "postula", "sollicit", "pendaftaran", "zgłos", "zglos", "aplikac", "termin", "határid",
                                   "hatarid", "uzáv", "uzav", "termen",
                                   "son ba", "scadenza", "sluiting", "prazo", "plazo", "締", "期限", "마감", "send", "submit", "mail",
                                   "open", "prihl", "přihl", "hạn", "batas", "mwisho", "موعد", "ปิดรับ")):
        return None
    for m in _CLOSING.finditer(text):
        g, quote = m.groups(), _quote(text, m.start(), m.end())
        firm = not _WORK_END.match(m.group(0))
        try:
            if g[12]:  # "2026. november 20."
                return Closing(date(int(g[12]), _MON[g[13]], int(g[14])), quote, firm)
            if g[15]:  # "2026年11月20日"
                return Closing(date(int(g[15]), int(g[16]), int(g[17])), quote, firm)
            if g[6]:
                return Closing(date(int(g[6]), int(g[7]), int(g[8])), quote, firm)
            if g[9]:  # "20/11/2026" or "11/20/2026": the later of the readings that are dates
                a, b, year = int(g[9]), int(g[10]), int(g[11])
                readings = {date(year, mo, d) for mo, d in ((b, a), (a, b)) if 1 <= mo <= 12 and 1 <= d <= 31}
                return Closing(max(readings), quote, firm and len(readings) == 1)
            month, day, year = (_MON[g[0]], int(g[1]), g[2]) if g[0] else (_MON[g[4]], int(g[3]), g[5])
            when = date(int(year), month, day) if year else _year_for(month, day, posted, today)
            return Closing(when, quote, firm)
        except ValueError:  # "February 30"
            continue
    if posted is not None and (m := _CLOSING_AFTER_POSTING.search(text)):
        days = int(m.group(1)) * (7 if m.group(2).startswith("week") else 1)
        return Closing(posted + timedelta(days=days), _quote(text, m.start(), m.end()))
    if m := _CLOSED_NOW.search(text):
        return Closing(None, _quote(text, m.start(), m.end()))
    return None


def _year_for(month: int, day: int, posted: date | None, today: date) -> date:
    if posted is not None:
        found = date(posted.year, month, day)
        return found if found >= posted - timedelta(days=14) else date(posted.year + 1, month, day)
    return min((date(today.year + k, month, day) for k in (-1, 0, 1)), key=lambda d: abs(d - today))


#: The whole of the work is one sitting: "one 90-minute video interview", "a single 2-hour focus group"
#: ("one" is "1" once prepared). A sitting that is a step of something longer ("a 30-minute intro call")
#: is not said with "one" or "single".
_ONE_SITTING = re.compile(r"\b(?:1|single|a single|just 1|only 1) (\d\d?\d?(?:\.\d)?)[- ]?(minutes?|mins?|hours?|hrs?)"
                          r"(?: long)?(?: [a-z-]+){0,2}? (?:interview|session|conversation|chat|focus group|usability test"
                          r"|user test|study|survey)s?\b"
                          # a research participant's sitting: "join a 90-minute video interview", "in a 45-minute
                          # focus group" (not "a 30-minute kick-off chat", which is part of a project)
                          r"|\b(?:join|in|take part in|attend|for|book|do) an? (\d\d?\d?(?:\.\d)?)[- ]?(minutes?|mins?|hours?|hrs?)"
                          r"(?: long)?(?: [a-z-]+){0,2}? (?:interview|focus group|usability test|user test|study|survey)s?\b")


#: Work said as a count of sittings of one length, and what is added to them: "5 2-hour testing
#: sessions plus about 4 hours writing up", "3 90-minute workshops and 6 hours of prep".
SESSIONS = re.compile(
    rf"\b(?P<n>\d\d?)\s+(?P<len>{_N})[- ]?(?P<unit>hours?|hrs?|h|minutes?|mins?)[- ](?:long\s+)?(?:[a-z-]+\s+){{0,2}}?"
    r"(?:sessions?|workshops?|interviews?|sittings?|shifts?|visits?|tests?)\b"
    rf"(?:[^.;]{{0,40}}?\b(?:plus|and|then|with)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?(?P<more>{_N})\s*{_HRS})?")


#: A count of pieces of work and the hours each takes: "5 half-days of about 4 hours each", "4 half-days -
#: plan on about 4 hours each", "5 short deliverables at roughly 3 hours apiece".
_PIECES = (r"(?:half-days?|half days?|days?|deliverables?|sessions?|episodes?|modules?|tasks?|sprints?|milestones?|articles?"
           r"|videos?|interviews?|workshops?|reports?|chapters?|lessons?|briefs?|summaries|batch(?:es)?|rounds?|shifts?)")
EACH = re.compile(rf"\b(?P<n>\d{{1,2}})\s+(?:[a-z-]+\s+){{0,2}}?{_PIECES}\b[^.;\d]{{0,40}}?"
                  rf"(?P<a>{_N})(?:\s*(?:-|to)\s*(?P<b>{_N}))?\s*{_HRS}\s*(?:each|apiece|a piece|per (?:[a-z-]+))\b")
#: "each episode takes about 2 hours" with the count said elsewhere ("8 episodes").
EACH_TAKES = re.compile(rf"\b(?:each|every|per)\s+(?P<piece>{_PIECES})\s+(?:takes?|needs?|is|should take|will take)\s+"
                        rf"(?:about\s+|around\s+|roughly\s+|approx\.?\s*|~\s*)?(?P<a>{_N})(?:\s*(?:-|to)\s*(?P<b>{_N}))?\s*{_HRS}")


def _piece_counts(text: str, piece: str) -> Iterator[re.Match[str]]:
    """Where the text counts those pieces: "8 episodes", "5 short deliverables" (the count in group 1)."""
    stem = piece.rstrip("s")[:5]
    return re.finditer(rf"\b(\d{{1,2}})\s+(?:[a-z-]+\s+){{0,2}}?{re.escape(stem)}", text)


def each_total(text: str) -> Found | None:
    """Total hours of a count of pieces times the hours each takes (2 to 20 pieces of at most 8 hours)."""
    if "each" not in text and "apiece" not in text and "piece" not in text and "per" not in text and "every" not in text:
        return None
    if m := EACH.search(text):
        n, (low, high) = int(m.group("n")), _rng(m.group("a"), m.group("b"))
        return Found(n * low, n * high, _quote(text, m.start(), m.end()), m.start()) if 2 <= n <= 20 and 0 < high <= 8 else None
    if m := EACH_TAKES.search(text):
        count = next(_piece_counts(text, m.group("piece")), None)
        if count:
            n, (low, high) = int(count.group(1)), _rng(m.group("a"), m.group("b"))
            if 2 <= n <= 20 and 0 < high <= 8:
                return Found(n * low, n * high, _quote(text, m.start(), m.end()), m.start())
    return None


#: An amount paid for each of those pieces: "$75 per deliverable", "£40 for each summary", "€60 an episode".
_PIECE_RATE = re.compile(rf"\s*(?:per|for each|for every|each|an?|/)\s*(?:[a-z-]+\s+)?(?P<piece>{_PIECES})\b")


#: A count said per period ("10 articles a month"): open-ended, not the set a project's total is counted by.
_COUNT_PER_PERIOD = re.compile(r"\w*\s*(?:a|per|each|every|/)\s*(?:day|week|month|year|quarter)|\w*\s*(?:daily|weekly|monthly)")


def piece_total(text: str, mentions: list[Pay]) -> Pay | None:
    """A rate per piece times the count of those pieces the text states ("five short deliverables at
    roughly three hours apiece", "$75 per deliverable"): the project's total, 2 to 20 pieces. None when
    no count is said, so an open-ended per-piece gig stays what it is."""
    if "per " not in text and "each " not in text and "every " not in text:
        return None
    for rate in mentions:
        if not (m := _PIECE_RATE.match(text, rate.end)):
            continue
        for count in _piece_counts(text, m.group("piece")):
            if rate.at <= count.start() <= m.end() or _COUNT_PER_PERIOD.match(text, count.end()):
                continue  # the rate's own amount ("$20 per task"); a count per month is no total ("10 articles a month")
            if 2 <= (n := int(count.group(1))) <= 20:
                return Pay(rate.low * n, rate.high * n, rate.currency, "total", rate.quote, True, rate.at, rate.end)
    return None


def session_total(text: str) -> Found | None:
    """Total hours of a count of sittings times their length, plus the hours added to them (2 to
    20 sittings of at most 8 hours): the work when no total is stated beside it."""
    if "session" not in text and "workshop" not in text and "interview" not in text and "shift" not in text \
            and "visit" not in text and "sitting" not in text and "test" not in text:
        return None
    m = SESSIONS.search(text)
    if not m:
        return None
    n, length = int(m.group("n")), float(m.group("len")) / (60 if m.group("unit").startswith("m") else 1)
    if not (2 <= n <= 20 and 0 < length <= 8):
        return None
    hours = n * length + (float(m.group("more")) if m.group("more") else 0)
    return Found(hours, hours, _quote(text, m.start(), m.end()), m.start())


def one_sitting(text: str) -> Found | None:
    """Hours of a task that is one sitting, the only amount of work a text states (minutes as hours)."""
    if "1 " not in text and "single" not in text and "a " not in text:
        return None
    m = _ONE_SITTING.search(text)
    if not m:
        return None
    amount, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    n = float(amount) / (60 if unit.startswith("min") else 1)
    return Found(n, n, _quote(text, m.start(), m.end()), m.start()) if 0 < n <= 8 else None
