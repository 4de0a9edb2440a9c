/* Back and Forward bring the board's list back exactly (issue #16, item 4): the cards
 * that were shown ("Show more postings" included), the scroll position and the focus on
 * the link that was opened.
 *
 * board.js renders filtered lists in the page, so a fresh load after Back shows only the
 * first page of results and the browser's own scroll restoration lands somewhere else.
 * Before the page is left this module notes, in the history entry's own state (so a new
 * visit to the same address starts fresh, while Back, Forward and Reload find it), the
 * query, how many cards were shown, the scroll offset and the link followed, and switches
 * the entry to manual scroll restoration; on a load with that state and the same query it
 * asks board.js for the same number of cards, then scrolls and focuses. A page restored
 * whole from the back/forward cache needs nothing. Without JavaScript the board is its
 * static pages, which the browser restores by itself.
 */
const board = window.__board;
const list = document.getElementById("results-list");

function cards() { return list.querySelectorAll("ol.cards > li").length; }

/** ``link``: the link being followed; none when the page is left another way, which
 *  keeps the link noted before (the card opened last still gets the focus back). */
function remember(link) {
  const art = link && link.closest("article[data-slug]");
  const before = (history.state && history.state.boardRestore) || {};
  const mine = {
    q: location.search, shown: cards(), y: Math.round(scrollY),
    slug: link ? (art ? art.dataset.slug : null) : before.slug || null,
    href: link ? link.getAttribute("href") : before.href || null,
  };
  history.replaceState(Object.assign({}, history.state, { boardRestore: mine }), "");
  history.scrollRestoration = "manual";
}

function focusTarget(state) {
  if (!state.slug) return null;
  const art = list.querySelector(`article[data-slug="${CSS.escape(state.slug)}"]`);
  if (!art) return null;
  return (state.href && [...art.querySelectorAll("a[href]")].find((a) => a.getAttribute("href") === state.href))
    || art.querySelector(".card-title a");
}

async function restore(state) {
  await board.settled();
  for (let guard = 0; cards() < state.shown && guard < 200; guard++) {
    const more = document.getElementById("show-more");
    if (!more || more.parentNode.hidden) break;
    more.click();
    await board.settled();
  }
  const target = focusTarget(state);
  if (target) target.focus({ preventScroll: true });
  scrollTo(0, state.y);
  history.scrollRestoration = "auto";
  list.dataset.restored = String(cards());
}

if (board && list) {
  let followed = false;
  list.addEventListener("click", (ev) => {
    const a = ev.target.closest && ev.target.closest("a[href]");
    if (a) { remember(a); followed = true; }
  }, true);
  addEventListener("pagehide", () => {
    if (!followed) remember(null);  // left another way (menu, address bar): keep the list and the scroll
  });
  const state = history.state && history.state.boardRestore;
  if (state && state.q === location.search) restore(state);
}
