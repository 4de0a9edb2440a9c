/* The description as the posting page shows it: Markdown rendered by the vendored marked
 * (theme/static/vendor/marked, pinned), set to read like the build's Python-Markdown,
 * then cleaned with board/sanitize.py's allow-list (emitted as rules.sanitize).
 *
 * The HTML is parsed with DOMParser into an inert document (no script runs, nothing
 * loads), walked like nh3 walks it, and only the cleaned tree's HTML reaches the page.
 *
 * Known differences from Python-Markdown (tests/browser/test_submit.py PREVIEW_DIFFERENCES):
 * - a list needs a blank line after a paragraph there; here "Para\n- item" starts a list;
 * - a nested list needs four spaces of indent there; here two are enough;
 * - ``` fences: one code span there (no fenced_code extension); here the fence lines split
 *   the paragraph;
 * - a body line that starts with raw HTML (<img>, <!-- -->, <style>, <noscript>): the two
 *   dialects cut HTML blocks differently, so an empty <p></p> or a text rendering of a
 *   broken tag may differ (most such bodies still agree exactly; the test counts them).
 * Safety does not depend on any of them: both sides apply the same allow-list.
 *
 * marked (~52 KB) is loaded on the first preview, not with the form: makePreview() is
 * async and resolves once it is in (a failed load rejects, and the next call tries again).
 */

let marked = null;  // the vendored module's promise, once asked for
function loadMarked() {
  if (!marked) marked = import("../../vendor/marked/marked.esm.js").catch((err) => { marked = null; throw err; });
  return marked;
}

const XHTML = "http://www.w3.org/1999/xhtml";
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function expandTabs(text, size) {  // str.expandtabs: columns restart at each line break
  let out = "", col = 0;
  for (const ch of text) {
    if (ch === "\t") { const n = size - (col % size); out += " ".repeat(n); col += n; }
    else if (ch === "\n" || ch === "\r") { out += ch; col = 0; }
    else { out += ch; col += 1; }
  }
  return out;
}

function makeMarked(Marked) {
  const md = new Marked({ gfm: false, async: false });
  md.use({
    tokenizer: {
      fences() { return undefined; },  // Python-Markdown without fenced_code: ``` is a code span
      br(src) { const m = /^ {2,}\n(?!\s*$)/.exec(src); return m ? { type: "br", raw: m[0] } : undefined; },  // no "\" break
    },
    renderer: { br() { return "<br>\n"; } },
  });
  return md;
}

export async function makePreview(rules, py) {
  const { Marked } = await loadMarked();
  const S = rules.sanitize;
  const rx = r => new RegExp(r.source, r.flags + "g");
  const heading = rx(S.heading), notXml = rx(S.not_xml), hrefless = rx(S.hrefless);
  const tags = new Set(S.tags), dropWithContent = new Set(S.clean_content), schemes = new Set(S.schemes);
  const urlAttrs = new Set(S.url_attributes);
  const md = makeMarked(Marked);

  function allowedAttr(tag, name) { return (S.attributes["*"] || []).includes(name) || (S.attributes[tag] || []).includes(name); }
  function safeUrl(value) {  // ammonia: absolute with an allowed scheme; relative is denied
    try { return schemes.has(new URL(value).protocol.slice(0, -1)); } catch (err) { return false; }
  }
  function cleanElement(node) {
    const tag = node.localName;
    for (const attr of Array.from(node.attributes)) {
      const keep = allowedAttr(tag, attr.name) && (!urlAttrs.has(attr.name) || safeUrl(attr.value));
      if (!keep) node.removeAttribute(attr.name);
    }
    if (tag === "a") node.setAttribute("rel", S.link_rel);
  }
  function walk(parent) {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === Node.COMMENT_NODE || node.nodeType === Node.PROCESSING_INSTRUCTION_NODE) { node.remove(); continue; }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      if (node.namespaceURI !== XHTML || dropWithContent.has(node.localName)) { node.remove(); continue; }
      walk(node);
      if (tags.has(node.localName)) cleanElement(node); else node.replaceWith(...node.childNodes);
    }
  }
  function clean(html) {  // board.sanitize.clean_html
    const fragment = py.withoutInvisible(html.replace(LONE_SURROGATE, "\ufffd")).replace(notXml, "").replace(heading, "<$1h2$2>");
    const doc = new DOMParser().parseFromString("<!DOCTYPE html><html><head></head><body>" + fragment, "text/html");
    walk(doc.body);
    // Again on the output, as the build does: the parser turns "&#x202e;" into the character itself.
    return py.strip(py.withoutInvisible(doc.body.innerHTML).replace(hrefless, "$1"));
  }
  // Nodes for the page: the final HTML parsed once more and cleaned again after that parse,
  // then moved over as nodes, never re-parsed (a serialize/parse round trip cannot add anything).
  function fragment(html) {
    const doc = new DOMParser().parseFromString("<!DOCTYPE html><html><head></head><body>" + html, "text/html");
    walk(doc.body);
    const out = document.createDocumentFragment();
    for (const node of Array.from(doc.body.childNodes)) out.append(document.importNode(node, true));
    return out;
  }
  function markdownToHtml(text) {  // board.sanitize.markdown_to_html
    const source = expandTabs(text.replace(/\r\n?/g, "\n"), S.tab_length);
    return clean(md.parse(source));
  }
  return { clean, markdownToHtml, fragment };
}
