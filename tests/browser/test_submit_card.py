"""The Submit page's preview card reads as the board's card for the same posting.

One wording source (board/formats.py WORDING, emitted as wording.js): the build writes the
board's cards with it (present.py), countdown.js counts their dates, and the preview
(submit/card.js) words its card with the same functions. For every open sample posting,
its file is checked in the Submit page and its preview card drawn as the form draws it;
the board's card for it (after countdown.js, each posting in its own currency) must have
the same text, whitespace normalised. Left out on both sides: the organization's monogram
(an index fact the form does not have) and the "Sample" badge (the form writes employers').
"""

from __future__ import annotations

from tests.board.board_testkit import REPO

SAMPLE = REPO / "content" / "samples" / "postings"

#: A card's text as a reader sees it, part by part (title, organization, each fact's name and
#: value, each skill), whitespace normalised; without the monogram and the badges, and without
#: the board's Save / Applied / Hide buttons (shortlist.js adds them to the board's cards).
CARD_TEXT = """(card) => {
  const copy = card.cloneNode(true);
  copy.querySelectorAll('.monogram, .badge').forEach(n => n.remove());
  return Array.from(copy.querySelectorAll('.card-title, .card-org, .facts dt, .facts dd, .skills li'))
    .map(n => n.textContent.replace(/\\s+/g, ' ').trim()).join(' | ');
}"""

PREVIEW = """([cases, cardText]) => {
  const S = MicroboardSubmit, V = S.makeValidator(S.rules), show = S.makePresent(S.rules, V);
  const text = eval(cardText);
  return Object.fromEntries(cases.map(([slug, file]) => {
    const holder = {};
    const problems = V.validate(file, { slug, entry: holder, skipCrossFile: true });
    if (problems.length) return [slug, problems.map(p => V.format(p, slug))];
    const e = holder.value;
    return [slug, text(S.renderCard(e, { slug, title: e.title, organization: e.organization }, show, Date.now()))];  /* # clock-ok: the browser's clock is pinned (tests/conftest.py, clock.set_fixed_time) */
  }));
}"""


def test_the_preview_card_reads_as_the_boards_card(page, site_url):
    page.add_init_script("localStorage.setItem('board.currency', 'posted')")  # each posting in its own currency
    page.goto(site_url)
    board = page.evaluate(f"""() => Object.fromEntries(Array.from(document.querySelectorAll('#results-list article.card'))
      .map(a => [a.dataset.slug, ({CARD_TEXT})(a)]))""")
    cases = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLE.glob("*.md")) if p.stem in board]
    assert len(cases) >= 12, sorted(board)  # most samples are open, on the board's first page
    page.goto(site_url + "post-a-project/")
    page.wait_for_function("window.MicroboardSubmit !== undefined")
    preview = page.evaluate(PREVIEW, [cases, CARD_TEXT])
    units = {"total": 0, "hour": 0}
    mismatches = []
    for slug, _ in cases:
        if preview[slug] != board[slug]:
            mismatches.append(f"{slug}:\n  board:   {board[slug]}\n  preview: {preview[slug]}")
        units["total" if "| In total |" in board[slug] else "hour"] += 1
    assert not mismatches, "\n".join(mismatches)
    assert units["total"] >= 2 and units["hour"] >= 2, units  # both kinds of pay line are compared
    assert page.js_errors == []


def test_the_form_previews_its_card_in_the_boards_words(page, site_url):
    """End to end: what a poster types shows the board's short effort, deadline count and
    posted line, not words of the form's own."""
    from tests.browser.test_submit import fill_valid

    page.goto(site_url + "post-a-project/")
    page.wait_for_function("window.MicroboardSubmit !== undefined")
    fill_valid(page)
    page.fill("#f-posted", "2026-11-25")
    page.click("button[type=submit]")
    card = page.locator("#card-preview .card")
    facts = [t.replace("\n", " ").split("\t") for t in card.locator(".facts > dt").all_inner_texts()]
    assert [" ".join(f).split(" ", 1)[0] for f in facts] == ["Pay", "In", "Effort", "Deadline", "Posted", "Who"]
    text = card.inner_text()
    for words in ("≈ 30–40 USD/h", "600 USD total", "15–20 h total", "Closes in 109 days", "Posted yesterday",
                  "United States, Canada · Students and recent graduates"):
        assert words in text, (words, text)
    assert page.js_errors == []
