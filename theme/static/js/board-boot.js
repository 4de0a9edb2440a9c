/* Loads the board's filters (board.js and search.js, ~10 KB compressed) only when they are
 * needed, so the first load of the board stays small (bench/browser.py measures it):
 * at once when the URL carries filters or Back/Forward must restore a list (restore.js),
 * else on the first touch, focus or change in the filter form. A change made before
 * board.js is in is not lost: board.js applies whatever the form holds when it starts.
 * Until then window.__board is a stand-in with the same methods, each of which loads the
 * filters first (restore.js, tests and the benchmark call them).
 */
const form = document.getElementById("filters");
let started = null;

function start() {
  if (!started) started = import("./board.js").then(() => (window.__board !== stub ? window.__board : null));
  return started;
}

function later(name) {
  return (...args) => start().then((real) => (real ? real[name](...args) : undefined));
}

const stub = {
  load: later("load"), loadText: later("loadText"), apply: later("apply"), state: later("state"),
  settled: () => (started ? later("settled")() : Promise.resolve()), timing: { filter: 0, render: 0 },
};

if (form) {
  window.__board = stub;
  for (const type of ["focusin", "pointerdown", "input", "change"]) form.addEventListener(type, start, { once: true });
  const restoring = history.state && history.state.boardRestore;
  if (new URLSearchParams(location.search).toString() || restoring) start();
}

// ---- the filter sheet on a phone (filters.css shows the button below 44rem) ------------
const opener = document.getElementById("f-sheet-open");
const sheet = document.getElementById("f-sheet");

function openSheet() {
  form.classList.add("sheet-is-open");
  opener.setAttribute("aria-expanded", "true");
  document.documentElement.style.overflow = "hidden";
  document.getElementById("f-sheet-close").focus();
}

function closeSheet() {
  if (!form.classList.contains("sheet-is-open")) return;
  form.classList.remove("sheet-is-open");
  opener.setAttribute("aria-expanded", "false");
  document.documentElement.style.overflow = "";
  opener.focus();
}

if (form && opener && sheet) {
  opener.addEventListener("click", openSheet);
  document.getElementById("f-sheet-close").addEventListener("click", closeSheet);
  document.getElementById("f-show").addEventListener("click", closeSheet);
  sheet.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeSheet(); });
}
