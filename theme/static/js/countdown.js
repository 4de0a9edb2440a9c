/* "Closes in 3 days", "Posted 3 days ago", counted by the reader's clock in whole UTC days
 * (as board/entry.py's Entry.days_left) from the page's <time datetime> (the date, which a
 * page without JavaScript shows): a page never changes only because a day passed (#19).
 * The words are board/formats.py WORDING (wording.js, written by the build); board.js,
 * fx.js and the Submit page's preview (submit/card.js) word their cards with these functions.
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

const hoursIn = (w, low, high) => (low === high ? w.one.replace("{n}", low) : w.range.replace("{min}", low).replace("{max}", high));

/** "15–20 h total" (board.formats.hours_short). */
export function hoursShort(low, high) { return hoursIn(W.hours, low, high); }

/** "15–20 hours total" (board.formats.hours_long). */
export function hoursLong(low, high) { return hoursIn(W.hours_long, low, high); }

/** "600 USD total", "20 USD/hour" (board.formats.pay_words): `money` is "30–40 USD". */
export function payWords(money, unit) { return W.pay[unit === "total" ? "total" : "hour"].replace("{money}", money); }

/** "≈ 30–40 USD/h" when paid in total, else "20 USD/h" (board.formats.hourly_words). */
export function hourlyWords(money, unit) { return W.pay[unit === "total" ? "approx" : "hourly"].replace("{money}", money); }

/** "≈ 24 CAD/h (18 USD/h)" (board.formats.converted_words). */
export function convertedWords(converted, posted) { return W.pay.converted.replace("{converted}", converted).replace("{posted}", posted); }

/** "United States, Canada · Students and recent graduates" (board.formats.who_words). */
export function whoWords(regions, students) { return W.who.replace("{regions}", regions).replace("{students}", students); }

/** "Filled", "Closed", "Open until filled" (board.formats.WORDING state). */
export const states = W.state;

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
