"""scrapers/config.py: sources.toml read strictly into SourceConfig and HttpSettings; every
error names the file, the source and the key, and says what was expected."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from board.formats import MAX_SLUG_LEN
from scrapers import adapters
from scrapers.config import ConfigError, load_config, parse_config
from scrapers.http import HttpSettings
from scrapers.record import SourceConfig


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    return str(err.value)


def test_a_valid_file_gives_its_values_and_the_defaults(tmp_path):
    path = write(tmp_path, """
        [http]
        retries = 4
        connect_timeout = 7

        [[source]]
        name = "acme-board"
        kind = "greenhouse"
        url = "https://boards-api.greenhouse.io/v1/boards/acme/jobs"
        organization = "Acme"
        min_delay = 3

        [[source]]
        name = "remotive"
        kind = "remotive"
        url = "https://remotive.com/api/remote-jobs?search=internship"
        attribution = "Found on Remotive"
        jsonld = false
        enabled = false
        curation = { min_hours = 10 }
    """)
    config = load_config(path)

    assert config.path == path
    assert config.sources == [
        SourceConfig(name="acme-board", kind="greenhouse", url="https://boards-api.greenhouse.io/v1/boards/acme/jobs",
                     organization="Acme", min_delay=3.0),
        SourceConfig(name="remotive", kind="remotive", url="https://remotive.com/api/remote-jobs?search=internship",
                     attribution="Found on Remotive", jsonld=False, enabled=False, curation={"min_hours": 10}),
    ]
    acme = config.sources[0]
    assert (acme.attribution, acme.link_back, acme.jsonld, acme.reuse_allowed, acme.enabled, acme.curation) == (
        "", True, True, True, True, {})
    assert isinstance(acme.min_delay, float) and config.sources[1].min_delay == 1.0
    assert config.http.retries == 4 and config.http.connect_timeout == 7.0 and isinstance(config.http.connect_timeout, float)
    assert config.http.workers == HttpSettings().workers  # unset keys keep HttpSettings' defaults


def test_an_empty_file_has_no_sources_and_default_http(tmp_path):
    config = load_config(write(tmp_path, ""))
    assert config.sources == [] and config.http == HttpSettings()


def test_parse_config_without_a_path_names_sources_toml():
    with pytest.raises(ConfigError, match=r"^sources.toml: source #1 \('a'\): missing required key 'url'$"):
        parse_config({"source": [{"name": "a", "kind": "lever"}]})


def test_an_unknown_kind_is_refused_with_the_known_ones(tmp_path):
    path = tmp_path / "sources.toml"
    message = error_of(tmp_path, """
        [[source]]
        name = "acme"
        kind = "greenhous"
        url = "https://boards-api.greenhouse.io/v1/boards/acme/jobs"
    """)
    assert message == (f"{path}: source #1 ('acme'): kind must be one of {', '.join(adapters.KINDS)} "
                       "(or a dotted module path to an adapter of your own), not 'greenhous'")


@pytest.mark.parametrize("kind", ["greenhouse", "page", "myadapters.jobs", "a.b.c"])
def test_known_and_dotted_kinds_are_accepted(tmp_path, kind):
    path = write(tmp_path, f'[[source]]\nname = "a"\nkind = "{kind}"\nurl = "https://e.example/"\n')
    assert [s.kind for s in load_config(path).sources] == [kind]


@pytest.mark.parametrize("kind", ["myadapters.", ".jobs", "my adapters.jobs", "Greenhouse"])
def test_a_kind_that_is_neither_known_nor_a_module_path_is_refused(tmp_path, kind):
    message = error_of(tmp_path, f'[[source]]\nname = "a"\nkind = "{kind}"\nurl = "https://e.example/"\n')
    assert message.endswith(f"not {kind!r}") and "kind must be one of greenhouse" in message


@pytest.mark.parametrize("key, url", [
    ("url", "ftp://e.example/"), ("url", "https:///jobs"), ("url", "e.example/jobs"),
    ("organization_url", "javascript:alert(1)"),
])
def test_a_bad_url_is_refused_with_the_key_and_the_value(tmp_path, key, url):
    path = tmp_path / "sources.toml"
    extra = f'\n{key} = "{url}"' if key != "url" else ""
    main_url = url if key == "url" else "https://e.example/"
    message = error_of(tmp_path, f'[[source]]\nname = "a"\nkind = "lever"\nurl = "{main_url}"{extra}\n')
    assert message == f"{path}: source #1 ('a'): {key} must be an http(s) URL, not {url!r}"


def test_a_duplicate_name_names_both_sources(tmp_path):
    path = tmp_path / "sources.toml"
    message = error_of(tmp_path, """
        [[source]]
        name = "acme"
        kind = "lever"
        url = "https://api.lever.co/v0/postings/acme"
        [[source]]
        name = "acme"
        kind = "greenhouse"
        url = "https://boards-api.greenhouse.io/v1/boards/acme/jobs"
    """)
    assert message == f"{path}: source #2: name 'acme' is already used by source #1"


def test_a_name_may_be_as_long_as_a_slug_and_no_longer(tmp_path):
    longest = "a" * MAX_SLUG_LEN
    ok = write(tmp_path, f'[[source]]\nname = "{longest}"\nkind = "lever"\nurl = "https://e.example/"\n')
    assert [s.name for s in load_config(ok).sources] == [longest]

    path = tmp_path / "sources.toml"
    message = error_of(tmp_path, f'[[source]]\nname = "{longest}b"\nkind = "lever"\nurl = "https://e.example/"\n')
    assert message == (f"{path}: source #1 ('{longest}b'): name must be lower-case letters, digits, '-', '_' "
                       f"or '.', at most {MAX_SLUG_LEN} characters (it becomes a file name)")


@pytest.mark.parametrize("text, message", [
    ('[[source]]\nname = "a"\nkind = "lever"\nurl = "https://e.example/"\nmin_dealy = 2',
     "source #1 ('a'): unknown key(s) min_dealy; known keys: name, kind, url,"),
    ('[sources]\nx = 1', "unknown top-level key(s) sources (expected [[source]], [employers] and [http];"),
    ('[http]\nretries = -1', "[http]: retries must not be negative"),
    ('[http]\nretry = 2', "[http]: unknown key(s) retry; known keys:"),
    ('[[source]]\nname = "a"\nkind = "lever"\nurl = "https://e.example/"\nmin_delay = true',
     "min_delay must be a int or float, not bool True"),
])
def test_typos_and_wrong_types_name_the_key(tmp_path, text, message):
    path = tmp_path / "sources.toml"
    full = error_of(tmp_path, text)
    assert full.startswith(f"{path}: ") and message in full


def test_a_missing_file_is_a_config_error(tmp_path):
    path = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError, match="cannot read the sources file"):
        load_config(path)


# ---- moved from tests/scrapers/test_run.py: the file and the employer rows -----------------


def test_allowed_hosts_from_the_sources_file(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[http]\nallowed_hosts = ["127.0.0.1:8000", "[::1]:8001"]\n')
    assert load_config(path).http.allowed_hosts == ("127.0.0.1:8000", "[::1]:8001")
    assert load_config(path).http.allow_private_hosts is False



@pytest.mark.parametrize("toml, message", [
    ('[source]\nname = "a"\nkind = "greenhouse"\nurl = "https://e.example/"', "[[source]]"),
    ('[[source]]\nname = "a"\nkind = "greenhouse"', "missing required key 'url'"),
    ('[[source]]\nname = "a"\nkind = "greenhouse"\nurl = "ftp://e.example/"', "http(s) URL"),
    ('[[source]]\nname = "a"\nkind = "greenhouse"\nurl = "https://e.example/"\njsonld = "no"', "jsonld must be a bool"),
    ('[[source]]\nname = "A B"\nkind = "greenhouse"\nurl = "https://e.example/"', "lower-case"),
    ('[[source]]\nname = "a"\nkind = "greenhouse"\nurl = "https://e.example/"\n[[source]]\nname = "a"\nkind = "greenhouse"\n'
     'url = "https://e.example/"', "already used"),
    ('[http]\nretries = "3"', "retries must be a int"),
    ('[[source]]\nname = "a"\nkind = "greenhouse"\nurl = "https://e.example/"\nmin_delay = -1', "min_delay"),
    ('nonsense = [', "not valid TOML"),
    ('[http]\nallowed_hosts = ["localhost"]', "is not host:port"),
    ('[http]\nallowed_hosts = "127.0.0.1:8000"', "list of"),
])
def test_config_errors_are_clear(tmp_path, toml, message):
    path = tmp_path / "s.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_repository_sources_file_is_valid_and_honours_terms():
    from scrapers import adapters

    config = load_config()
    by_kind = {}
    for s in config.sources:
        by_kind.setdefault(s.kind, []).append(s)
        assert s.kind in adapters.KINDS, f"{s.name}: unknown kind {s.kind}"
    for kind in ("greenhouse", "lever", "ashby", "workable", "smartrecruiters", "recruitee", "remoteok",
                 "remotive", "himalayas", "jobicy", "arbeitnow", "feed", "jsonfeed", "jsonld", "page"):
        assert kind in by_kind, f"no example source of kind {kind}"
    for kind in ("remotive", "jobicy"):
        assert all(not s.jsonld for s in by_kind[kind]), f"{kind} forbids pushing its jobs to Google"
    assert any(not s.reuse_allowed for s in config.sources)
    for s in config.sources:
        assert s.attribution, f"{s.name}: attribution missing"
    # Watched programme pages: at least 5 real ones, each naming who runs the programme.
    pages = [s for s in by_kind.get("page", []) if s.enabled]
    assert len(pages) >= 5 and all(s.organization and s.name.startswith("page-") for s in pages)
    assert all(not s.url.startswith("http://") and ".example" not in s.url for s in pages)
    # No demonstration board of a large company is fetched: enabled ATS sources are real rows.
    for kind in ("greenhouse", "lever", "ashby", "workable", "smartrecruiters"):
        for s in by_kind[kind]:
            assert s.organization, f"{s.name}: an ATS board names its employer"
            assert "anthropic" not in s.url and "spotify" not in s.url, f"{s.name}: not a micro-internship source"


def test_an_employer_board_is_one_row_of_the_employers_table(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(textwrap.dedent('''
        [employers]
        boards = [
          { ats = "greenhouse", board = "acmecoop", organization = "Acme Co-op" },
          { ats = "smartrecruiters", board = "AcmeLabs", organization = "Acme Labs", enabled = false },
          { ats = "lever", board = "acme", organization = "Acme", name = "acme-projects", min_delay = 3 },
        ]
    '''))
    gh, sr, lever = load_config(path).sources
    assert (gh.name, gh.kind, gh.url) == ("greenhouse-acmecoop", "greenhouse",
                                          "https://boards-api.greenhouse.io/v1/boards/acmecoop/jobs")
    assert gh.attribution == "Posted on Acme Co-op's careers board (Greenhouse)" and gh.organization == "Acme Co-op"
    assert gh.link_back and gh.jsonld and gh.enabled
    assert (sr.name, sr.min_delay, sr.enabled) == ("smartrecruiters-acmelabs", 2.0, False)
    assert sr.url == "https://api.smartrecruiters.com/v1/companies/AcmeLabs/postings"
    assert (lever.name, lever.min_delay, lever.url) == ("acme-projects", 3.0, "https://api.lever.co/v0/postings/acme")


@pytest.mark.parametrize("rows, message", [
    ('{ ats = "greenhouse", board = "a" }', "missing required key 'organization'"),
    ('{ ats = "myspace", board = "a", organization = "A" }', "ats must be one of greenhouse"),
    ('{ ats = "page", board = "a", organization = "A" }', "ats must be one of"),
    ('{ ats = "lever", board = "a/../b", organization = "A" }', "board must be"),
    ('{ ats = "lever", board = "a", organization = "A", min_dealy = 2 }', "min_dealy"),
    ('{ ats = "lever", board = "a", organization = "A", jsonld = "no" }', "jsonld must be a bool"),
])
def test_employer_rows_are_checked_like_sources(tmp_path, rows, message):
    path = tmp_path / "s.toml"
    path.write_text(f"[employers]\nboards = [{rows}]\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert message in str(err.value) and "employer board #1" in str(err.value)


def test_an_employer_row_cannot_reuse_a_source_name(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[employers]\nboards = [{ ats = "lever", board = "acme", organization = "Acme" }]\n'
                    '[[source]]\nname = "lever-acme"\nkind = "lever"\nurl = "https://api.lever.co/v0/postings/acme"\n')
    with pytest.raises(ConfigError, match="already used by source #1"):
        load_config(path)
