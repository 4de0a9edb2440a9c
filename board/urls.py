"""A URL's host as a browser reads it: the part of ``board.entry.url_problem`` that names the site.

Python's ``urlsplit`` and the browser's WHATWG parser read some hosts apart: the browser
decodes ``%2E`` in a host, reads ``0x7f.1`` and ``2130706433`` as ``127.0.0.1``, maps
full-width ``ｅｘａｍｐｌｅ.org`` to ``example.org`` and converts ``例え.jp`` to its
``xn--`` form. A link we check must go where the student's browser goes, so a host is
accepted only when both readings are the same site: an IPv4 address as four decimal numbers, plain labels of letters, digits and
hyphens (``_`` too, as browsers allow), or international labels already in the form a
browser keeps. Everything else is refused with a reason. A label that mixes Latin,
Cyrillic or Greek letters (``hаrvestshare`` with a Cyrillic ``а``) is refused too: it is
how a lookalike of a real organization's host is written. One script per label, or the
``xn--`` form, is accepted (``пример.рф``, ``例え.jp``).

``tests/board/test_urls_browser.py`` compares :func:`browser_host` with Chromium's
``new URL()`` on a corpus (``tests/board/url_corpus.toml``); ``submit/urls.js`` applies the
same rules with the classes :func:`host_classes` emits through ``board.browser_rules``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import idna
from idna.idnadata import codepoint_classes

from .charclasses import ranges_class

#: An ASCII label as written (after lower-casing): what every browser keeps as it is.
ASCII_LABEL = re.compile(r"[a-z0-9_-]+")
#: A last label the WHATWG parser reads as a number makes the host an IPv4 address
#: (``127.1``, ``0x7f.1``, ``0177.0.0.1``, ``2130706433``; ``example.09`` is refused).
NUMERIC_LABEL = re.compile(r"[0-9]+|0[xX][0-9a-fA-F]*")
#: The one spelling of an IPv4 address a browser keeps as written (the link checker's and
#: the tests' local servers are on 127.0.0.1; the scrapers' HostGuard refuses private ones).
CANONICAL_IPV4 = re.compile(r"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}"
                            r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])")
#: The scripts whose letters look alike; a label may use one of them, not two.
CONFUSABLE_SCRIPTS = ("Latin", "Cyrillic", "Greek")




@cache
def _pvalid() -> list[int]:
    """Non-ASCII code points IDNA 2008 lets a label carry as they are (PVALID), letters,
    marks and digits only."""
    points = []
    for packed in codepoint_classes["PVALID"]:
        for cp in range(max(packed >> 32, 0x80), packed & 0xFFFFFFFF):
            if unicodedata.category(chr(cp))[0] in "LMN":
                points.append(cp)
    return points


@cache
def host_classes() -> dict[str, re.Pattern]:
    """``letter``: a character an international label may hold; one class per confusable
    script. Computed once from IDNA's and Unicode's tables (the browser gets them emitted)."""
    pvalid = _pvalid()
    classes = {"letter": re.compile(ranges_class(pvalid))}
    points = _script_letters(list(range(0x41, 0x2000)) + [cp for cp in pvalid if cp >= 0x2000])
    for script in CONFUSABLE_SCRIPTS:
        classes[script] = re.compile(ranges_class(points[script]))
    return classes


def _script_letters(candidates: list[int]) -> dict[str, list[int]]:
    """The letters among ``candidates`` of each confusable script, sorted: a letter whose
    Unicode name starts with the script's name ("CYRILLIC SMALL LETTER A").

    One pass for all three scripts, names looked up for letters only (``str.isalpha`` is
    exactly categories L*): a pass per script over every candidate was ~0.4 s a build."""
    by_word = {script.upper(): script for script in CONFUSABLE_SCRIPTS}
    points: dict[str, set[int]] = {script: set() for script in CONFUSABLE_SCRIPTS}
    for ch in filter(str.isalpha, map(chr, candidates)):
        script = by_word.get(unicodedata.name(ch, "").split(" ", 1)[0])
        if script:
            points[script].add(ord(ch))
    return {script: sorted(found) for script, found in points.items()}


#: The rules :func:`host_problem` answers with (``board.messages``).
HOST_RULES = frozenset({"url.host_percent", "url.host_ipv6", "url.host_ip_form", "url.no_host", "url.host_mapped",
                        "url.host_chars", "url.host_mixed", "url.host_idna"})


def host_problem(host: str) -> tuple[str, dict[str, str]] | None:
    """Why a browser would read this host (``urlsplit``'s ``hostname``, lower-cased) as
    another site or not at all, as ``(rule, args)`` of ``board.messages``, or None. The
    host has a dot and no trailing one."""
    if "%" in host:
        return "url.host_percent", {}
    labels = host.split(".")
    if ":" in host:
        return "url.host_ipv6", {}
    if NUMERIC_LABEL.fullmatch(labels[-1]):
        return None if CANONICAL_IPV4.fullmatch(host) else ("url.host_ip_form", {"host": repr(host)})
    if "" in labels:
        return "url.no_host", {}
    for label in labels:
        if ASCII_LABEL.fullmatch(label):
            continue
        if why := _international_problem(label):
            return why
    return None


def _international_problem(label: str) -> tuple[str, dict[str, str]] | None:
    mapped = unicodedata.normalize("NFKC", label).lower()
    if mapped != label:
        return "url.host_mapped", {"part": repr(label), "mapped": repr(mapped)}
    classes = host_classes()
    if any(not (c.isascii() and ASCII_LABEL.fullmatch(c)) and not classes["letter"].fullmatch(c) for c in label):
        return "url.host_chars", {}
    scripts = [s for s in CONFUSABLE_SCRIPTS if classes[s].search(label)]
    if len(scripts) > 1:
        odd = classes[scripts[1]].search(label).group()
        return "url.host_mixed", {"first": scripts[0], "second": scripts[1], "part": repr(label), "odd": repr(odd),
                                  "code": f"{ord(odd):04X}"}
    try:
        idna.encode(label)
    except idna.IDNAError:  # right-to-left next to left-to-right letters, a leading mark, …
        return "url.host_idna", {}
    return None


def browser_host(host: str) -> str:
    """The host as the browser's ``URL.hostname`` gives it, for a host that passed
    :func:`host_problem`: international labels in their ``xn--`` form."""
    return ".".join(label if label.isascii() else idna.encode(label).decode("ascii") for label in host.split("."))
