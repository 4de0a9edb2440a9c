/* "Closes in 3 days", "Posted 3 days ago", counted by the reader's clock in whole UTC days
 * (as board/entry.py's Entry.days_left) from the page's <time datetime> (the date, which a
 * page without JavaScript shows): a page never changes only because a day passed (#19).
 * The words are board/formats.py WORDING (wording.js, written by the build); board.js
 * labels the cards it renders with these functions (and words.js for the other words).
 */
import W from "./wording.js";

function daysUntil(datetime, now) {  // whole UTC days from today to the date (negative: past)
  const s = String(datetime);
  const day = Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  const t = new Date(now);
  return Math.round((day - Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate())) / 864e5);
}

const say = (w, n) => w[n] || w.n.replace("{n}", n);  // board.formats.posted_ago, closes_in

/** "Posted 3 days ago", from the posting date (a card's <time data-ago>). */
export function ago(datetime, now = Date.now()) {
  return say(W.ago, Math.max(0, -daysUntil(datetime, now)));
}

export function countdown(datetime, now = Date.now()) {
  const days = daysUntil(datetime, now);
  return days < 0 ? W.countdown.past : say(W.countdown, days);
}

/** "15–20 h total" (board.formats.hours_short). */
export function hoursShort(low, high) {
  const w = W.hours;
  return low === high ? w.one.replace("{n}", low) : w.range.replace("{min}", low).replace("{max}", high);
}

// The new text is usually shorter than the date it replaces ("Closes in 3 days" for "Closes
// 5 December 2026", "Posted 3 days ago" for "Posted 3 November 2026"): a line that unwraps,
// or a card's pay that gains the room the date gave up (board.css), would move everything
// below it after the first paint (layout shift). So a one-line date keeps the width it was
// painted with; every width is read before any text changes (one layout).
const dates = [...document.querySelectorAll("time[data-countdown], time[data-ago]")];
const painted = dates.map((el) => (el.getClientRects().length === 1 ? el.getBoundingClientRect().width : 0));
dates.forEach((el, i) => {
  const when = el.getAttribute("datetime"), posted = el.hasAttribute("data-ago");
  const text = posted ? ago(when) : countdown(when);
  // the posting date sits right-aligned in its card's corner: even a text as long moves it
  if (painted[i] && (posted || text.length < el.textContent.length)) {
    el.style.display = "inline-block";
    el.style.minWidth = painted[i] + "px";
  }
  el.textContent = text;
});
