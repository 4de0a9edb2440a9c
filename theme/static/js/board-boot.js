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
