"""Bounds on markup from outside, checked in linear time before any parser sees it.

Python-Markdown is recursive in list and quote nesting (250 tab-nested list levels raise
RecursionError) and roughly quadratic in unmatched link openers: each ``[`` (and each
``<``) scans the rest of its paragraph, so 30 KB of ``[`` took minutes. html5ever (under
nh3) is superlinear in the depth of open elements (100 KB of ``<li><ul>`` took seconds,
400 KB of ``<ul>`` two minutes). Both stay our renderers; what reaches them is bounded
here: a posting body that breaks a bound is refused with its line and the fix, and HTML
nested deeper than any honest page is reduced to its text.
"""

from __future__ import annotations

import re

from .entry import MAX_LEN, Problem, problem

#: Markdown source longer than this cannot render within the description limit anyway.
MAX_BODY_CHARS = 2 * MAX_LEN["description"]
#: Levels of lists, quotes and indentation on one line (an honest posting uses three or four).
MAX_NESTING = 16
#: Characters Python-Markdown rescans: each ``[``, ``(`` or ``<`` is read on to its closing
#: ``]``, ``)`` or ``>`` (or the end of its paragraph when there is none), a Python-level loop of
#: about a microsecond a character. The sum of those distances over a body is bounded by this:
#: a fifth of a second of rescanning, while an honest body rescans a few thousand characters.
MAX_RESCAN = 200_000
#: Open HTML elements at once; deeper fragments keep their text and lose their markup.
MAX_HTML_DEPTH = 100

_PREFIX = re.compile(r"[ \t]+|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
_BRACKET = re.compile(r"\\(?:.|\n)|[\[\]()<>]")  # an escaped character is consumed first: "\[" opens nothing
_BLANK = re.compile(r"[ \t]*")
#: Start and end tags; ``[^<>]*`` stops at the next ``<``, so a run of ``<`` is read once.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>")
#: Elements that never hold others, or whose end tag may be left out (the parser closes them).
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta source track wbr "
    "p li dt dd option optgroup tr td th thead tbody tfoot caption colgroup rb rt rtc rp html head body".split())


def nesting(line: str) -> int:
    """Levels a line opens: list markers, ``>`` quotes and indentation (four columns a level)."""
    columns = levels = pos = 0
    while m := _PREFIX.match(line, pos):
        token = m.group()
        if token[0] in " \t":  # the space after a marker belongs to the marker
            columns += len(token.replace("\t", "    ")) - (1 if pos and line[pos - 1] not in " \t" else 0)
        else:
            levels += 1
        pos = m.end()
    return levels + columns // 4


def rescan(paragraph: str) -> tuple[int, int]:
    """(characters Python-Markdown rescans for this paragraph, openers never closed), in one pass."""
    cost, stacks, angles = 0, {"[": [], "(": []}, []
    for m in _BRACKET.finditer(paragraph):
        ch, at = m.group(), m.start()
        if ch in stacks:
            stacks[ch].append(at)
        elif ch in "])":
            if opened := stacks["[" if ch == "]" else "("]:
                cost += at - opened.pop()
        elif ch == "<":
            angles.append(at)
        elif ch == ">":
            cost += len(angles) * at - sum(angles)
            angles.clear()
    unclosed = stacks["["] + stacks["("] + angles
    return cost + len(unclosed) * len(paragraph) - sum(unclosed), len(unclosed)


def paragraphs(body: str, first_line: int):
    """(first line number, text) of each run of non-blank lines."""
    start, lines = first_line, []
    for number, line in enumerate(body.split("\n"), start=first_line):
        if _BLANK.fullmatch(line):
            if lines:
                yield start, "\n".join(lines)
            start, lines = number + 1, []
        else:
            lines.append(line)
    if lines:
        yield start, "\n".join(lines)


def markdown_problems(body: str, first_line: int = 1) -> list[Problem]:
    """Why this Markdown body may not be rendered (too long, too deep, too much rescanning), or []."""
    if len(body) > MAX_BODY_CHARS:
        return [problem("body", "body.too_long", first_line, chars=f"{len(body):,}", max=f"{MAX_BODY_CHARS:,}",
                        text_max=f"{MAX_LEN['description']:,}")]
    problems: list[Problem] = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        if (depth := nesting(line)) > MAX_NESTING:
            problems.append(problem("body", "body.too_deep", number, depth=str(depth), max=str(MAX_NESTING)))
            break
    total = 0
    for start, text in paragraphs(body, first_line):
        cost, unclosed = rescan(text)
        total += cost
        if total > MAX_RESCAN:
            problems.append(problem("body", "body.unclosed", start, start=str(start), unclosed=f"{unclosed:,}"))
            break
    return problems


def html_depth(fragment: str, stop: int = MAX_HTML_DEPTH) -> int:
    """How deep elements nest in ``fragment`` (read from its tags in one pass, up to ``stop`` + 1).

    As the parser does, an end tag closes its element and everything opened inside it, and
    an end tag with no open element of its name is ignored (``</div><ul>`` nests the lists).
    """
    stack: list[str] = []
    deepest = 0
    for m in _TAG.finditer(fragment):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _NOT_NESTING or selfclosing:
            continue
        if not closing:
            stack.append(name)
            deepest = max(deepest, len(stack))
            if deepest > stop:
                break
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name):]
    return deepest


def too_deep(fragment: str) -> bool:
    """True for HTML nested deeper than any honest description (a parser would take seconds)."""
    # each level is opened by a "<": with no more of them than the limit, no need to read the tags
    return fragment.count("<") > MAX_HTML_DEPTH and html_depth(fragment) > MAX_HTML_DEPTH
