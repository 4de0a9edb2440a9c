/* The preview card, as theme/templates/_card.html renders it with plugins/board_site/present.py
 * (figures through format.js: board/formats.py's rounding, as on the board). */

import { isoDateOf } from "./dates.js";

export function makePresent(rules, V) {
  const F = V.formats;
  function payLabel(e) {
    const t = F.moneyRange(e.pay.min, e.pay.max, e.pay.currency);
    return e.pay.unit === "total" ? `${t} total` : `${t}/hour`;
  }
  function hourlyLabel(e) {
    const [lo, hi] = e.pay.unit === "hour" ? [e.pay.min, e.pay.max] : [e.pay.min / e.hours.max, e.pay.max / e.hours.min];
    return `${e.pay.unit === "total" ? "≈ " : ""}${F.moneyRange(lo, hi, e.pay.currency)}/h`;
  }
  function hoursLabel(e) { return e.hours.min === e.hours.max ? `${e.hours.min} hours total` : `${e.hours.min}–${e.hours.max} hours total`; }
  function deadlineLabel(e, now) {
    if (e.status !== "open") return e.status === "filled" ? "Filled" : "Closed";
    if (e.applyBy === null) return "Open until filled";
    const days = Math.round((Date.parse(isoDateOf(e.applyBy)) - Date.parse(isoDateOf(now))) / 86400000);
    if (days < 0) return "Closed";
    if (days === 0) return "Closes today";
    if (days === 1) return "Closes tomorrow";
    return `Closes in ${days} days`;
  }
  function regionsLabel(e) { return (e.regions.length ? e.regions : ["WORLDWIDE"]).map(V.regionLabel).join(", "); }
  function studentLabel(e) { return rules.student_status[e.students] || e.students; }
  return { payLabel, hourlyLabel, hoursLabel, deadlineLabel, regionsLabel, studentLabel };
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
  const row = (dt, dd) => dl.append(el("div", {}, el("dt", {}, dt), el("dd", {}, dd)));
  row("Pay", show.payLabel(e));
  row("Per hour", show.hourlyLabel(e));
  row("Effort", show.hoursLabel(e));
  row("Deadline", show.deadlineLabel(e, now));
  row("Who may apply", `${show.studentLabel(e)}; ${show.regionsLabel(e)}`);
  art.append(dl);
  if (e.skills.length) {
    const ul = el("ul", { class: "skills", "aria-label": "Skills" });
    for (const s of e.skills) ul.append(el("li", {}, el("a", { href: "#" }, s)));
    art.append(ul);
  }
  return art;
}
