/* The preview card, as theme/templates/_card.html renders it with plugins/board_site/present.py
 * and board.js re-renders it: figures through format.js (board/formats.py's rounding), words
 * through countdown.js and words.js (board/formats.py WORDING, emitted as wording.js), so the card a
 * poster previews reads as the board will show it (tests/browser/test_submit_card.py).
 * Not drawn: the organization's monogram (a build-time index fact, present.monogram) and
 * badges (the form writes employers' postings, never samples or scraped ones). */

import { ago, countdown, hoursShort } from "../countdown.js";
import { hoursLong, hourlyWords, payWords, states, whoWords } from "../words.js";
import { isoDateOf } from "./dates.js";

export function makePresent(rules, V) {
  const F = V.formats;
  const range = (lo, hi, e) => F.moneyRange(lo, hi, e.pay.currency);
  function hourly(e) { return e.pay.unit === "hour" ? [e.pay.min, e.pay.max] : [e.pay.min / e.hours.max, e.pay.max / e.hours.min]; }
  function payLabel(e) { return payWords(range(e.pay.min, e.pay.max, e), e.pay.unit); }  // present.pay_label
  function hourlyLabel(e) { const [lo, hi] = hourly(e); return hourlyWords(range(lo, hi, e), e.pay.unit); }  // present.hourly_label
  function hoursLabel(e) { return hoursLong(e.hours.min, e.hours.max); }  // present.hours_label
  function effortLabel(e) { return hoursShort(e.hours.min, e.hours.max); }  // present.hours_short
  function deadlineLabel(e, now) {  // present.deadline_label, as countdown.js counts it on the board
    if (e.status !== "open") return e.status === "filled" ? states.filled : states.closed;
    if (e.applyBy === null) return states.open;
    return countdown(isoDateOf(e.applyBy), now);
  }
  function postedLabel(e, now) { return ago(isoDateOf(e.posted), now); }  // the card's <time data-ago>
  function regionsLabel(e) { return (e.regions.length ? e.regions : ["WORLDWIDE"]).map(V.regionLabel).join(", "); }
  function whoLabel(e) { return whoWords(regionsLabel(e), rules.student_status[e.students] || e.students); }  // present.who_label
  return { payLabel, hourlyLabel, hoursLabel, effortLabel, deadlineLabel, postedLabel, whoLabel };
}

export function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
  for (const k of kids) n.append(k);
  return n;
}

export function renderCard(e, fields, show, now) {
  const art = el("article", { class: "card", "data-slug": fields.slug });
  const h = el("h3", { class: "card-title" }, el("a", { href: "#" }, fields.title));
  art.append(h, el("p", { class: "card-org" }, el("a", { href: "#" }, fields.organization)));
  const dl = el("dl", { class: "facts" });
  // As _card.html: dt/dd pairs straight in the dl, the class on the dd (the total's on both).
  const row = (cls, dt, dd) => dl.append(el("dt", cls === "fact-total" ? { class: cls } : {}, dt), el("dd", cls ? { class: cls } : {}, dd));
  row("fact-pay", "Pay", show.hourlyLabel(e));
  if (e.pay.unit === "total") row("fact-total", "In total", show.payLabel(e));
  row("", "Effort", show.effortLabel(e));
  row("", "Deadline", show.deadlineLabel(e, now));
  row("fact-posted", "Posted", show.postedLabel(e, now));
  row("fact-who", "Who may apply", show.whoLabel(e));
  art.append(dl);
  if (e.skills.length) {
    const ul = el("ul", { class: "skills", "aria-label": "Skills" });
    for (const s of e.skills) ul.append(el("li", {}, el("a", { href: "#" }, s)));
    art.append(ul);
  }
  return art;
}
