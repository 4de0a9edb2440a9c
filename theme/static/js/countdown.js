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

for (const el of document.querySelectorAll("time[data-countdown]")) {
  el.textContent = countdown(el.getAttribute("datetime"));
}
for (const el of document.querySelectorAll("time[data-ago]")) {
  el.textContent = ago(el.getAttribute("datetime"));
}
