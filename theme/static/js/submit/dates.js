/* Dates as board.entry.parse_datetime reads them (Python's date/datetime.fromisoformat,
 * the forms postings use), as milliseconds since the epoch, UTC. */

function utcMs(y, mo, d, h, mi, s, us) {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime() + us / 1000;
}
const FIRST = utcMs(1, 1, 1, 0, 0, 0, 0);
const LAST = utcMs(9999, 12, 31, 23, 59, 59, 999999);
function daysIn(y, m) { return [31, (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }
function checkDate(y, m, d) {
  if (y < 1 || y > 9999) throw new Error(`year ${y} is out of range`);
  if (m < 1 || m > 12) throw new Error("month must be in 1..12");
  if (d < 1 || d > daysIn(y, m)) throw new Error("day is out of range for month");
}
export function isoDateOf(ms) {
  const t = new Date(Math.floor(ms));
  return String(t.getUTCFullYear()).padStart(4, "0") + "-" + String(t.getUTCMonth() + 1).padStart(2, "0") + "-" + String(t.getUTCDate()).padStart(2, "0");
}

export function makeDates(py) {
  function invalid(text) { return new Error("Invalid isoformat string: " + py.repr(text)); }
  function dateOnly(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) throw invalid(text);
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    checkDate(y, mo, d);
    return [y, mo, d];
  }
  function datetimeFromIso(text) {
    const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[^\d](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2})(?::?(\d{2})(?:\.(\d{1,6}))?)?)?)?$/.exec(text);
    if (!m || (m[4] === undefined && (m[8] || m[9])) || (/^\d{4}-/.test(text) !== /^\d{4}-\d{2}-/.test(text))) throw invalid(text);
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    checkDate(y, mo, d);
    const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, s = m[6] ? +m[6] : 0;
    if (h > 23) throw new Error("hour must be in 0..23");
    if (mi > 59) throw new Error("minute must be in 0..59");
    if (s > 59) throw new Error("second must be in 0..59");
    const us = m[7] ? +(m[7] + "00000").slice(0, 6) : 0;
    let off = 0;
    if (m[9]) {
      const oh = +m[10], om = m[11] ? +m[11] : 0, os = m[12] ? +m[12] : 0;
      if (oh > 23 || om > 59 || os > 59) throw invalid(text);
      off = (m[9] === "-" ? -1 : 1) * ((oh * 60 + om) * 60 + os) * 1000;
    }
    return utcMs(y, mo, d, h, mi, s, us) - off;
  }
  // board.entry.parse_datetime -> milliseconds since the epoch, UTC
  function parseDatetime(value, endOfDay) {
    let text = py.strip(String(value));
    if (py.R.isoDate.test(text)) {
      const [y, mo, d] = dateOnly(text);
      return endOfDay ? utcMs(y, mo, d, 23, 59, 59, 0) : utcMs(y, mo, d, 0, 0, 0, 0);
    }
    if (text.endsWith("Z") || text.endsWith("z")) text = text.slice(0, -1) + "+00:00";
    const ms = datetimeFromIso(text);
    if (ms < FIRST || ms > LAST) throw new Error(py.repr(text) + " is out of range");
    return ms;
  }
  return { parseDatetime };
}
