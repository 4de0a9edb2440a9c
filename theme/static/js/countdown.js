/* "Closes in 3 days", counted by the reader's clock from the deadline's date.
 *
 * Pages carry the deadline as a date (<time datetime="…" data-countdown>Closes 26 February
 * 2027</time>, what a page without JavaScript shows), so a page built yesterday is still
 * right today and the build never re-renders a page only because a day passed
 * (issue #19). Days are whole UTC days, as board/entry.py's Entry.days_left counts them.
 * board.js labels the cards it renders with the same function.
 */

function daysUntil(datetime, now) {  // whole UTC days from today to the date (negative: past)
  const s = String(datetime);
  const day = Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  const t = new Date(now);
  return Math.round((day - Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate())) / 864e5);
}

/** "Posted 3 days ago", from the posting date (a card's <time data-ago>). */
export function ago(datetime, now = Date.now()) {
  const days = Math.max(0, -daysUntil(datetime, now));
  return days === 0 ? "Posted today" : days === 1 ? "Posted yesterday" : "Posted " + days + " days ago";
}

export function countdown(datetime, now = Date.now()) {
  const days = daysUntil(datetime, now);
  if (days < 0) return "Closed";
  if (days === 0) return "Closes today";
  if (days === 1) return "Closes tomorrow";
  return "Closes in " + days + " days";
}

// The new text is usually shorter than the date it replaces ("Closes in 3 days" for "Closes
// 5 December 2026"): a line that unwraps would move everything below it after the first
// paint (layout shift). So a one-line deadline keeps the width it was painted with; every
// width is read before any text changes (one layout).
const deadlines = [...document.querySelectorAll("time[data-countdown]")];
const painted = deadlines.map((el) => (el.getClientRects().length === 1 ? el.getBoundingClientRect().width : 0));
deadlines.forEach((el, i) => {
  const text = countdown(el.getAttribute("datetime"));
  if (painted[i] && text.length < el.textContent.length) {
    el.style.display = "inline-block";
    el.style.minWidth = painted[i] + "px";
  }
  el.textContent = text;
});
for (const el of document.querySelectorAll("time[data-ago]")) {
  el.textContent = ago(el.getAttribute("datetime"));
}
