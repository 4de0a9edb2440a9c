"""Every rule's messages, once: the validator's ``file:line`` text and the form's plain words.

A problem names a rule of :data:`RULES` and the values that fill its templates. The
validator (``board.posting``, ``board.entry``, ``board.validate``) renders ``message`` and
``expected`` for ``make validate`` and the pull-request check; the Submit page gets this
table emitted (``board.browser_rules``) and renders the same two texts, so the parity
test can compare lines, and ``form``, the sentence an employer reads next to the field.
``form`` says it with the form's own label (``{label}``, the field's ``<label>`` text on
the page) and, where it helps, what they typed (``{entered}``).

Templates use only ``{name}`` placeholders (no format specs, no literal braces), so
Python's ``str.format`` and the page's one-line ``replace`` read them the same way;
callers pass every value already written as text (``repr`` for quoted values, ``:.2f``
for money), and the browser writes them the same way (``pytext.js``, ``pynum.js``).

Imports nothing from the board: every module can use it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class Rule:
    """One rule's texts: ``message`` and ``expected`` for the file, ``form`` for the page."""

    message: str
    expected: str
    form: str


_R = Rule
#: The URL rules share one expectation: ``{schemes}`` is "https://" (or "http(s)://" for scrapers).
_URL = "an {schemes} URL"

RULES: dict[str, Rule] = {
    # ---- the file as a whole and its header (board.posting.read_header, read_keys)
    "file.too_big": _R("is {bytes} bytes", "at most {max} bytes",
                       "{label} makes the posting too large ({bytes} bytes); keep it under {max} bytes"),
    "file.not_utf8": _R("is not UTF-8 ({reason} at byte {at})", "a UTF-8 text file",
                        "The file is not UTF-8 text ({reason} at byte {at}); save it as UTF-8"),
    "file.unreadable": _R("could not be read (missing, a link or too large)", "a UTF-8 text file",
                          "The file could not be read"),
    "text.separator": _R("line contains {what}", "ordinary line breaks only",
                         "{label} contains {what}; use ordinary line breaks only"),
    "header.line": _R("line is not 'Key: value': {text}", "a blank line between the metadata and the Markdown body",
                      "{label} has a line the posting format cannot read ({text})"),
    "key.twice": _R("appears twice (first on line {first})", "each key once", "{label} is given twice"),
    "file.slug": _R("{name} is not a valid slug", "lower-case letters, digits and hyphens, e.g. {example}.md",
                    "{label} may use only lower-case letters, digits and hyphens — you entered {name}"),
    "key.unknown": _R("unknown key", "one of: {known}", "{label} is not a field of a posting"),
    "key.unknown_hint": _R("unknown key; did you mean '{hint}'?", "one of: {known}",
                           "{label} is not a field of a posting; did you mean {hint}?"),
    "key.missing": _R("is missing", "{example}", "{label} is required"),
    "apply.missing": _R("is missing (and no Apply-Email either)", "Apply-URL: https://… or Apply-Email: name@example.org",
                        "Give an application link or an application e-mail address"),
    "value.control": _R("contains control or invisible characters", "plain printable text",
                        "{label} contains invisible or control characters; type it again as plain text"),
    "value.unreadable": _R("cannot read {text}", "{example}", "{label} could not be read — you entered {text}; {example}"),
    "value.invalid": _R("{error}", "{example}", "{label} is not valid ({error}); {example}"),
    "pay.no_currency": _R("unknown or missing currency in {text}", "{example}",
                          "{label} needs a currency — you entered {text}"),
    "tz.not_real": _R("{text} is not a real UTC offset", "{example}",
                      "{label} must stay within UTC-14 to UTC+14 — you entered {text}"),
    "tz.east_west": _R("{text} runs east to west", "{example}",
                       "{label} must run from west to east, e.g. UTC-8 to UTC+2 — you entered {text}"),
    "skills.unknown": _R("unknown skill {word}", "{expected}",
                         "{label}: {word} is not one of the board's skills; pick one from the suggestions"),
    "skills.unknown_hint": _R("unknown skill {word}; did you mean '{hint}'?", "{expected}",
                              "{label}: {word} is not one of the board's skills — did you mean {hint}?"),
    "skills.too_many": _R("{count} skills listed", "at most {max}", "{label}: choose at most {max} — you listed {count}"),
    "regions.unknown": _R("unknown country or region {word}", "{example}",
                          "{label}: {word} is not a country code or region we know (e.g. US, CA, EU or WORLDWIDE)"),
    # ---- the Markdown body's size bounds (board.bounds): refused before it is rendered
    "body.too_long": _R("is {chars} characters of Markdown", "at most {max} (the description may be {text_max} characters of text)",
                        "{label} is too long ({chars} characters of Markdown); keep it under {max}"),
    "body.too_deep": _R("is nested {depth} levels deep (lists, quotes or indentation)", "at most {max} levels; flatten the list",
                        "{label} nests lists or quotes {depth} levels deep; use at most {max}"),
    "body.unclosed": _R("the paragraph from line {start} has {unclosed} '[', '(' or '<' never closed, or brackets nested too deep",
                        "brackets that close; \\[, \\( or \\< for a literal one, or shorter paragraphs",
                        "{label} has brackets that never close (paragraph from line {start}); close them or write \\[ for a literal one"),
    "body.control": _R("contains control characters", "plain text and Markdown only",
                       "{label} contains control characters; paste it again as plain text"),
    # ---- board.entry.check, for every entry however it arrived
    "slug.unsafe": _R("{slug} is not a safe file name", "lower-case letters, digits and hyphens, at most {max}",
                      "{label} may use only lower-case letters, digits and hyphens, at most {max} characters"),
    "text.empty": _R("is empty", "a short plain-text value", "{label} is required"),
    "text.too_long": _R("is {length} characters long", "at most {max}",
                        "{label} is {length} characters long; keep it to {max}"),
    "description.too_long": _R("is too long", "at most {max} characters of text",
                               "{label} is too long; keep it to {max} characters"),
    "description.empty": _R("is empty", "a Markdown body describing the project",
                            "{label} is required: say what the student will do and learn"),
    "hours.range": _R("{min}-{max} is outside {lo}-{hi} total hours",
                      "total project hours between {lo} and {hi}, e.g. 15-20",
                      "{label} must be between {lo} and {hi} — you entered {entered}"),
    "hours.programme_range": _R("{min}-{max} does not start within {lo}-{hi} total hours",
                                "the programme's project sizes in total hours, the smallest {lo}-{hi}, "
                                "the largest at most {top}, e.g. 25-45",
                                "{label}: the smallest project must be between {lo} and {hi} hours — you entered {entered}"),
    "pay.currency": _R("unknown currency {currency}", "an ISO 4217 code such as USD, EUR, GBP",
                       "{label}: {currency} is not a currency code we know"),
    "pay.too_large": _R("amount is too large to be real", "at most {max} per posting or hour, e.g. 600 USD total",
                        "{label} is too large to be real; at most {max}"),
    "pay.not_positive": _R("amount {min}-{max} is not a positive range", "e.g. 600 USD total or 20-25 EUR per hour",
                           "{label} must be more than zero, and a range must run from low to high — you entered {min}-{max}"),
    "pay.floor": _R("works out at {hourly} {currency}/hour, below the board's floor of {floor} {currency}/hour",
                    "more pay or fewer hours",
                    "{label} works out at {hourly} {currency} an hour, below the board's minimum of {floor} {currency} "
                    "an hour: pay more or ask for fewer hours"),
    "category.unknown": _R("unknown category {category}", "one of {choices}", "{label}: choose one from the list"),
    "apply.none": _R("no way to apply", "Apply-URL: https://… or Apply-Email: name@example.org",
                     "Give an application link or an application e-mail address"),
    "url.too_long": _R("is {length} characters long", _URL, "{label} is {length} characters long; use a shorter link"),
    "url.spaces": _R("contains spaces or control characters", _URL, "{label} contains spaces; paste the link again"),
    "url.unsafe_char": _R("contains {char}, which must be percent-encoded", _URL,
                          "{label} contains {char}, which a link cannot carry as it is; copy the link from the browser's address bar"),
    "url.invalid": _R("is not a valid URL", _URL, "{label} is not a web address"),
    "url.scheme": _R("uses scheme {scheme}", _URL, "{label} must be a full web address starting with {schemes}"),
    "url.no_host": _R("has no valid host name", _URL, "{label} needs a site name, e.g. https://example.org/apply"),
    "url.host_dot": _R("has a host name ending in a dot", _URL, "{label}: remove the dot at the end of the site name"),
    "url.credentials": _R("contains credentials", _URL, "{label} contains a user name or password; remove it"),
    "url.port": _R("has an invalid port", _URL, "{label} has a port number that is not valid; remove it"),
    # ---- the host as a browser reads it (board.urls.host_problem): refused where the two readings differ
    "url.host_percent": _R("has a percent-encoded host name", _URL,
                           "{label}: write the site name in plain letters, not percent-encoded"),
    "url.host_ipv6": _R("has an IPv6 address for a host name", _URL, "{label}: use the site's name, not an IPv6 address"),
    "url.host_ip_form": _R("writes an IP address in a form a browser rewrites ({host}; expected a host name, "
                           "or the address as four decimal numbers)", _URL,
                           "{label}: a browser reads the address {host} differently; use the site's name"),
    "url.host_mapped": _R("writes its host name in characters a browser reads differently ({part} is {mapped})", _URL,
                          "{label}: a browser reads the site name {part} as {mapped}; write it that way"),
    "url.host_chars": _R("has a host name with characters other than letters, digits and hyphens", _URL,
                         "{label}: the site name may hold only letters, digits and hyphens"),
    "url.host_mixed": _R("the host mixes {first} and {second} letters: {part} has the {second} {odd} (U+{code}); "
                         "write it in one script or as its xn-- form", _URL,
                         "{label}: the site name {part} mixes {first} and {second} letters (a lookalike of another "
                         "site); write it in one script"),
    "url.host_idna": _R("has an international host name a browser cannot read", _URL,
                        "{label}: a browser cannot read this international site name"),
    "email.invalid": _R("is not a valid e-mail address", "name@example.org",
                        "{label} is not an e-mail address we can link to, e.g. name@example.org"),
    "status.unknown": _R("unknown status {status}", "{choices}", "{label} must be one of {choices}"),
    "apply_by.passed": _R("deadline {date} has passed for an open posting", "a future date, or Status: closed",
                          "{label} {date} has already passed; choose a future date"),
    "apply_by.before_posted": _R("is before the posting date", "a date after Posted",
                                 "{label} is before the day the posting is posted"),
    "posted.future": _R("{date} is in the future", "today's date or earlier",
                        "{label} {date} is in the future; use today's date or earlier"),
    "date.too_early": _R("{date} is before {year}", "a recent date", "{label} {date} is before {year}; use a recent date"),
    "apply_by.too_far": _R("{date} is more than {ahead} away", "a deadline within the next {ahead}",
                           "{label} {date} is more than {ahead} away; choose a deadline within the next {ahead}"),
    "deliverables.too_many": _R("too many or too long", "at most {max} items of {length} characters",
                                "{label}: at most {max} items of {length} characters each"),
    "regions.unknown_code": _R("unknown region {region}", "ISO country codes (US, DE) or {regions}",
                               "{label}: {region} is not a country code or region we know"),
    "value.unknown": _R("unknown value {value}", "{choices}", "{label} must be one of {choices}"),
    "kind.unknown": _R("unknown kind {kind}", "{choices}", "{label} must be one of {choices}"),
    "kind.mismatch": _R("programme facts and kind disagree", "kind 'programme' exactly when programme facts are set",
                        "{label}: programme facts and kind disagree"),
    # ---- board.validate, across files
    "slug.taken": _R("slug {slug} is already used by {path}", "a unique file name",
                     "{label} {slug} is taken by another posting ({path}); choose another file name"),
    "apply_url.taken": _R("same apply URL as {path}", "one {kind} per application link",
                          "{label} is already the link of an open posting ({path}); each posting needs its own link"),
}

_FIELD = re.compile(r"\{(\w+)\}")


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields of a template (what a caller must pass)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def render(template: str, args: Mapping[str, Any]) -> str:
    """Fill ``{name}`` from ``args``: the same one-pass substitution ``submit/problem.js`` does."""
    return _FIELD.sub(lambda m: str(args[m.group(1)]), template)


def texts(rule: str, args: Mapping[str, Any]) -> tuple[str, str]:
    """``(message, expected)`` of a rule with these values."""
    r = RULES[rule]
    return render(r.message, args), render(r.expected, args)


def form_text(rule: str, args: Mapping[str, Any], label: str, entered: str = "") -> str:
    """The form's sentence for a problem, as the Submit page writes it next to the field."""
    return render(RULES[rule].form, {**args, "label": label, "entered": entered or args.get("entered", "")})


def table() -> dict[str, dict[str, str]]:
    """The table as data for the browser (``board.browser_rules``)."""
    return {rid: {"message": r.message, "expected": r.expected, "form": r.form} for rid, r in RULES.items()}
