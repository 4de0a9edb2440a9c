"""Locating ../shared and unwrapping its recorded payloads (test helper, not a test).

Some corpus files are not raw responses: VCR cassettes (YAML, Ruby VCR and go-vcr) and
fixture wrappers (JSON with ``cases.<name>.body``). :func:`bodies` returns the real
response bodies inside each file, so every adapter sees exactly what the API sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared").resolve()
PAYLOADS = SHARED / "corpus" / "payloads"
BAD_FEEDS = SHARED / "corpus" / "badinput" / "feeds"
SKIP_REASON = f"../shared corpus not found at {SHARED} (only present in the team workspace, not in a fresh clone)"

#: corpus folder -> adapter kind (folders named like a kind map to themselves)
FOLDER_KIND = {"weworkremotely": "feed", "jsonld_html": "jsonld"}


@dataclass(frozen=True)
class Body:
    file: Path
    label: str  # "file" or "file#case"
    data: bytes
    recorded: bool  # a real response (False: a wrapper's synthetic failure case)
    headers: dict[str, str]


def kind_for(path: Path) -> str:
    if path.parent.name == "jsonld_html" and path.suffix == ".json":
        return "jsonfeed"
    return FOLDER_KIND.get(path.parent.name, path.parent.name)


def payload_files() -> list[Path]:
    if not PAYLOADS.is_dir():
        return []
    return sorted(p for p in PAYLOADS.glob("*/*") if p.is_file())


def _as_bytes(body: object) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    return json.dumps(body).encode("utf-8")


def _cassette(path: Path) -> list[Body]:
    import pytest

    yaml = pytest.importorskip("yaml", reason="PyYAML (a [test] extra) reads the VCR cassettes")

    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for i, inter in enumerate(doc.get("http_interactions") or doc.get("interactions") or []):
        resp = inter.get("response") or {}
        body = resp.get("body")
        if isinstance(body, dict):  # Ruby VCR: {encoding, string}
            body = body.get("string", "")
        headers = {k: (v[0] if isinstance(v, list) and v else str(v)) for k, v in (resp.get("headers") or {}).items()}
        out.append(Body(path, f"{path.name}#{i}", _as_bytes(body or ""), True, headers))
    return out


def bodies(path: Path) -> list[Body]:
    if path.suffix in (".yml", ".yaml"):
        return _cassette(path)
    raw = path.read_bytes()
    if path.suffix == ".json":
        data = json.loads(raw)
        if isinstance(data, dict) and isinstance(data.get("cases"), dict):
            out = []
            for name, case in data["cases"].items():
                recorded = case.get("provenance") == "recorded" and case.get("status", 200) == 200
                headers = case.get("headers") or {}
                if "listing" in case:
                    out.append(Body(path, f"{path.name}#{name}.listing", _as_bytes(case["listing"]), recorded, headers))
                if "body" in case:
                    out.append(Body(path, f"{path.name}#{name}", _as_bytes(case["body"]), recorded, headers))
            return out
    return [Body(path, path.name, raw, True, {})]
