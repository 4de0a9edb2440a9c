/* A card's other words (pay, deadline states, who may apply, long effort), from
 * board/formats.py WORDING (wording.js, written by the build), as board/formats.py's
 * pay_words, hourly_words, who_words and hours_long write them: for board.js (its cards)
 * and the Submit page's preview (submit/card.js). Not on the board's first load: fx.js,
 * which is, fills its two pay lines from wording.js itself.
 */
import W from "./wording.js";

/** "15–20 hours total" (board.formats.hours_long). */
export function hoursLong(low, high) {
  const w = W.hours_long;
  return low === high ? w.one.replace("{n}", low) : w.range.replace("{min}", low).replace("{max}", high);
}

/** "600 USD total", "20 USD/hour" (board.formats.pay_words): `money` is "30–40 USD". */
export function payWords(money, unit) { return W.pay[unit === "total" ? "total" : "hour"].replace("{money}", money); }

/** "≈ 30–40 USD/h" when paid in total, else "20 USD/h" (board.formats.hourly_words). */
export function hourlyWords(money, unit) { return W.pay[unit === "total" ? "approx" : "hourly"].replace("{money}", money); }

/** "United States, Canada · Students and recent graduates" (board.formats.who_words). */
export function whoWords(regions, students) { return W.who.replace("{regions}", regions).replace("{students}", students); }

/** "Filled", "Closed", "Open until filled" (board.formats.WORDING state). */
export const states = W.state;
