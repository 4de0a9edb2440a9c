/* The posting rules' regular expressions, compiled from the JSON the build emits
 * (board/browser_rules.py translates each Python pattern to a JavaScript one). */

export function compileRegexes(rules) {
  const rx = rules.regex;
  const re = (name, wrap) => new RegExp(wrap ? wrap.replace("%s", rx[name].source) : rx[name].source, rx[name].flags);
  const all = name => new RegExp(rx[name].source, rx[name].flags + "g");
  return {
    pay: re("pay", "^(?:%s)"),
    hours: re("hours", "^(?:%s)"),
    tz: re("tz", "^(?:%s)"),
    tzSplit: all("tz_split"),
    header: re("header_line", "^(?:%s)"),
    slug: re("slug", "^(?:%s)"),
    email: re("email", "^(?:%s)"),
    urlUnsafe: re("url_unsafe"),
    port: re("port", "^(?:%s)(?![\\s\\S])"),
    asciiLabel: re("ascii_label", "^(?:%s)(?![\\s\\S])"),
    numericLabel: re("numeric_label", "^(?:%s)(?![\\s\\S])"),
    canonicalIpv4: re("canonical_ipv4", "^(?:%s)(?![\\s\\S])"),
    hostLetter: re("host_letter", "^(?:%s)(?![\\s\\S])"),
    hostScript: Object.fromEntries(rules.confusable_scripts.map(s => [s, re("host_" + s.toLowerCase())])),
    tracking: re("tracking_params"),
    control: re("control"),
    controlAll: all("control"),
    isoDate: re("iso_date", "^(?:%s)(?![\\s\\S])"),
    deliverableSplit: all("deliverable_split"),
    skillKey: all("skill_key"),
    spaces: all("spaces"),
    space: re("space"),
    bodyControl: re("body_control"),
  };
}
