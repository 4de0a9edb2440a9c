"""Curation: which scraped records are real micro-internships, and why each one is or is not.

The base rate in real job data is close to zero, and one full-time job on the board costs
more trust than a missed micro-internship, so every rule here errs towards rejecting; but a
record that is a micro-internship in every fact except one that is merely *missing* goes to a
person (the review queue, ``scrapers.review``) instead of being silently lost.

Facts first, then rules. :class:`Facts` is the one extraction step: total hours (stated, a
fitting track of several, or per week x a bounded number of weeks), pay (amount, currency,
unit, kind, or "stated without an amount"), remote (fields and words, and which won),
audience, the employment type of *this* role (sentences about a later job, staff benefits or
full-time enrolment are set aside), and who pays whom; each with the words it was read from.
The rules are one table (:data:`RULES`): rows of (reason code, description, test), tried in
order on the facts. A test returns a detail string to reject, or a :class:`Missing` detail
when a fact is only absent. A record no row rejects is built into an Entry
(``scrapers.normalize``), which must also pass ``board.entry.check``; then it is kept with
``KEPT_MICRO``. Maintainers can override any of this per posting, per URL, per organization or
per source in ``scrapers/curation.toml`` (see that file), and a source may relax two rules in
its ``curation`` table in ``sources.toml``::

    curation = { assume_remote = true, require_students = false }
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from board import vocabulary as vocab
from board.identity import url_key
from board.entry import Compensation, Entry, Hours, HOURS_MAX, HOURS_MIN, check, parse_datetime
from board.policy import Policy

from . import extract, normalize
from .record import RawRecord, SourceConfig

DEFAULT_PATH = Path(__file__).resolve().parent / "curation.toml"

#: Every reason a decision can carry, for --explain and the run summary.
REASONS: dict[str, str] = {
    "KEPT_MICRO": "paid, remote, 5-40 total hours, pay above the floor: a micro-internship",
    "FORCED_INCLUDE": "kept because curation.toml force-includes it",
    "EXCLUDED_BY_CURATION": "excluded by curation.toml",
    "HIDDEN_BY_CURATION": "hidden by curation.toml (until a date, or until the row is removed)",
    "REJECT_NOT_A_POSTING": "not something a student can apply to (news, explainer, employer-facing page, no title)",
    "REJECT_BAD_URL": "no http(s) link to apply or to read the posting",
    "REJECT_UNPAID": "pay is not guaranteed (volunteer, unpaid, credit, commission, equity, success fee)",
    "REJECT_INTERVIEW_TASK": "the 'paid project' is a step of a hiring process",
    "REJECT_PER_PIECE": "per-piece gig work (per article, AI rating), not a student project",
    "REJECT_FULL_TIME": "full-time, permanent or salaried employment",
    "REJECT_ONGOING": "ongoing, open-ended or part-time position rather than one project",
    "REJECT_NOT_REMOTE": "not explicitly remote (on-site, hybrid, or no remote wording)",
    "REJECT_TOO_LONG": "more than 40 total hours, or a long term (months, a semester)",
    "REJECT_WEEKLY_OPEN_ENDED": "weekly hours without a fixed duration to multiply them by",
    "REJECT_HOURS_UNKNOWN": "no amount of work stated",
    "REJECT_TOO_SHORT": "fewer than 5 total hours",
    "REJECT_NOT_FOR_STUDENTS": "nothing aims it at students or recent graduates",
    "REJECT_NO_PAY_SIGNAL": "no usable amount of pay (hourly rate or fixed fee) stated",
    "REJECT_BELOW_PAY_FLOOR": "effective hourly pay below the board's floor for its currency",
    "REJECT_EXPIRED": "the application deadline has passed",
    "REJECT_INVALID": "the normalized entry fails the board's entry rules",
    "REJECT_STUDENT_PAYS": "the student pays a fee, tuition or subscription: that is a product, not pay",
    "REJECT_EXPERIENCED": "asks for years of professional experience or a senior level, not students",
    "REVIEW_PAY_UNSTATED": "a micro-internship in every other fact, but pay is said without an amount (or not at all): "
                           "a person checks",
    "REVIEW_HOURS_UNSTATED": "a micro-internship in every other fact, but the amount of work is not stated: a person checks",
    "REVIEW_REMOTE_UNSTATED": "a micro-internship in every other fact, but neither remote nor on-site is said: a person checks",
    "REVIEW_ORG_UNKNOWN": "a micro-internship in every other fact, but the source does not say who offers it: a person checks",
    "REVIEW_CONFLICT": "a micro-internship by its stated hours, pay and audience, but one phrase or field says otherwise "
                       "(about another role, time or people, or a field the text contradicts): a person checks both",
}

#: The three outcomes of a decision. A review record is never published; it waits in the queue.
OUTCOMES = ("keep", "review", "reject")


@dataclass(frozen=True)
class Decision:
    """What curation said about one record: the outcome, the rule's code, and the facts behind it.

    ``outcome`` also accepts True/False (keep/reject), so callers written before the review
    queue existed keep working; ``keep`` stays a property for them.
    """

    outcome: str  # "keep", "review" or "reject" (see OUTCOMES)
    reason: str  # a key of REASONS
    detail: str = ""  # what in the record decided it, quoted where possible
    entry: Entry | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # the extracted facts (Facts.report)
    evidence: dict[str, str] = field(default_factory=dict)  # the words each fact was read from
    error: str = ""  # "TypeError: …" when curation raised for this record (reason "curation-error")

    def __post_init__(self) -> None:
        if isinstance(self.outcome, bool):
            object.__setattr__(self, "outcome", "keep" if self.outcome else "reject")
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, not {self.outcome!r}")

    @property
    def keep(self) -> bool:
        return self.outcome == "keep"


# ---- the maintainers' curation file ---------------------------------------------------


@dataclass(frozen=True)
class Override:
    """One row of curation.toml: selectors (all given must match) and, for includes, facts."""

    id: str | None = None  # "source-name:source-id"
    source: str | None = None  # source name
    url: str | None = None  # posting or apply URL
    organization: str | None = None  # compared by slug: "ACME Inc." == "acme-inc"
    reason: str = ""
    until: datetime | None = None  # hide rows only
    hours: Hours | None = None  # include rows: when the text does not say
    pay: Compensation | None = None

    def matches(self, record: RawRecord, source: SourceConfig) -> bool:
        if self.id is not None and self.id != f"{source.name}:{normalize.as_text(record.source_id)}":
            return False
        if self.source is not None and self.source != source.name:
            return False
        if self.url is not None and _url_key(self.url) not in {
                _url_key(normalize.as_text(record.url)), _url_key(normalize.as_text(record.apply_url))}:
            return False
        if self.organization is not None:
            org = normalize.as_text(record.organization) or normalize.as_text(source.organization)
            if vocab.slugify(self.organization) != vocab.slugify(org):
                return False
        return True


@dataclass(frozen=True)
class CurationRules:
    include: tuple[Override, ...] = ()
    exclude: tuple[Override, ...] = ()
    hide: tuple[Override, ...] = ()


def _url_key(url: str) -> str:
    return url_key(url)


_ROW_KEYS = {"id", "source", "url", "organization", "reason", "until", "hours", "pay"}


def _override(row: Any, section: str, index: int) -> Override:
    where = f"curation.toml [[{section}]] #{index + 1}"
    if not isinstance(row, dict):
        raise ValueError(f"{where}: expected a table")
    unknown = set(row) - _ROW_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_ROW_KEYS))})")
    if not any(row.get(k) for k in ("id", "source", "url", "organization")):
        raise ValueError(f"{where}: needs at least one of id, source, url, organization")
    hours = pay = until = None
    if "hours" in row:
        h = row["hours"]
        if not (isinstance(h, list) and len(h) == 2 and all(isinstance(x, int) for x in h)):
            raise ValueError(f"{where}: hours must be [min, max] total hours, e.g. [15, 20]")
        hours = Hours(*h)
    if "pay" in row:
        p = row["pay"]
        if not isinstance(p, dict) or not {"min", "currency"} <= set(p):
            raise ValueError(f'{where}: pay must be {{ min = 600, max = 600, currency = "USD", unit = "total" }}')
        currency = vocab.canonical_currency(str(p["currency"]))
        if currency is None:
            raise ValueError(f"{where}: unknown currency {p['currency']!r}")
        pay = Compensation(float(p["min"]), float(p.get("max", p["min"])), currency, str(p.get("unit", "total")))
    if "until" in row:
        value = row["until"]
        until = parse_datetime(value, end_of_day=isinstance(value, date) and not isinstance(value, datetime))
    return Override(id=row.get("id"), source=row.get("source"), url=row.get("url"), organization=row.get("organization"),
                    reason=str(row.get("reason", "")), until=until, hours=hours, pay=pay)


def load_rules(path: Path | str | None = None) -> CurationRules:
    """Read curation.toml; a missing file means no overrides. Mistakes raise ValueError with the row."""
    p = Path(path) if path else DEFAULT_PATH
    if not p.exists():
        return CurationRules()
    data = tomllib.loads(p.read_text(encoding="utf-8"))
    unknown = set(data) - {"include", "exclude", "hide"}
    if unknown:
        raise ValueError(f"curation.toml: unknown section(s) {', '.join(sorted(unknown))} (known: include, exclude, hide)")
    return CurationRules(**{
        section: tuple(_override(row, section, i) for i, row in enumerate(data.get(section, [])))
        for section in ("include", "exclude", "hide")
    })


# ---- what the rules look at ---------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One extracted fact: its value and the words it was read from (for --explain and the queue)."""

    value: Any
    quote: str = ""
    by: str = ""  # where it came from: "field", "location", "text", "track", …


#: Sentences that use "full-time" (or staff benefits) about something other than this role:
#: a later job (the path to conversion), the employer's staff benefits, the student's enrolment.
_LATER_ROLE = re.compile(r"\b(?:later|future|eventual\w*|may lead|could lead|can lead|might lead|leads? to|lead into"
                         r"|path(?:way)?s?|convert\w*|conversion|potential(?:ly)?|possib\w+|top performers|pipeline"
                         r"|consider\w* for|consideration for|down the road|afterwards|after (?:the|this|completion|a successful"
                         r"|successful)|following (?:the|completion|a successful)|stand-?out|strong performers|return offer"
                         r"|chance (?:of|at|to)|may be offered|could be offered|might be offered|may receive an offer"
                         r"|(?:have |has )?hired (?:\w+ ){0,2}(?:past|former|previous|our best|our top)"
                         r"|(?:past|former|previous) (?:micro-?)?interns|(?:can|could|may|might) (?:turn|grow) into"
                         # the student's own career goal: "as you look for the right full-time role"
                         r"|seek\w*|search\w* for|look(?:ing)? for (?:the right|a|your)|land(?:ing)? (?:a|your)|launch\w*"
                         r"|after graduation|upon graduation|post-graduation|once you graduate|after (?:you|they) graduate"
                         # a later hiring step or intake: "invited to interview for our full-time new grad program",
                         # "fast-tracked to final-round interviews for our 2027 full-time analyst class",
                         # "we make a full-time offer", "micro-internship → full-time", "if it goes well"
                         r"|invit\w* to (?:interview|apply|join)|interview\w* for|fast-?track\w*|recruit\w*|→|->"
                         r"|full[- ]?time (?:job |employment |return )?offers?|offers? (?:of|for) (?:a )?full[- ]?time"
                         r"|full[- ]?time (?:[\w&-]+ ){0,3}(?:class|intake|new[- ]grads?|graduate (?:program|programme|scheme))"
                         r"|if (?:it|this|things|all|the (?:project|work)) goes? well|who (?:impress|excel|do (?:great|well|good))"
                         r"|if you (?:impress|excel|do (?:great|well))|separate from this"
                         # said not to be full-time: "without the full-time requirement", "not a full-time job"
                         r"|without (?:the |a )?full[- ]?time|not (?:a |the )?full[- ]?time|no full[- ]?time|unlike (?:a )?full[- ]?time"
                         r"|instead of (?:a )?full[- ]?time|rather than (?:a )?full[- ]?time)\b"
                         r"|(?:→|->|=>|⇒)\s*(?:an? )?(?:paid )?full[- ]?time")
_STAFF_BOILERPLATE = re.compile(r"\b(?:full[- ]?time|permanent|salaried|regular) (?:[\w-]+ )?(?:employees|staff|team ?members"
                                r"|colleagues|hires|workers|positions|roles|people|team|associates|analysts|engineers)\b|\b(?:our|all) (?:employees|staff|team members)"
                                r" (?:enjoy|receive|get|are eligible|have access)"
                                # what the employer's staff get, of any kind: "our full-time and part-time staff are
                                # covered by our enterprise agreement", "our permanent colleagues enjoy 25 days' holiday"
                                r"|(?:\b(?:our|all|its|their)|(?<=\w)(?:'s|’s)) (?:[\w-]+ (?:and|or|&|/) )?(?:[\w-]+ ){0,2}?(?:employees|staff|team ?members"
                                r"|colleagues|workers|workforce|personnel|people|consultants|associates|engineers|analysts|developers"
                                r"|designers|lawyers|advisors|researchers)\b (?:are |is )?(?:also |all )?(?:enjoy|receive|get"
                                r"|covered|eligible|entitled|offered|have access|benefit|qualify|accrue)"
                                # named by the employer or their kind: "Full-time Mesa Verde employees receive …",
                                # "Employees at Northstar receive equity …", "Store and office team members enjoy …"
                                r"|\b(?:full[- ]?time|permanent|salaried|regular) (?:[\w&-]+ ){0,3}(?:employees|staff|team members"
                                r"|colleagues|associates) (?:also )?(?:enjoy|receive|get|are eligible|have access|are offered)"
                                r"|\b(?:employees|staff|team members|colleagues) (?:at|of) (?:[\w&.-]+ ){1,3}(?:also )?(?:enjoy|receive"
                                r"|get|are eligible|have access|are offered)"
                                r"|\b(?:[\w-]+ (?:and|or|&) [\w-]+ )?(?:team members|employees|associates|staff members) (?:also )?(?:enjoy"
                                r"|receive|get|are eligible for|have access to|are offered)\b"
                                # the employer's own arrangement: "Our headquarters in Grand Rapids operates on a hybrid schedule"
                                r"|\b(?:our|the company's|the firm's) (?:headquarters|hq|head office|offices?|company|firm|teams?|staff)\b"
                                r"[^.]{0,60}?\b(?:operates?|works?|runs?|is|are) (?:on |in )?(?:a )?hybrid\b"
                                # the employer described: "we are a full-time, remote-first company of 90 people"
                                r"|\bfull[- ]?time,? (?:(?!(?:role|position|job|internship|contract|gig|at|in|with|for|to)\b(?!-))[\w-]+,? ){0,3}"
                                r"(?:company|firm|studio|agency|startup|start-up|organi[sz]ation|nonprofit|non-profit|business"
                                r"|collective|practice|workforce|crew|team)\b"
                                # perks named as the staff's: "Employee benefits include medical, dental and vision",
                                # "we offer employees a 401(k)", "Perks for employees include catered lunch"
                                r"|\b(?:employee|staff) (?:benefits|perks) (?:include|includes|are|:)|\bperks for (?:employees|staff)"
                                r"|\bwe (?:offer|give|provide) (?:our |all )?(?:[\w-]+ )?(?:employees|staff|team members)\b"
                                # a list of the employer's other openings: "Also hiring at Portage: Senior Product Manager
                                # (full-time, Ottawa)", "We're also hiring (full-time, on-site in Boston): …"
                                r"|\balso hiring\b|\bother (?:open )?(?:openings|roles|positions|vacancies|jobs)\b")
#: The sentence goes on about this role's own workplace or hours: "Our team works on a hybrid schedule
#: and you'd join us in the office 2 days a week" is not only about the staff.
_THIS_ROLE_AFTER = re.compile(r"\b(?:you|you'd|you'll|your|this (?:role|project|position|job|gig|(?:micro-?)?internship)|the role"
                              r"|(?:micro-?)?interns?)\b[^.;]*?\b(?:office|hybrid|on-?site|in person|in-person|full[- ]?time"
                              r"|permanent|studio|days? a week)\b")


def _staff_only(sentence: str) -> bool:
    """The sentence is about the employer's staff (:data:`_STAFF_BOILERPLATE`), not also this role's workplace."""
    m = _STAFF_BOILERPLATE.search(sentence)
    return bool(m) and not _THIS_ROLE_AFTER.search(sentence, m.end())


_ENROLMENT = re.compile(r"\b(?:enrol(?:l)?ed|enrol(?:l)?ment|registered|studying|study)\b[^.]{0,30}\bfull[- ]?time\b"
                        r"|\bfull[- ]?time\b[^.]{0,10}\b(?:students?|enrol\w*|stud(?:y|ies)|degree|course|program)\b")
#: Substrings one of which every other-role sentence holds: a cheap test before the regexes.
_FT_WORDS = ("full-time", "full time", "fulltime", "permanent", "benefit", "401", "dental", "insurance", "pto",
             "paid time off", "salaried", "werkstudent", "working student", "student assistant", "part-time", "hybrid",
             "vacation", "enjoy", "receive")
_DELIMITERS = (". ", "! ", "? ", "; ", " \u2022 ", " - ", " * ")
#: A list of the employer's other openings begins: its items' "(full-time, permanent)" are theirs, not this role's.
_OTHER_OPENINGS = re.compile(r"\b(?:also hiring|other (?:open )?(?:openings|roles|positions|vacancies|jobs)|(?:more|current) openings"
                             r"|open roles|open positions|we(?:'re| are) hiring for)\b")

#: Pay said without a number ("paid", "a stipend on completion", "payment after the final deliverable").
_PAY_WORDS = re.compile(r"\b(?:paid\b(?!\s+(?:time off|leave|holidays?|vacation|sick|parental|family|search|ads|media"
                        r"|social|acquisition|plan|subscription|tier|version|users?|customers?|app|tools?|trial))"
                        r"|stipends?|honorari(?:um|a)|compensated|compensation|payment|fixed fee|flat fee|project fee"
                        r"|remunerat\w+|vergütung|bezahlt)")
#: Pay said without an amount in the writer's language: "mission rémunérée", "indemnisation selon profil",
#: "Vergütung nach Absprache", "vergoeding in overleg", "remuneración a convenir", "retribuzione da concordare",
#: "honorário", "dibayar" / "berbayar" (Indonesian, Malay), "compensation to be agreed".
_PAY_ABROAD = re.compile(r"\b(?:r[ée]mun[ée]r\w+|indemnis\w+|indemnit[ée]s?|gratification|vergoeding|betaalde?|vergüt\w*|honorar\w*"
                         r"|entlohn\w*|bezahlung|retribu\w+|remunera\w+|compens(?:o|azione|aci[óo]n|a[çc][ãa]o)|pagad[oa]s?|pagat[oa]"
                         r"|dibayar|berbayar|imbalan|elaun|compensation (?:to be|will be) (?:agreed|discussed|set)|to be agreed)\b")
#: Denied just before: "non rémunérée", "sin remuneración", "niet betaald", "tidak dibayar", "ohne Vergütung".
_PAY_ABROAD_DENIED = re.compile(r"(?:\b(?:non|no|not|sans|sin|sem|senza|niet|geen|zonder|tidak|tanpa|ohne|keine?|un|without|zero"
                                r"|aucune?|nessun[ao]?|ningun[ao]?|nenhum[ao]?)\b|\bpas d(?:e |'))[- ]?"
                                r"(?:\s*(?:è|e|est|ist|is|es|é|are|sont|sind|wordt|will be|sera|será|wird)\b)?\s*$")
#: Paid in something that is not money, just after the pay word: "rémunération : BSPCE (equity) uniquement",
#: "remuneração: 0,1% em opções de ações", "Vergütung: 5 ECTS", "riconoscimento di 2 CFU".
_NOT_MONEY_AFTER = re.compile(r"[^.]{0,40}?\b(?:equity|stake|bspce|stock|shares|options?|opções|ações|actions|aktien|anteile|cfu|ects"
                              r"|credits?|crédits|crediti|créditos|exposure|visibilit\w+)\b"
                              # denied after the word: "eine Vergütung ist leider nicht vorgesehen", "n'est pas prévue"
                              r"|\s+(?:ist|wird|is|n'est|no es|não é|non è) (?:leider |unfortunately |malheureusement )?(?:nicht|not|pas|none)"
                              r" (?:vorgesehen|möglich|provided|offered|available|prévue?|disponible)\b")


def _pay_word_abroad(text: str, pattern: re.Pattern[str] = _PAY_ABROAD) -> str | None:
    """The first pay word of ``pattern`` that nothing just before denies and that is not followed by equity
    or credits, with its context."""
    for m in pattern.finditer(text):
        if _PAY_ABROAD_DENIED.search(text, max(0, m.start() - 16), m.start()) or _NOT_MONEY_AFTER.match(text, m.end()):
            continue
        return text[max(0, m.start() - 30): m.end() + 30].strip()
    return None


#: Substrings one of which every student-pays phrase holds: a cheap test before the regex.
_PAYS_WORDS = ("tuition", "fee", "membership", " kit", "cost", "charge", "subscri", "pay", "financial aid", "scholarship", "enrol", "price",
               " buy ", "purchase",
               "pricing", "per student", "per participant", "per seat", "per learner", "access", "deposit", "registration",
               "admission", " to participate", " to join", " to register", "sign up", "/month", " a month", "premium", "pro (")
#: Money the student pays: a fee, tuition or subscription is a product, not pay.
_STUDENT_PAYS = re.compile(r"\b(?:(?<!collect )(?<!collecting )(?<!collects )(?<!process )(?<!processing )(?<!bill )(?<!billing )"
                           r"tuition(?! (?:reimburse\w*|assistance|support|benefits?|remission|waiver|payments? (?:for|from|of)"
                           # the employer's trade: "Tamarind Tutors (tuition centre, Tampines)"
                           r"|cent(?:re|er)s?|business|agency|company|classes|teachers?|tutors?|industry|sector|provider))|(?:program|programme|participation|enrol(?:l)?ment|registration|application|course"
                           r"|placement|membership|admission|access|booking|service|onboarding|matching|admin|administration|administrative)"
                           r"(?: (?:and|&|/) [a-z]+)? (?:fees?|costs?|charges?)\b"
                           # a subscription only with its price or its subscriber: "Subscription: $149 per month",
                           # "a $49 monthly subscription", not "subscription data" or "we sell bread subscriptions"
                           r"|subscription (?:fees?|plans?|prices?|costs?)\b|subscription\s*(?:of|:|at|for)\s*(?:only |just )?"
                           r"(?:[$€£₹]|usd|eur|gbp)?\s?\d|(?:[$€£₹]|usd |eur |gbp )\d[\d,.]*\s*(?:(?:/|per|a)\s*month\s*|monthly\s*)?subscription"
                           r"|(?:monthly|annual|yearly|paid|required) subscription (?:to|for|is required|required)"
                           # a membership with its price: "Membership €19/month", "membership fee of $29"
                           r"|membership\s*(?:fees?\s*)?(?:of|:|at|is|costs?)?\s*(?:only |just )?(?:[$€£₹]|usd |eur |gbp )\d"
                           # the price in brackets after what is enrolled in: "Enrol in our virtual internship (€199)";
                           # not the pay said the same way ("sign up for the project ($400 stipend)")
                           r"|(?:enrol(?:l)?|sign up)\w*\b[^.()]{0,60}\(\s*(?:[$€£₹]|usd |eur |gbp )\d[\d,.]*\s*\)"
                           r"|subscribe (?:for|to (?:join|access|take part|the programme|the program))"
                           # a paid plan needed to apply, its price by the month in brackets: "activate Pro (₹499/month)
                           # to submit your application", "matching is part of Launchwise Plus, our career membership
                           # (£12.99 a month)"
                           r"|(?:activate|upgrade to|join|get|buy|need|needs|requires?|part of|included in|only (?:with|on|for))"
                           r" (?:[\w'’-]+,? ){0,5}?(?:pro|plus|premium|membership|plan|subscription|tier)\s*\(\s*(?:[$€£₹]|rs\.?\s?"
                           r"|inr\s?|usd\s?|eur\s?|gbp\s?)\d[\d,.]*\s*(?:/|a|an|per)\s*(?:month|mo|year|yr|week)\b"
                           # a kit or licence the student buys: "participants purchase a $49 starter kit", "each participant purchases our Starter Kit"
                           r"|(?:you|students?|participants?|interns?|applicants?) (?:will )?(?:need to |must |have to |are required to"
                           r" |are expected to |first )?(?:buys?|purchases?) (?:a|an|the|your own|their own|our) (?:[$€£₹]?[\w-]+ ){0,2}(?:kit|licen[cs]e"
                           r"|course|package|materials?|starter|bundle|seat|ticket|membership|subscription|toolkit|equipment|access)"
                           r"|(?:you|students?|participants?|interns?|applicants?) (?:will )?"
                           # not "pay close attention", "pay tribute", "pay nothing"
                           r"(?:pay|pays|are charged|is charged|must pay|need to pay|cover)\b(?!\s+(?:(?:close|careful|special|extra"
                           r"|particular|great|full|more)\s+)?attention|\s+(?:tribute|respect|homage|off\b|dividends|for nothing|nothing"
                           r"|a visit|us a visit))|costs? (?:you|students?|"
                           r"participants?)|pay (?:us\b(?! ?(?:\$|dollars?|students?|based|residents?|citizens?|interns?|applicants?|\d|a visit))|a fee|the fee|to join|to participate)|per month to (?:join|access)"
                           r"|(?:financial aid|scholarships?) (?:is|are) available|payment plans? (?:is |are )?available"
                           # (not "a deposit" alone: "saving for a deposit" is a subject of the work)
                           r"|(?:pay|make|place|refundable|non-refundable) (?:a )?(?:[$€£]?\d[\d,.]* )?deposit|\ba [$€£]\d[\d,.]* deposit"
                           # a price: "Enrollment: $299", "Price: $199 per student", "$99 to participate"
                           r"|(?:enrol(?:l)?ment|registration|price|pricing|cost|tuition|admission|membership)\s*:"
                           # a kit to start: "get started with the $49 starter kit"
                           r"|(?:get started|start|begin|join) with (?:the|a|our) (?:[$€£]\d[\d,.]* )(?:starter )?(?:kit|pack|bundle)"
                           r"|(?:price|cost|fee|tuition)[^.]{0,20}\bper (?:student|participant|seat|learner)\b)"
                           r"|(?:[$€£]|\b(?:usd|eur|gbp|cad|aud)\s?)\d[\d,.]*\s+(?:to (?:participate|join|enrol\w*|register|apply"
                           r"|access)\b|for (?:access|enrol\w*|registration)\b|for the (?:course|programme|program|bootcamp|certificate)\b"
                           # the course is what is bought, not a word of the work ("$400 for the course audit")
                           r"(?!\s+(?!(?:and|or|plus|including|itself|fees?|which|that|is|are|was|to|of|in|at|for|with)\b)[a-z])"
                           r"|(?:gives|buys|grants) (?:you )?access)")
#: The employer's own business or someone else's money, just before a fee word: "our subscription plans",
#: "competitors' delivery fees", "we sell monthly subscriptions". The payer there is not the student.
_OTHERS_MONEY = re.compile(r"(?:\b(?:our|their|its|we (?:sell|offer|run|charge)|customers?'?|clients?'?|users?'?|members?'"
                           r"|competitors?'?|subscribers?'?|shops?'?|merchants?'?|businesses'?)\s+(?:[\w'-]+\s+){0,3})$")
#: The employer as the payer just before "pay …": "we pay a fee", "the studio will pay us-based students".
_EMPLOYER_PAYS = re.compile(r"\b(?:we|we'll|we'd|us|i|the (?:company|client|employer|studio|team|firm|organi[sz]ation))"
                            r"(?: (?:will|would|can|shall|also|then|happily|gladly|always|do))?\s*$")
_EXPERIENCED = re.compile(r"\b(?:[3-9]|1\d|20)\+? ?(?:-|to)? ?(?:\d+ )?(?:or more |or over |plus )?(?:years?|yrs?)'?s?(?: of)?(?: [a-z/+-]+){0,3}"
                          r" (?:experience|exp)\b|\b(?:[3-9]|1\d)\+?(?: or more| or over| plus)? (?:years?|yrs?) (?:hands-on )?(?:in|working|as|building|leading)\b"
                          # a field's years with no "experience" ("four or more years of hands-on paid social management",
                          # "six or more years of professional auditing": number words are digits by now)
                          r"|(?<!for )(?<!over )(?<!since )\b(?:[3-9]|1\d|20)(?:\+| or more| or over| plus) ?(?:years?|yrs?)'? (?:of )?"
                          r"(?:[a-z/+-]+ ){0,2}?(?:hands-on|professional|industry|relevant|commercial|practical|proven)\b"
                          r"|\b(?:seasoned|experienced) (?:professionals?|freelancers?|consultants?|practitioners?|marketers?"
                          r"|engineers?|developers?|designers?|writers?|analysts?|hires?)\b|\b(?:you are|you're|as) an? (?:senior|seasoned)\b"
                          # not the year of study: "if you're a senior in college", "as a senior or junior"
                          r"(?! (?:in|at) (?:college|university|school|high school|your|the)|,? (?:or|and) (?:a )?(?:junior|sophomore)"
                          r"| (?:undergrad\w*|student|studying|majoring|year)\b| -)"
                          r"|\b(?:mid|senior)[- ]level (?:role|position|candidates?|professionals?|engineers?|hire)\b"
                          # "N+ years" with a field and no "experience": "15+ years of finance leadership",
                          # "10+ years systems programming", "(5+ years, Liquid)"; not "for 10+ years we have..."
                          r"|(?<!for )(?<!over )(?<!since )\b(?:[3-9]|1\d|20)\+ ?(?:years?|yrs?)\b(?! (?:ago|old|of (?:history|operation"
                          r"|service|business))\b)")
_EXPERIENCED_TITLE = re.compile(r"\b(?:senior|sr\.?|principal|head of|director|vp|chief|staff (?:engineer|software|data|product"
                                r"|designer|scientist|researcher)|lead (?:engineer|developer|designer|data|scientist|analyst))\b")
#: More wordings of the same rules, as rows of (needles, pattern, before): a row runs only on a
#: record holding one of its needles; its pattern opens with literal text, so the regex engine
#: skips to candidates instead of trying every position (folded into the big alternations these
#: cost a tenth of a millisecond a record); ``before``, if given, must match the words just before
#: the hit, and a ``before`` opening with "!" must not ("no management experience").
_Extra = tuple[tuple[str, ...], "re.Pattern[str]", "re.Pattern[str] | None", bool]


def _extras(*rows: tuple[tuple[str, ...], str, str | None]) -> tuple[_Extra, ...]:
    return tuple((needles, re.compile(pattern), re.compile(before.lstrip("!") + r"\s*$") if before else None,
                  bool(before and before.startswith("!"))) for needles, pattern, before in rows)


_YEARS = r"(?:[3-9]|1\d)\+? (?:years?|yrs?)"
#: Years of study, not of work: "at least 3 years of your bachelor's degree", "3 years of university".
_NOT_STUDY_YEARS = (r"(?! (?:study|studies|university|college|school|undergrad\w*|coursework|(?:your |a |an |the )?(?:bachelor|master"
                    r"|degree|studies|course|programme|program)\w*))")
_EXPERIENCED_MORE = _extras(
    # "must have a PhD and 3 years of postdoctoral research"
    (("years of", "yrs of"), rf"{_YEARS} of\b{_NOT_STUDY_YEARS}",
     r"\b(?:must have|you have|you've|requires?|required|minimum(?: of)?|at least)\b[^.]{0,40}"),
    # "3+ years writing professionally" (not "4 years studying")
    (("years ", "yrs "), rf"{_YEARS} (?!studying|learning|attending)[a-z]+ing\b", None),
    # "you have led research at a SaaS company for 4+ years"
    (("for ",), rf"for {_YEARS}\b",
     r"\b(?:led|worked|managed|built|run|been|shipped|designed|practi[sc]ed|taught|consulted)\b[^.]{0,60}"),
    (("professionals",), r"(?:working|mid-career) professionals\b", None),
    (("management experience", "managerial experience", "leadership experience"),
     r"(?:management|managerial|leadership) experience\b", r"!\b(?:no|without|any)"),
    (("mba", "phd", "doctorate"), r"(?:with|hold|holds|have|has) an? (?:mba|phd|doctorate)\b", None),
    # "at least 5 years' hands-on FEA", "minimum 4 years in-house": years of work without the word
    # experience (not "at least 3 years of study", "completed at least 2 years of your degree")
    (("at least", "minimum"), rf"(?:at least|minimum(?: of)?) {_YEARS}(?:['’]s?)?(?! (?:of\b|old|ago|left|remaining|into|at (?:uni"
                              r"|university|college)|in (?:your|a|the) (?:degree|programme|program|course)))",
     r"!\b(?:completed|finished|studied|studying|enrolled)\b[^.]{0,12}"),
)
#: Experience said as a track record rather than in years: "you've tuned large Postgres clusters
#: before (we'll ask for examples)", "a proven track record", "deep expertise in". Read only when
#: nothing in the record addresses students ("if you've used Figma before" is a student's too).
_TRACK_RECORD = _extras(
    (("before",), r"you(?:'ve| have) (?:[\w-]+ ){1,7}before\b", r"!\b(?:if|whether|never|not|no need|don't need)\b[^.]{0,20}"),
    (("track record", "portfolio of past", "examples of past", "ask for examples", "references from past"),
     r"(?:proven|strong|demonstrated) track record|(?:portfolio|examples) of (?:your )?past (?:client )?(?:work|projects)"
     r"|ask for examples|references from past clients", None),
    # a professional licence: "requires an active CPA license", "must be a licensed attorney"
    (("licen",), r"(?:requires?|required|must (?:have|hold)|holds?|holding|with) (?:an? |your )?(?:active |current |valid )?"
                 r"(?:[\w-]+ ){0,2}licen[cs]e\b(?! (?:to|for) (?:use|the software|our))|licensed (?:cpa|attorney|lawyer|nurse"
                 r"|engineer|pharmacist|therapist|physician|electrician|architect|accountant|professional)s?\b",
     r"!\b(?:no|not|without|don't need|do not need)\b[^.]{0,15}"),
    (("expertise", "expert "), r"(?:deep|extensive|proven|expert-level|significant) expertise\b|you are an expert\b", None),
    (("extensive experience", "deep experience", "significant experience", "substantial experience"),
     r"(?:extensive|deep|significant|substantial) experience\b", r"!\b(?:no|without|not)\b[^.]{0,15}"),
)
_UNPAID_MORE = _extras(
    # paid per referral or sale: commission by another name
    (("every ", "each "), r"(?:every|each) (?:sign-?up|referral|sale|lead|customer|deal|conversion|install)s?\b",
     r"\b(?:for|per|on)"),
    # "instead of a flat fee, you'll earn a commission on each booking" (not "a $400 fee plus commission")
    (("commission",), r"(?:earn|get|receive|be paid|pay you) (?:an? )?(?:\d+ ?% )?commission (?:on|for|per|of)\b",
     r"!\b(?:plus|in addition|on top|as well as|besides|bonus)\b"),
    # "R350 for every site visit that converts into a signed installation": paid only when someone buys
    (("convert", "closes", "signs up"), r"(?:for|per|on) (?:every|each) (?:[a-z-]+ ){0,3}(?:that|which|who) (?:converts?|closes?"
                                        r"|signs? up|results? in a (?:sale|signed))\b", None),
    # pay in kind: "$500 in Amazon gift cards", "paid in company swag", "$400 in course credits"
    (("gift", "voucher", "credits", "token", "swag", "merch", "points", "coupon"),
     r"(?:gift ?cards?|vouchers?|store credit|credits|tokens|swag|merch\w*|points|coupons?)\b",
     r"\b(?:paid|earn\w*|receive\w*|\d[\d,.]*) in (?:[\w-]+ ){0,2}"),
    (("gift card", "giftcard"), r"gift ?cards? only|only (?:in )?gift ?cards?", None),
    # "You'll earn 15% of every sponsorship deal you close": a commission by another name
    (("% of", "% on", "%of"), r"(?:earn|get|receive|keep|be paid|paid) (?:an? )?\d+ ?% (?:commission )?(?:of|on) (?:every|each|all|any)\b",
     None),
    # no pay in so many words: "we don't pay a fee on top of that", "there's no monetary compensation",
    # "pas de gratification", "un engagement bénévole"
    (("pay a", "pay any", "monetary", "gratification", "rémunération", "bénévol"),
     # the employer the one who does not pay ("students don't pay a fee to apply" is the harmless twin)
     r"\b(?:we|company|organi[sz]ation|employer|client) (?:don't|do not|don’t|won't|will not|cannot|can't|are unable to) pay (?:a |any )?"
     r"(?:fee|stipend|wage|salary|honorarium)\b"
     r"|no monetary (?:compensation|payment|reward|remuneration)|(?:pas de|sans|aucune) (?:gratification|rémunération)"
     r"|(?:engagement|poste|mission|rôle|travail) bénévole|\bbénévolat\b", None),
    # "contributors are rewarded with 5,000 CRDA, our platform's governance token": a token, not money
    (("token",), r"(?:governance|platform|utility|crypto|native|community|reward) tokens?\b",
     r"\b(?:rewarded|reward|paid|pays?|compensat\w*|earn\w*|receive\w*|credited)\b[^.]{0,60}"),
    # pay that depends on being chosen or on results: spec work, a success fee by another name
    (("only if", "only when", " is selected", " is chosen", " is picked", " is accepted"),
     r"(?:payable|paid) only if|only (?:paid|payable) (?:if|when) (?:your|the) (?:design|entry|submission|work|idea)"
     r"|if (?:your|the) (?:design|entry|submission|idea) is (?:selected|chosen|picked|accepted)", None),
    # a spec contest: "only the chosen design is paid", "the winning design gets $500"
    (("only the ", "winning "),
     r"only (?:the )?(?:chosen|selected|winning|accepted|picked) (?:[\w-]+ )?(?:designs?|entry|entries|submissions?|concepts?"
     r"|logos?|ideas?|pitch(?:es)?|proposals?) (?:is|are|will be|gets?|get) paid"
     r"|\bwinning (?:[\w-]+ )?(?:designs?|entry|entries|submissions?|concepts?|logos?|ideas?|pitch(?:es)?|proposals?)"
     r" (?:gets?|receives?|wins?|earns?|is paid|will be paid)\b", None),
    (("on performance", "on results", "to performance", "to results", "performance-based", "performance based"),
     r"(?:pay|payment|compensation) (?:is )?(?:based on|tied to|depends on) (?:performance|results)"
     r"|performance[- ]based (?:pay|payment|compensation)", None),
    (("client pay", "clients pay"), r"(?:when|once|if|after) (?:the|our) clients? pays?\b", None),
)
_EMPLOYEE_MORE = _extras(
    # "a W-2 employee position with benefits" (but "not a W-2 employee" is a contractor)
    (("w-2", "w2 "), r"w-?2 (?:employee|position|role|employment)\b", r"!\b(?:not an?|no)"),
    (("with benefits", "with full benefits"), r"(?:position|role|job) with (?:full )?benefits\b", None),
)
_INTERVIEW_MORE = _extras(
    # the project in an interview's place: "this mini-project replaces a traditional interview: it is the assessment
    # stage for our Junior UX Researcher opening" (not "instead of a cover letter, send …")
    (("replaces", "in place of", "takes the place of", "stands in for", "stage for", "stage of"),
     r"\b(?:replaces|is in place of|takes the place of|stands in for) (?:a|an|the|our) (?:traditional |usual |standard |normal "
     r"|first |technical |formal )?(?:job )?interviews?\b"
     r"|\b(?:assessment|selection|hiring|recruitment|screening) stage (?:for|of) (?:our|the|this|a) (?:[\w-]+ ){0,4}?"
     r"(?:opening|role|vacancy|position|job|hire|programme|program)\b", None),
    # "our process: portfolio review -> a paid work sample (2 hours) -> interviews", "interview is 1 call and a paid project"
    (("paid work sample", "paid sample"), r"paid (?:work )?sample\b", None),
    (("interview is", "interview includes", "interviews are", "process:", "process is", "interview:"),
     r"(?:interviews?|(?:interview|hiring|selection|recruit\w*|application) process)\s*(?:is|are|includes?|consists of|:)[^.]{0,60}"
     r"\bpaid (?:[\w-]+ ){0,2}(?:project|task|assignment|trial|exercise|challenge|take-?home|work sample|case study)\b"
     # a bare "process:" whose paid piece comes before a last conversation: "Process: 30-min intro call, then a paid
     # project (2-3 hours, $150), then a final chat" (not "our process: a short call, then the paid project")
     r"|\bprocess(?: for [\w-]+(?: [\w-]+)?)?\s*(?:is|includes?|consists of|:)[^.]{0,60}\bpaid (?:[\w-]+ ){0,2}(?:mini-|micro-)?(?:project|task|assignment|trial|exercise"
     r"|challenge|take-?home|work sample|case study)\b[^.]{0,60}?(?:\bthen|->|→|followed by) (?:an? |the )?(?:(?:final|last|team"
     r"|founder|ceo|onsite|technical) (?:call|chat|loop|interview|round|conversation|meeting)|interviews?)\b", None),
    # a selection round said in Japanese, Korean or Chinese: "採用の二次選考として", "最終面接", "2차 면접", "채용 과제", "面试"
    (("選考", "面接", "면접", "전형", "채용", "面试", "笔试", "招聘"),
     r"(?:[一二三四]次|最終)(?:選考|面接)|選考(?:の一環|として|課題)|採用(?:選考|課題|試験)|(?:[1-4]차|최종) ?(?:면접|전형)"
     r"|채용 ?(?:과제|전형)|面试|笔试|招聘流程", None),
    # "a paid mini-project (about 8 hours, $320) that doubles as the final round"
    (("doubles as", "serves as", "counts as", "acts as"), r"(?:doubles|serves|counts|acts) as (?:the|our|a|an|your) (?:final |last |second "
                                                         r"|technical |first )?(?:interview|round|stage|assessment|selection test)\b", None),
    # "this task is the final stage of our hiring process"
    # "stage two of our recruitment for a junior designer", "the second step of the selection"
    (("stage of", "step of", "round of", " of our ", " of the "),
     r"(?:(?:final|last|next|second|third|first) (?:stage|step|round)|(?:stage|step|round) (?:one|two|three|four|[1-4]))"
     r" of (?:our |the )?(?:[\w-]+ ){0,3}?(?:hiring|interview|recruit\w*|selection|application|intake)(?! (?:of|for) (?:new |our )?(?:clients?|customers?"
     r"|participants?|volunteers?|users?))\b", None),
    # "o case é a segunda etapa do processo seletivo", "la segunda fase del proceso de selección"
    (("etapa", "fase"), r"(?:etapa|fase) (?:do|del|de) (?:nosso |nuestro )?(?:processo seletivo|processo de sele[cç][aã]o"
                        r"|proceso de selecci[oó]n)", None),
    # "we pay candidates $200 for a 3-hour take-home"
    (("take-home", "take home"), r"(?:pay|paid|compensate) (?:all |our |shortlisted |final )?(?:candidates|finalists"
                                 r"|applicants)\b[^.]{0,80}\btake[- ]home\b(?! pay)", None),
)


#: A stage of hiring named as such: "the final round is a paid project", "candidates who pass the
#: portfolio review are invited", "whether or not we make you an offer", "before the final interview,
#: every shortlisted applicant completes a paid test project".
_HIRING_STAGE = _extras(
    # "our process: a 30-minute call, then a paid project (about 3 hours), then a final loop", in a text about
    # hiring; in a text about the project alone, "the process: a short call, then the paid project" is the work
    (("process", ), r"process(?: for [\w-]+(?: [\w-]+)?)?\s*(?:is|includes?|consists of|:)[^.]{0,60}\bpaid (?:[\w-]+ ){0,2}(?:mini-|micro-)?(?:project|task"
                                 r"|assignment|trial|exercise|challenge|take-?home|work sample|case study)\b", None),
    (("whether or not", "regardless of"), r"(?:whether or not|regardless of whether) (?:we|you) (?:(?:make|extend|get|receive)"
                                          r" (?:you |an? |the )?(?:job )?offer|are (?:offered|hired)|hire (?:you|them)|get (?:the job|hired)"
                                          r"|end up (?:hiring|joining))\b|regardless of (?:the )?(?:hiring )?(?:outcome|decision|result)"
                                          # "we pay for every completed submission, whether or not you progress"
                                          r"|(?:whether or not|regardless of whether) you (?:progress|advance|move (?:forward|on)"
                                          r"|are (?:selected|shortlisted|successful)|make it (?:through|to the (?:next|final)))\b", None),
    # "the strongest submissions are invited to the final panel for the 2027 cohort", "the best ones get invited to
    # interview", "strong submissions move to a panel conversation"
    (("invited to", "move on to", "move to", "progress to", "advance to", "go through to"),
     r"(?:strongest|best|top|successful|shortlisted|strong) (?:\d+ |few )?(?:submissions|candidates|applicants|entries|cases|ones)"
     r"\s+(?:are |will be |get )?(?:invited|move on|move|progress|advance|go through) to (?:an? |the |our )?(?:(?:final|next|last)"
     r" (?:[\w-]+ )?(?:panel|interview|round|stage|assessment|conversation|call|chat)|interviews?|panel (?:conversation|interview))", None),
    # "everyone who passes our CV screen gets a paid coding task", "candidates who cleared the online aptitude round"
    (("who pass", "who clear", "that pass", "who passed", "who cleared", "who got through", "who make it"),
     r"\b(?:everyone|anyone|candidates|applicants|those|people|graduates|students) (?:who|that) (?:pass(?:es|ed)?|clear(?:s|ed)?"
     r"|make it through|got through) (?:the |our |a |an )?(?:[\w-]+ ){0,3}?(?:screen\w*|review|tests?|assessments?|round|stage"
     r"|interview|call)\b", None),
    # "our grad hiring starts with a paid take-home", "our selection has three stages: online tests, a virtual case, …"
    (("starts with", "begins with", "opens with"), r"(?:hiring|recruitment|selection|application|interview) (?:process )?(?:starts"
                                                 r"|begins|opens) with (?:a|an|our) (?:short |small )?paid\b", None),
    (("stages", "steps", "rounds"), r"(?:selection|hiring|recruitment|application|interview) (?:process )?(?:has|involves|consists of"
                                    r"|includes) (?:2|3|4|5) (?:stages|steps|rounds)\b", None),
    (("paid to every", "paid to each", "paid to all"), r"paid to (?:every|each|all) (?:candidates?|applicants?|finalists?)\b", None),
    # "the sprint is step 3 of 4 for our Junior Copywriter vacancy", "if you've been invited to Stage 3", "who reached Stage 3"
    (("step", "stage", "round"), r"\b(?:step|stage|round) (?:\d|one|two|three|four) of (?:\d|three|four|five) (?:for|in|of) (?:our|the|this)\b"
                                 r"|\b(?:invited to|reached|reach|passed|made it to) (?:stage|round|step) (?:\d|one|two|three|four)\b", None),
    # "your deck is then discussed in your final-round interview"
    (("final",), r"\b(?:in|at|during|for|basis of|part of) (?:your|the) final(?:[- ]round)? (?:panel )?(?:interview|panel)\b", None),
    # "£240 for every candidate who submits", "paid to each applicant who completes it"
    (("candidate", "applicant", "finalist"), r"\b(?:for|to) (?:every|each|all) (?:shortlisted )?(?:candidates?|applicants?|finalists?)"
                                             r" (?:who|that) (?:submits?|completes?|finish(?:es)?|takes? part|does|do)\b", None),
    # a selection round in German: "Bezahlte Fallstudie – Auswahlrunde Trainee-Programm", "statt eines Assessment-Centers",
    # "im Auswahlverfahren", "Abschlussgespräch" after a first "Telefoninterview"
    (("auswahl", "assessment-center", "assessment center", "vorstellungsgespr"),
     r"\b(?:auswahlrunde|auswahlverfahren|auswahlprozess|bewerbungsverfahren|statt (?:eines|einem|dem) (?:assessment[- ]?cent(?:er|re)s?"
     r"|vorstellungsgespr\w*)|in die engere auswahl)\b", None),
    # "$200, paid whether or not we go further"
    (("whether or not", "regardless of whether"), r"(?:whether or not|regardless of whether) we (?:go further|proceed|continue|move forward"
                                                  r"|take (?:it|you|things) further)\b", None),
    # "your case study is scored alongside your interview and decides whether we make you an offer"
    (("whether we", "whether you"), r"(?:decides?|determines?|informs?|counts? (?:towards?|in)) whether (?:we|you) (?:make|extend|offer"
                                    r"|get|receive|hire|are (?:offered|hired))\b", None),
    (("round", "stage"), r"(?:final|last|next|second|third|fourth) (?:interview )?(?:round|stage)\s*(?:is|will be|consists of"
                         r"|includes|:|-)\s*(?:a |an |one )?(?:short |small )?(?:paid|compensated)\b"
                         r"|(?:final|last|second|third)[- ]round (?:task|project|exercise|assignment|challenge|case)", None),
    (("who pass", "that pass", "who clear", "who advance", "who make it", "who get through"),
     r"(?:candidates|applicants|finalists|people|graduates|students|those) (?:who|that) (?:pass|clear|advance (?:past|beyond|through)|make it (?:past"
     r"|through)|get through) (?:(?:the|our|a|an) (?:[\w-]+ ){0,2}(?:review|screen\w*|interview|round|stage|call|tests?|assessments?)|(?:stage|round) (?:\d|one|two))[^.]{0,80}?"
     r"\b(?:invited|(?:final|next|last) (?:stage|round|step)|paid (?:[\w-]+ ){0,2}(?:project|task|exercise|trial|assignment|case))", None),
    (("shortlisted", "short-listed", "finalists", "final candidates"),
     r"(?:short-?listed (?:candidates?|applicants?)|finalists|final candidates)\s+(?:[\w-]+\s+){0,8}?(?:completes?|does|do|takes?"
     r"|submits?|works? on) (?:a|an|our|the) (?:(?:paid|compensated|short|small|[\d.]+-hour) )*(?:[a-z]+ ){0,2}?(?:test|trial|take-home|work sample"
     r"|sample|project|task|assignment|exercise|case study|challenge)\b", None),
    # "performance in this virtual assessment centre decides internship offers", "this paid shift is how we assess candidates"
    (("offer", "assess", "evaluate", "select", "screen"), r"(?:decides?|determines?) (?:who gets |which )?(?:internship |job |our |the )?offers?\b"
                                                          r"|\bhow we (?:assess|evaluate|select|screen|choose) (?:candidates|applicants)\b", None),
    # "applicants to our junior analyst role who pass stage 1 complete this paid 5-hour project"
    (("who pass", "that pass"), r"\b(?:who|that) pass (?:stage|round|step) (?:\d|one|two)\b", None),
    # "you'll present it to the hiring panel as your final interview"
    (("final interview",), r"\b(?:as|is) (?:your|the) final interview\b", None),
    # "complete a realistic analysis project before the final interview"
    (("before the final", "before your final", "before our final"),
     r"(?:project|task|assignment|exercise|case study|case|take-home|test|challenge) before (?:the|your|our) final (?:interview|round|stage"
     r"|panel|conversation|call)\b", None),
    # "the sprint is how we run our trial for the 2027 cohort: after the trial, successful candidates join our analyst team"
    (("trial",), r"(?:how we run |is |as )(?:our|the|a) (?:paid )?trial (?:for|of) (?:the |our )?(?:\d{4} )?(?:cohort|intake|programme"
                 r"|program|role|team|class|hires?)\b|after the trial,? (?:the )?(?:successful|strongest|best|top) (?:candidates|applicants"
                 r"|participants)\b", None),
    # "we compensate each finalist ₦80,000 for their time"
    (("finalist",), r"(?:pay|compensate|reimburse)s? (?:each|every|all|our|the)? ?finalists?\b", None),
    (("offer",), r"(?:step|stage|round) before (?:we |you )?(?:make|extend|decide on|receive|get)?\s?(?:an? |any |our |job )?offers?\b"
                 r"|before (?:we|you) (?:make|extend|receive|get) (?:an? |any )?(?:job )?offers?\b", None),
    # "your submission is assessed as part of your application"
    (("as part of",), r"(?:assessed|scored|reviewed|evaluated|marked|counts?|considered) as part of (?:your|the|their) (?:job )?"
                      r"(?:application|selection|assessment)\b", None),
    (("as part of",), r"as part of (?:your|the|our) (?:job )?(?:application|interview|hiring|selection|recruit\w*)(?: process)?\b"
                      r"[^.]{0,80}\b(?:paid|compensated)\b", None),
    (("test project", "test task", "trial project", "trial task", "test assignment"),
     r"(?:test|trial) (?:project|task|assignment)\b", r"\b(?:paid|compensated)(?: (?:short|small|[\d.]+[- ]hours?|[\d.]+h))?"),
    # a numbered selection list with a paid stage: "Stage 3: a paid case study (about 8 hours, £250)",
    # "Round 2 - paid take-home"; a step only when it names a test ("Step 3: the paid project" is the work)
    (("stage", "round", "step"), r"\b(?:stage|round|phase) \d\s*[:\-]\s*(?:an? |one )?(?:short |small )?(?:paid|compensated)\b"
                                r"|\bstep \d\s*[:\-]\s*(?:an? |one )?(?:short |small )?(?:paid|compensated) (?:[\w-]+ )?(?:case study"
                                r"|take-home|work sample|test|trial|assessment|exercise)\b", None),
)
_HIRING_CONTEXT = re.compile(r"\b(?:interview\w*|hiring|hired|we hire|applying (?:to|for)|applicants?|candidates?|finalists?|job offer|an offer"
                             r"|make offers|(?:our|the|this|that) (?:[\w-]+ ){0,3}(?:role|position|opening|job)|opening"
                             r"|vacancy|recruit\w*"
                             # in German: "nach dem ersten Telefoninterview", "Bewerber:innen", "im Abschlussgespräch"
                             r"|\w+interview\w*|bewerb\w*|abschlussgespr\w*|vorstellungsgespr\w*)\b")


#: A text that says its project is no hiring step: "a standalone paid project, not a recruitment trial".
_NOT_A_STEP = re.compile(r"\bnot (?:a|an|part of (?:a|an|our|the)) (?:[\w-]+ )?(?:recruitment|hiring|selection|interview)"
                         r"(?: (?:trial|test|step|exercise|process|stage|task))?\b")


#: The interview is where a detail is told, not what the project is a step of: "the amount is shared
#: during the interview", "rates are discussed at the interview".
_TOLD_AT_INTERVIEW = re.compile(r"\b(?:amount|rate|rates|fee|pay|figure|budget|details?|terms)\b[^.]{0,30}\b(?:shared|discussed"
                                r"|confirmed|agreed|explained|disclosed|told|given)\b[^.]{0,15}\b(?:during|at|in) (?:the|an|your)"
                                r" (?:first |short |intro )?interview\b")


def _interview_task(f: Facts) -> str | None:
    """A paid project that is a hiring step, read in the whole text: a hiring step is one however the
    sentence goes on ("a paid trial, then a full-time offer"); a stage named as such counts only in a
    text about hiring for a job ("candidates", "interview", "the role")."""
    text = f.text
    if "not " in text and _NOT_A_STEP.search(text):
        return None
    for m in _INTERVIEW.finditer(text):
        if not _TOLD_AT_INTERVIEW.search(m.group(0)):
            return text[max(0, m.start() - 30): m.end() + 30].strip()
    if hit := _find_more(_INTERVIEW_MORE, text):
        return hit
    if (hit := _find_more(_HIRING_STAGE, text)) and _HIRING_CONTEXT.search(text):
        return f"a stage of hiring: {hit!r}"
    return None


def _find_more(rows: tuple[_Extra, ...], text: str) -> str | None:
    """The first hit of a row whose needles the text holds (see :data:`_EXPERIENCED_MORE`)."""
    for needles, pattern, before, negated in rows:
        if not any(n in text for n in needles):
            continue
        for m in pattern.finditer(text):
            if before is None or bool(before.search(text, max(0, m.start() - 70), m.start())) != negated:
                return text[max(0, m.start() - 30): m.end() + 30].strip()
    return None


#: Wording that makes a record a micro-internship candidate worth a person's time when one fact is missing.
_MICRO = re.compile(r"\b(?:micro[- ]?(?:intern(?:ships?|s)?\b|projects?"
                    # in the writer's language: "microestágio", "micropráctica", "micro-stage", "Mikropraktikum"
                    # "micro-pasantía", "mikro-staż", "mikropraktik", "마이크로 인턴십"
                    r"|est[aá]gios?|pr[aá]cticas?|pr[àa]ctiques?|pasant[ií]as?|stages?\b|tirocin\w*)|mikro-?(?:prakti\w*|sta[żz]\w*)"
                    r"|마이크로 ?인턴|project[- ]based (?:internship|work|experience)"
                    r"|short[- ]term (?:project|assignment|internship)|short (?:paid )?(?:project|assignment)\b|mini[- ]internships?|\d+[- ]hours? (?:project|assignment)"
                    r"|(?:one|single|a) (?:short |small |scoped |defined )?(?:project|deliverable|assignment)\b|externship"
                    r"|sprint project|paid project|paid student (?:research )?(?:project|assignment)\b"
                    # Indonesian "proyek singkat" (short project), Norwegian/Swedish "studentoppdrag"
                    r"|proyek singkat|student(?:oppdrag|uppdrag))")


#: The furthest ahead of ``now`` a closing date read from prose may be and still become the
#: entry's deadline: a year (and a day): "apply by 15 January" read in the wrong year is not published.
DEADLINE_AHEAD = 366

#: ``pay_by`` of an amount in "kr" whose krone nothing in the record names.
_KRONER_UNKNOWN = "an amount in kr of an unknown krone"

#: Structured pay units that mean one amount for the whole project.
_FIXED_UNITS = {"PROJECT": "TOTAL", "ONE-TIME": "TOTAL", "ONETIME": "TOTAL", "FIXED": "TOTAL", "FLAT": "TOTAL",
                "ONE_TIME": "TOTAL", "LUMP SUM": "TOTAL", "HOURLY": "HOUR"}


@dataclass
class Facts:
    """A record's text and the facts extracted from it, computed once and on demand.

    This is the one extraction step: every rule reads these facts, never the raw record's
    words directly, and :meth:`report` gives the facts with the words they were read from.
    """

    record: RawRecord
    source: SourceConfig
    policy: Policy
    now: datetime
    options: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def body(self) -> str:
        return normalize.plain_text(self.record)

    @cached_property
    def title(self) -> str:
        return extract.prepare(normalize.clean_text(normalize.as_text(self.record.title)))

    @cached_property
    def where(self) -> str:
        return extract.prepare(normalize.as_text(self.record.location))

    @cached_property
    def types(self) -> str:
        """Employment types squashed: "Full-time" / "FULL_TIME" / "fulltime_permanent" -> "fulltime"."""
        return " ".join(re.sub(r"[^a-z]", "", t.lower()) for t in normalize.strs(self.record.employment_type))

    @cached_property
    def text(self) -> str:
        """Everything a human would read, prepared for the extractors."""
        return " . ".join([self.title, self.where, self.types, extract.prepare(self.body)])

    @cached_property
    def other_role_spans(self) -> list[tuple[int, int]]:
        """Where the sentences about another role are: a later full-time job, staff benefits,
        full-time enrolment. Only sentences holding a full-time/benefits word are tested, found
        by substring search (a regex scan of the whole text cost a millisecond a record)."""
        text = self.text
        spans: set[tuple[int, int]] = set()
        for word in _FT_WORDS:
            at = text.find(word)
            while at >= 0:
                start = max(text.rfind(d, 0, at) for d in _DELIMITERS)
                start = 0 if start < 0 else start + 1
                ends = [e for e in (text.find(d, at) for d in _DELIMITERS) if e >= 0]
                end = min(ends) if ends else len(text)
                sentence = text[start:end]
                if (start, end) not in spans and (_LATER_ROLE.search(sentence) or _staff_only(sentence)
                                                  or _ENROLMENT.search(sentence)
                                                  or _OTHER_OPENINGS.search(text, max(0, start - 200), start)):
                    spans.add((start, end))
                at = text.find(word, end)
        return sorted(spans)

    @cached_property
    def other_roles(self) -> list[str]:
        """The sentences :attr:`other_role_spans` points at (for the evidence)."""
        return [self.text[a:b].strip() for a, b in self.other_role_spans]

    @cached_property
    def role(self) -> str:
        """The text about this role only: :attr:`text` without :attr:`other_roles`."""
        if not self.other_role_spans:
            return self.text
        parts, last = [], 0
        for a, b in self.other_role_spans:
            if a >= last:
                parts.append(self.text[last:a])
                last = b
        parts.append(self.text[last:])
        return " . ".join(parts)

    # Measurements (hours, durations, money) read the whole text: a sentence about another
    # role may also state this one's hours ("a 20-hour project, with the possibility of a
    # full-time offer"). What kind of role it is (full-time, ongoing, long) reads `role`.

    @cached_property
    def role_durations(self) -> list[tuple[extract.Found, int]]:
        """Durations said about this role (not "a later 3-month internship")."""
        return self.durations if self.role is self.text else extract.durations(self.role)

    @cached_property
    def weekly(self) -> extract.Found | None:
        return extract.weekly_hours(self.text)

    @cached_property
    def durations(self) -> list[tuple[extract.Found, int]]:
        return extract.durations(self.text)

    @cached_property
    def duration(self) -> extract.Found | None:
        return extract.duration_near(self.text, self.weekly.at if self.weekly else 0, self.durations)

    @cached_property
    def hour_mentions(self) -> tuple[list[extract.Found], list[extract.Found]]:
        return extract.hour_mentions(self.text)

    @cached_property
    def tracks(self) -> list[extract.Found]:
        """Distinct total-hour mentions with project wording: a programme may offer several tracks."""
        return extract.hour_tracks(self.text, self.hour_mentions[0])

    @cached_property
    def hours_fact(self) -> Fact:
        """Total hours: stated, or one fitting track of several, or hours a day x a few days (or a
        week or two), or sittings x their length (plus what is added to them), or weekly hours x a
        bounded duration. Hours a day come before a bare total because the bare "5 hours" of "2 days
        x 5 hours" is the daily figure; sittings too, when they add up to more than it."""
        tracks = self.tracks
        if len(tracks) > 1:
            fitting = [t for t in tracks if HOURS_MIN <= t.low and t.high <= HOURS_MAX]
            if fitting:
                t = fitting[0]
                others = ", ".join(f"{o.low:g}-{o.high:g} h" for o in tracks if o is not t)
                return Fact(Hours(round(t.low), round(t.high)), t.quote, f"track (of {len(tracks)}; others {others})")
        if not tracks and (daily := extract.daily_total(self.text)):
            return Fact(Hours(round(daily.low), round(daily.high)), daily.quote, "per day x days")
        total = tracks[0] if tracks else extract.total_hours(self.text, self.hour_mentions)
        # "5 2-hour sessions plus about 4 hours writing up": the "4 hours" is one part of the work; "5 half-days
        # of about 4 hours each": the "4 hours" is one piece of it
        if len(tracks) <= 1 and (pieces := extract.each_total(self.text)) and (not total or pieces.high > total.high):
            return Fact(Hours(round(pieces.low), round(pieces.high)), pieces.quote, "pieces x hours each")
        if len(tracks) <= 1 and (sittings := extract.session_total(self.text)) and (
                not total or (sittings.high > total.high and (not tracks or 0 <= total.at - sittings.at <= 200))):
            return Fact(Hours(round(sittings.low), round(sittings.high)), sittings.quote, "sittings x length")
        if total:
            return Fact(Hours(round(total.low), round(total.high)), total.quote, "total")
        if self.weekly and self.duration:
            low = self.weekly.low * self.duration.low
            high = self.weekly.high * self.duration.high
            return Fact(Hours(round(low), round(high)), f"{self.weekly.quote} x {self.duration.quote}", "per week x weeks")
        if self.weekly and (span := extract.date_span(self.text)):  # "5 hours a week from January 4 to January 29"
            return Fact(Hours(round(self.weekly.low * span.low), round(self.weekly.high * span.high)),
                        f"{self.weekly.quote} x {span.quote}", "per week x dates")
        if days := extract.work_days(self.text):  # "4 working days": a day of work is 7-8 hours
            a, b = extract.WORKDAY_HOURS
            return Fact(Hours(round(days.low * a), round(days.high * b)), days.quote, "working days")
        # "one 90-minute interview" is all the work there is; not in a project's text ("one 30-minute
        # interview" to select the micro-intern is a step, and its hours are missing instead)
        if not self.micro.value and (sitting := extract.one_sitting(self.text)):
            return Fact(Hours(max(1, round(sitting.low)), max(1, round(sitting.high))), sitting.quote, "one sitting")
        return Fact(None)

    @cached_property
    def hours(self) -> tuple[Hours | None, str]:
        """Total hours with the words that said so (kept as a pair for the rules' messages)."""
        return self.hours_fact.value, self.hours_fact.quote

    @cached_property
    def scale(self) -> dict[str, float]:
        """Currency -> its pay floor over the US dollar's: how big a fee in that currency may be
        ("₹45,000" is one project's stipend; "$45,000" is a salary)."""
        usd = self.policy.scraped_pay_floor("USD")
        floors = {**self.policy.scraped_floors, **self.policy.pay_floors}
        return {cur: floor / usd for cur, floor in floors.items()} if usd else {}

    @cached_property
    def has_kroner(self) -> bool:
        """Whether the text has a "kr" / ",-" amount at all: the cheap test before :attr:`kroner`."""
        return extract.KRONER_AMOUNT.search(self.text) is not None

    @cached_property
    def kroner(self) -> Fact:
        """Whose krone a "kr" / ",-" amount is (SEK, NOK or DKK), from the other evidence of the record
        (:func:`scrapers.extract.kroner_currency`), or None: never a guess."""
        r = self.record
        places = [self.where, *(p.lower() for p in normalize.strs(r.countries)[:20])]
        hosts = [normalize.as_text(u).lower()[:300] for u in (r.url, r.apply_url, r.organization_url)]
        found = extract.kroner_currency(self.text, places, hosts)
        return Fact(found[0], found[1], "evidence") if found else Fact(None)

    @cached_property
    def mentions(self) -> list[extract.Pay]:
        """Every amount of money in the text that is not money the student pays."""
        kroner = self.kroner.value if self.has_kroner else None
        return [p for p in extract.pay_mentions(self.text, self.scale, kroner)
                if not (any(w in p.quote for w in _PAYS_WORDS) and _payer_not_employer(self._around(p)))]

    def _around(self, p: extract.Pay) -> str:
        """The words around an amount, from a little before its quote (so "collect tuition" is read whole)."""
        start = self.text.find(p.quote)
        return self.text[max(0, start - 20): start + len(p.quote)] if start >= 0 else p.quote

    @cached_property
    def pay_fact(self) -> Fact:
        """The pay: the structured salary, else the amount nearest the chosen track, else the best mention."""
        r = self.record
        cur = normalize.currency_code(r.salary_currency)
        if cur is None and normalize.as_text(r.salary_currency).strip().lower().rstrip(".") == extract.KRONER:
            cur = self.kroner.value  # a salary field in "kr": whose krone, from the rest of the record
        unit = normalize.as_text(r.salary_unit).upper()
        low = r.salary_min if isinstance(r.salary_min, (int, float)) and not isinstance(r.salary_min, bool) else None
        high = r.salary_max if isinstance(r.salary_max, (int, float)) and not isinstance(r.salary_max, bool) else None
        unit = _FIXED_UNITS.get(unit, unit)
        if cur and low and low > 0 and unit in ("HOUR", "TOTAL"):
            high = high if high and high >= low else low
            return Fact(Compensation(float(low), float(high), cur, "hour" if unit == "HOUR" else "total"),
                        f"salary field {low:g}-{high:g} {cur}/{unit.lower()}", "field")
        best = None
        if self.hours_fact.by.startswith("track") and (hours := self.hours_fact.value):
            best = self._pay_near_track(hours)
        best = best or self.piece_total or extract.best_pay(self.mentions, self.scale) or self._rate_total()
        if best:
            kind = "hourly" if best.unit == "hour" else ("stipend" if "stipend" in best.quote else "fixed")
            return Fact(Compensation(best.low, best.high, best.currency, best.unit), best.quote, kind)
        if self.has_kroner and self.kroner.value is None and (kr := extract.kroner_amount(self.text)):
            return Fact(None, kr, _KRONER_UNKNOWN)  # "4 500 kr" with nothing saying Swedish, Norwegian or Danish
        if hit := _find(_PAY_WORDS, self.text) or _pay_word_abroad(self.text):
            return Fact(None, hit, "stated without an amount")
        return Fact(None)

    @cached_property
    def piece_total(self) -> extract.Pay | None:
        """A rate per piece times the pieces the text counts (read once: the pay and the per-piece rule ask)."""
        return extract.piece_total(self.text, self.mentions)

    def _pay_near_track(self, hours: Hours) -> extract.Pay | None:
        """The amount nearest any mention of the chosen track: a track may be said twice ("choose
        20h or 50h track" in the title, then "about 20 hours, $500")."""
        spots = [t.at for t in self.hour_mentions[0] if (round(t.low), round(t.high)) == (hours.min, hours.max)]
        pairs = [(abs(p.at - at), p) for at in spots if (p := extract.pay_near(self.mentions, at))]
        return min(pairs, key=lambda pair: pair[0])[1] if pairs else None

    def _rate_total(self) -> extract.Pay | None:
        """A day or week rate times the days worked or the weeks it runs ("€160 per day", 3 working
        days; "$250 per week for 3 weeks"): the project's total."""
        for rate in self.mentions:
            if rate.unit in ("day", "week"):
                weeks = extract.duration_near(self.text, rate.at, self.durations) if rate.unit == "week" else None
                if total := extract.rate_total(rate, self.text, weeks):
                    return total
        return None

    @cached_property
    def pay(self) -> tuple[Compensation | None, str]:
        return self.pay_fact.value, self.pay_fact.quote

    @cached_property
    def remote_fact(self) -> Fact:
        """Remote (True), on-site/hybrid (False) or not said (None); which of fields and words won."""
        if any(w in self.role for w in _DENIED_NEEDLES) and (hit := _find(_REMOTE_DENIED, self.role)):
            return Fact(False, hit, "denied")  # "despite how this board lists it, this project is not remote"
        if self.options.get("assume_remote"):
            return Fact(True, "the source lists remote work only", "source")
        head = f"{self.title} . {self.where}"
        if hit := self.office_duty:  # "Remote (US)", but "in the office 3 days a week": the duty wins
            if self.record.remote is True and _find(_HYBRID_FEW_DAYS, self.role):
                return Fact(False, hit, _AGAINST_REMOTE)  # "Hybrid: 2 days on-site" on a remote board: a person checks
            return Fact(False, hit, "text")
        if self.record.remote is False:
            where = normalize.as_text(self.record.location)[:60]
            said = any(m.group(0) != "online" for m in _REMOTE.finditer(_role_remote(self.text)))  # "an online order form"
            if not said and not _find(_ONSITE, self.where) and not self.onsite_prose and not _find(_PLACE_WORK, self.role):
                # an ATS's unticked "remote" box beside a city, and no word on where the work is done: not said
                return Fact(None, f"remote flag false, but the location is only a place ({where!r}) and the text "
                                  "says nothing of where the work is done", _FLAG_ONLY)
            return Fact(False, f"remote flag false (location {where!r})", "field")
        if (hit := _find(_ONSITE, self.where)) and (not _REMOTE.search(_WEAK_REMOTE.sub(" ", self.where))
                                                     or "hybrid" in hit and not _REMOTE_CHOICE.search(self.where)):
            return Fact(False, hit, "location")  # "Hybrid - Austin, TX": the location wins over a title's "remote-friendly"
        if (hit := _find(_ONSITE, head)) and not _REMOTE.search(_WEAK_REMOTE.sub(" ", head)):
            return Fact(False, hit, "location")
        if self.record.remote is True:
            if hit := self.onsite_prose:
                return Fact(False, hit, _AGAINST_REMOTE)
            return Fact(True, f"remote flag true (location {normalize.as_text(self.record.location)[:60]!r})", "field")
        if hit := _find(_REMOTE, _role_remote(self.where), _role_remote(head)) or _find(_REMOTE_WHERE, self.where):
            if onsite := self.onsite_prose:
                return Fact(False, onsite, _AGAINST_REMOTE)
            return Fact(True, hit, "location")
        if hit := _find(_REMOTE, _role_remote(self.text)):
            # "most of the work can be done from home, but we need you in our Leeds studio on Tuesdays": on-site
            # said of this role too (a single kick-off visit is weighed by _remote_despite)
            if (onsite := self.onsite_prose) and any(w in onsite for w in _WORKPLACE_WORDS):
                return Fact(False, onsite, "text")  # a place of work, not where the student must live
            return Fact(True, hit, "text")
        if hit := _find(_ONSITE_TEXT, self.role) or _find(_OFFICE_WORDS, self.role):
            return Fact(False, hit, "text")
        if "remote" in self.text or "flex" in self.text:  # "a remote-first company": not this role
            if hit := _find(_WEAK_REMOTE, self.text):
                return Fact(None, hit, _WEAK_BY)
        return Fact(None)

    @cached_property
    def onsite_prose(self) -> str | None:
        """On-site or hybrid said in the text of a record whose field or location says remote ("Hybrid -
        two half-days in our Dublin office", "we'd need you in our Lisbon office"): no schedule the duty
        rule reads, but a contradiction a person settles. "We never meet in person", "an optional visit
        to our office", "our team works at our office" are not this role's."""
        role = self.role
        if not any(w in role for w in _ONSITE_NEEDLES):
            return None
        prose = len(self.title) + len(self.where) + len(self.types) + 9  # after "title . location . types . "
        for m in _ONSITE_TEXT.finditer(role, prose):  # the title's and location's words are read before this
            if _OTHERS_DUTY.search(role, max(0, m.start() - 40), m.start()) \
                    or _NOT_REQUIRED.search(role, max(0, m.start() - 30), m.start()) or _OPTIONAL_AFTER.match(role, m.end()):
                continue
            return role[max(0, m.start() - 30): m.end() + 30].strip()
        return None

    @cached_property
    def office_duty(self) -> str | None:
        """Time at an office or site the role requires ("3 days a week in our office", "a hybrid
        schedule", "you must come on-site"), which no remote field or location outweighs."""
        role = self.role
        if not any(w in role for w in ("office", "site", "person", "hybrid", "studio", "campus", "hq", "lab", "store",
                                       "warehouse", "headquarters", "anchor", "presencial", "stacjonarn")):
            return None
        for m in _OFFICE_DUTY.finditer(role):
            if _OTHERS_DUTY.search(role, max(0, m.start() - 40), m.start()):
                continue  # "our team works on site at the farm 3 days a week": the staff's time, not the role's
            if not _NOT_REQUIRED.search(role, max(0, m.start() - 30), m.start()) and not _OPTIONAL_AFTER.match(role, m.end()):
                return role[max(0, m.start() - 30): m.end() + 30].strip()
        return None

    @cached_property
    def experience(self) -> Fact:
        """Whether the role asks for experienced professionals (years of experience, a senior title)."""
        if _EXPERIENCED_TITLE.search(self.title):
            return Fact(True, f"title {normalize.as_text(self.record.title)[:80]!r}", "title")
        role = self.role
        if any(w in role for w in ("exp", "year", "yrs", "senior", "seasoned", "level")) and (
                hit := _find(_EXPERIENCED, role)):
            return Fact(True, hit, "text")
        if hit := _find_more(_EXPERIENCED_MORE, role):
            return Fact(True, hit, "text")
        if (hit := _find_more(_TRACK_RECORD, role)) and not _STUDENTS.search(self.text):
            return Fact(True, hit, "text")
        return Fact(False)

    @cached_property
    def audience(self) -> Fact:
        """"students" (or graduates, interns), "experienced" (years of experience, senior), or None."""
        if self.experience.value:
            return Fact("experienced", self.experience.quote, self.experience.by)
        role = self.role
        if any(w in role for w in _PRO_NEEDLES) and (hit := _find(_PROFESSIONALS, role)):
            return Fact("professionals", hit, "text")
        untrapped = _STUDENT_TRAPS.sub(" ", self.text)
        if hit := _find(_STUDENTS, untrapped) or _find(_STUDENTS_ABROAD, untrapped) or _find(_STUDENTS_CJK, untrapped):
            return Fact("students", hit, "text")
        return Fact(None, "only as the people served" if _STUDENTS.search(self.text) else "")

    @cached_property
    def student_pays(self) -> Fact:
        """A fee, tuition or subscription the student pays ("no application fee" is not one)."""
        role = self.role
        if hit := _fee_abroad(role):
            return Fact(True, hit)
        if not any(w in role for w in _PAYS_WORDS):
            return Fact(False)
        for m in _STUDENT_PAYS.finditer(role):
            before = role[max(0, m.start() - 40): m.start()]
            if m.group(0).startswith("pay") and _EMPLOYER_PAYS.search(before):
                continue  # "we pay a fee of $500": the employer is the payer
            if not _NEGATED.search(before) and not _FREE_AFTER.match(role, m.end()) and not _OTHERS_MONEY.search(before):
                return Fact(True, role[max(0, m.start() - 30): m.end() + 40].strip())
        return Fact(False)

    @cached_property
    def role_type(self) -> Fact:
        """The employment type of this role (not of a later job): full-time, part-time, contract…, or None."""
        if m := _FULL_TIME_TYPES.search(self.types):
            return Fact("full-time", f"employment type {m.group(0)!r}", "field")
        if hit := _find(_FULL_TIME, self.role) or _find(_FULL_TIME_ABROAD, self.role):
            return Fact("full-time", hit, "text")
        if self.types:
            return Fact(self.types, f"employment type {self.types!r}", "field")
        return Fact(None, "; ".join(x[:80] for x in self.other_roles[:2]), "other roles set aside" if self.other_roles else "")

    @cached_property
    def posted(self) -> date | None:
        posted = normalize.parse_date(self.record.posted)
        return posted.date() if posted else None

    @cached_property
    def closing(self) -> extract.Closing | None:
        """The application closing date said in the text, read once for both uses: whether the
        record has closed (:attr:`closed`) and the entry's deadline (:attr:`deadline`)."""
        return extract.closing_date(self.text, self.posted, self.now.date())

    @cached_property
    def closed(self) -> Fact:
        """The application closing date said in the text ("Applications closed on November 14, 2026"),
        read only for a record without a deadline field: True when it has passed (or the text says
        applications are closed), False when it is still ahead, None when nothing is said."""
        found = self.closing
        if found is None:
            return Fact(None)
        when = found.when
        return Fact(when is None or when < self.now.date(), found.quote, str(when) if when else "said closed")

    @cached_property
    def deadline(self) -> Fact:
        """The closing date said in the text as the entry's deadline, for a record whose source gives
        none ("Applications close 15 January 2027", "apply by Jan 15", "deadline: 2027-01-15"): only a
        firm reading (not a day/month that could be swapped, not the work's end), still ahead, not
        before the posting day and at most :data:`DEADLINE_AHEAD` days after ``now`` (a misread year
        is not published). None otherwise: the entry then has no deadline, as before."""
        found = self.closing
        if found is None or found.when is None or normalize.parse_date(self.record.valid_through) is not None:
            return Fact(None)
        when, today = found.when, self.now.date()
        if not found.firm:
            return Fact(None, found.quote, "not firm: day and month could be swapped, or the work's end")
        if when < today or (self.posted and when < self.posted) or (when - today).days > DEADLINE_AHEAD:
            return Fact(None, found.quote, f"{when} is out of bounds")
        return Fact(when, found.quote, "text")

    @cached_property
    def micro(self) -> Fact:
        """Wording that says one short project (micro-internship, a 20-hour project, one deliverable)."""
        hit = _find(_MICRO, self.text)
        return Fact(bool(hit), hit or "")

    #: report name -> Facts attribute
    REPORTED = (("hours", "hours_fact"), ("pay", "pay_fact"), ("remote", "remote_fact"), ("audience", "audience"),
                ("role_type", "role_type"), ("student_pays", "student_pays"), ("micro_wording", "micro"),
                ("deadline", "deadline"))

    def report(self, full: bool = True) -> tuple[dict[str, Any], dict[str, str]]:
        """The facts as plain JSON values, and the quoted words each was read from.

        ``full=False`` reports only the facts the rules already read: a record rejected by
        its employment type need not pay for reading its pay (curation stays about a
        millisecond a record); the rule's detail quotes what decided it.
        """
        facts: dict[str, Any] = {}
        evidence: dict[str, str] = {}
        for name, attr in self.REPORTED:
            if not full and attr not in self.__dict__:
                continue
            fact: Fact = getattr(self, attr)
            value = fact.value
            if isinstance(value, Hours):
                value = [value.min, value.max]
            elif isinstance(value, Compensation):
                value = {"min": value.min, "max": value.max, "currency": value.currency, "unit": value.unit}
            elif isinstance(value, date):
                value = value.isoformat()
            facts[name] = value
            if name in ("hours", "pay", "remote"):
                facts[f"{name}_by"] = fact.by or None
            if fact.quote:
                evidence[name] = fact.quote[:200]
        if "kroner" in self.__dict__ and self.kroner.value:  # why "kr" was read as SEK, NOK or DKK
            evidence["kroner"] = f"kr is {self.kroner.value}: {self.kroner.quote}"[:200]
        if "other_role_spans" in self.__dict__ and self.other_role_spans:  # why a "full-time" did not count
            evidence["set_aside"] = " | ".join(x[:100] for x in self.other_roles)[:300]
        return facts, evidence


def _payer_not_employer(text: str) -> bool:
    """Whether ``text`` holds a student-pays phrase whose payer is not the employer ("we pay a fee of
    $300 on delivery" is the employer paying the student)."""
    return any(not (m.group(0).startswith("pay") and _EMPLOYER_PAYS.search(text, max(0, m.start() - 40), m.start()))
               for m in _STUDENT_PAYS.finditer(text))


def _role_remote(text: str) -> str:
    """``text`` without the remote wording that is not about this role (:data:`_WEAK_REMOTE`:
    "remote-friendly", "a remote-first company"), for finding a remote statement of the role itself."""
    return _WEAK_REMOTE.sub(" ", text) if "remote" in text or "flex" in text else text


def _find(pattern: re.Pattern[str], *texts: str) -> str | None:
    for text in texts:
        m = pattern.search(text)
        if m:
            return text[max(0, m.start() - 30): m.end() + 30].strip()
    return None


# ---- the rules ----------------------------------------------------------------------------

_NEWS_TITLE = re.compile(r"^(?:ask|tell|show) hn\b|\bfor employers\b|^(?:news|breaking|opinion|report|podcast|webinar"
                         r"|guide|explainer)\s*[:|-]|\bpress release\b|\bannounces?\b|^how (?:to|do|can)\b"
                         r"|^what (?:is|are)\b|^why\b|\btips for\b|^\d+ (?:ways|tips|things|reasons)\b|\?$"
                         # explainers addressed to a reader: "What employers should know about ..."
                         r"|\b(?:should|need to) know\b|^everything (?:you|employers|students)\b|^employers\b"
                         # a section label or a reader's how-to: "Campus News: …", "… here's how to land one",
                         # "How It Works for Hiring Managers"
                         r"|\b(?:news|op-ed|editorial|gazette|spotlight|success stor(?:y|ies)|q ?& ?a)\s*[:|]|\bhere(?:'s| is| are) (?:how|what|why|\d+)\b"
                         r"|\bhow to (?:land|get|find|win|ace|score|apply for|prepare for) (?:one|it|them|yours|your (?:first|next)"
                         r"|an? (?:paid )?(?:micro-?)?(?:internship|job|role|project)|(?:paid |remote )?(?:micro-?)?internships)\b"
                         # a headline's verb: "University launches paid micro-internship programme"
                         r"|\w \b(?:launches|unveils|expands|partners with|teams up with|secures|rolls out|introduces"
                         r"|celebrates|is awarded|to launch|to expand) (?:a|an|the|its|their|new|paid|free|\d+)\b")
#: Article nouns in a title: "A guide to micro-internships", "The remote work explainer". In a title that
#: says it is a posting ("Micro-Internship: Tenant Rights Explainer", "Paid 15-hour project: onboarding
#: handbook") they are the subject of the work instead.
_ARTICLE_NOUN = re.compile(r"\b(?:explainer|handbook|guide to|guidebook|spotlight|success stor(?:y|ies)|q ?& ?a)\b"
                           # a page for the employer's own staff: "How It Works for Hiring Managers"
                           r"|(?:^|[-:|] )how it works\b|\bfor (?:hiring managers|managers|recruiters|supervisors"
                           r"|host (?:organi[sz]ations|companies|employers)|hosts|employer partners)\b")
_POSTING_MARKER = re.compile(r"\bmicro-?intern(?:ship)?\b(?!s)|\bintern(?:ship)?\b(?!s)|\bapply\b|\bpaid\b|\bstipend\b"
                             r"|\b\d+[- ]?(?:hours?|hrs?|h)\b|\bfreelance\b|\bcontract\b|\bproject\b(?!s)"
                             # a role, then what it works on: "Student Technical Writer - Installer Handbook"
                             r"|\b(?:writer|editor|designer|developer|analyst|assistant|translator|illustrator|researcher)\s*[-–—:|]")
#: A reporter's words in the first lines of a body: "the university announced on Tuesday", "said in a statement".
_NEWS_BODY = re.compile(r"\b(?:announced (?:on |this |last |today|yesterday|that)|said in a (?:statement|press release)"
                        # a reporter's sign-off or a page that says it offers nothing: "Read the full story in this
                        # week's Gazette", "This listing is informational and is not an open position"
                        r"|read the (?:full|whole|rest of the) (?:story|article|interview|piece)|in this week's (?:issue|edition|gazette"
                        r"|newsletter|paper)|shares? (?:\d+ |her |his |their )?(?:top )?tips\b"
                        r"|(?:is|are) not an? (?:open|current|live) (?:position|role|job|opening|vacancy|posting)"
                        r"|(?:listing|post|posting|page) is (?:informational|for information)|for informational purposes"
                        r"|(?:is|are) (?:for reference|for information) only"
                        # a programme's information page: the projects are elsewhere, later
                        r"|pay is set by (?:each|the) (?:employer|host|partner)|projects (?:are|will be) (?:published|posted|listed) on"
                        r"|apply (?:to|for) up to (?:\d|two|three|four|five) (?:projects|roles|micro-?internships|placements)"
                        r"|told (?:reporters|the [a-z]+)|according to (?:a |the )?(?:statement|press release|spokes\w+)"
                        r"|in a press release|(?:a |the )?spokes(?:person|man|woman) (?:said|for)"
                        # a report in the past tense, its source named after: "students earned about PLN 40 an hour on
                        # 20-hour projects, the organisers say"; "three universities piloted paid micro-internships this autumn"
                        r"|, (?:the )?(?:organi[sz]ers|researchers|officials|authors|university|universities|ministry|council)"
                        r" (?:say|said|says|report|reported)\b"
                        r"|\b(?:piloted|trialled|trialed|tested|launched) (?:[\w-]+ ){0,3}?(?:micro-?internships|projects|placements)"
                        r" (?:this|last) (?:autumn|fall|spring|summer|winter|year|term|semester)\b"
                        # a study reported: "a new survey of 400 US employers finds", "according to a survey of 300 employers"
                        r"|(?:survey|study|report|poll|research)(?: of [\d,]+(?: [\w-]+){1,3})? (?:finds|found|shows|showed|suggests|reveals)\b"
                        r"|according to (?:a |the |new |our )?(?:new |recent |latest |annual )?(?:survey|study|report|poll|figures|data)\b"
                        # advice to readers, not an offer: "Not hiring, but a tip for students reading this thread"
                        r"|not hiring\b[^.]{0,40}\b(?:tip|advice|psa|suggestion|fyi|heads[- ]up|recommend\w*)\b"
                        r"|\b(?:tip|advice|psa|suggestion) (?:for|to) (?:students|anyone|new grads|job seekers|those|people|readers)"
                        r" (?:reading|looking|here|in this thread|on (?:this|the) thread)\b)")
_EMPLOYER_FACING = re.compile(r"\b(?:hire (?:an? |our )?(?:students?|interns?|student talent)"
                              # marketing to hiring teams: "Hire a vetted micro-intern in 48 hours", "Book a demo"
                              r"|hire (?:an? |your )?(?:[\w-]+ ){0,2}(?:micro-?)?interns?\b(?! (?:for|to) (?:this|the|our|a|an)\b)"
                              r"|(?:book|schedule|request) (?:a |your )?(?:free |short |quick )?(?:demo|sales call)"
                              # "Have a 20-hour project sitting in your backlog? … matches your team with a vetted college
                              # student … You set the fee (most employers pay $400-$600)"
                              r"|match(?:es)? (?:your|you|employers|companies) (?:team |company |business )?with (?:a |an )?(?:[\w-]+ ){0,2}"
                              r"(?:students?|interns?|grads?|graduates?)|you set the (?:fee|budget|rate)|most employers pay"
                              r"|(?:have|got) an? (?:[\w-]+ ){0,2}project (?:sitting|waiting|stuck|on hold|in your backlog)"
                              r"|post (?:a|an|your) (?:[\w-]+ ){0,4}(?:projects?|jobs?|roles?|(?:micro-?)?internships?)"
                              r"|post it and we(?:'ll| will) match|we(?:'ll| will) match (?:it|you|your project) with"
                              r"|employers can|companies can (?:post|hire)|find (?:student )?talent"
                              # a guide to hosting one: "how to request a micro-intern", "hosting a micro-intern"
                              r"|(?:how to|how do i|how can i|want to|ready to|thinking of|considering) (?:request|host|sponsor"
                              r"|supervis)\w* (?:an? |your (?:first )?)(?:micro-?)?interns?"
                              r"|managers? (?:can|should|who want to) (?:request|host|hire)"
                              # a page inviting hosts: "Host a Micro-Internship with …", "Employers: do you have a short
                              # project …?", "we connect you with students"
                              r"|^(?:host|sponsor|offer|post|submit|list|request|create) (?:an? |your (?:first |next |own )?)"
                              r"(?:paid )?(?:student |college |graduate )?(?:micro-?)?(?:internships?|interns?|projects?)"
                              r"|employers\s*[:,-]\s*(?:do|are|have|want|need|looking|got|is|would)"
                              r"|connects? (?:you|employers|companies|organi[sz]ations|businesses|teams) with (?:[\w-]+ ){0,2}students"
                              # guidance for hosts: "Hosting a Student Micro-Internship: Guidance for Managers", "a guide for
                              # local employers", "thank you for your interest in offering a micro-internship", "before you post"
                              r"|^(?:hosting|offering|posting|sponsoring|creating|designing|scoping) (?:an? |your )(?:[\w-]+ ){0,3}?"
                              r"(?:micro-?)?(?:internships?|interns?|projects?)"
                              r"|\bguid(?:e|ance) for (?:[\w-]+ ){0,2}(?:managers|employers|hosts|supervisors|organi[sz]ations|businesses)"
                              r"|interest in (?:offering|hosting|posting) an? |\bbefore you post\b|\b(?:employer|host) (?:portal|account)"
                              # the pay a host should set: "we recommend £15 an hour", "recomendamos desde USD 15 por hora"
                              r"|\b(?:we )?recommend(?:s|ed)? (?:at least |paying |a (?:rate|fee) of |a minimum of )?(?:[$€£₹]|usd |gbp |eur |cad |aud )\d"
                              r"|\brecomendamos (?:desde|al menos|pagar|un pago)|\bempfehlen (?:mindestens|ab)\b"
                              # in the writer's language: "¿Tu empresa tiene un proyecto…?", "Publica tu micro-pasantía", "cuenta de empleador"
                              r"|(?:tu|su|vuestra) empresa tiene|votre entreprise a|ihr unternehmen hat|does your (?:company|team|organi[sz]ation|business) have"
                              r"|publica (?:tu|su) (?:micro-?)?(?:pasant|pr[aá]ctica|proyecto|vacante)|publiez votre|cuenta de empleador"
                              r"|conta de empregador)\b")
#: A posting that says it comes through a programme, whose pitch to employers it may quote: "This
#: opportunity is offered through the X Micro-Internship Program. X matches employers with students …"
_VIA_PROGRAMME = re.compile(r"\b(?:this|the) (?:[\w-]+ )?(?:opportunity|project|role|position|posting|micro-?internship|internship"
                            r"|assignment) is (?:being )?(?:offered|posted|run|listed|hosted|funded) (?:through|via|as part of)\b")
_UNPAID = re.compile(r"\b(?:(?<!not )(?<!not an )(?<!never )unpaid\b(?!\s+(?:leave|time|vacation|overtime|sick|(?:family |young |adult )?(?:carers?|caregivers?"
                     # the work's subject, not its pay: "we surveyed 350 unpaid carers", "unpaid care work"
                     r"|care|caring|household|domestic|labou?r|parents|mothers|fathers)\b))|not paid|no pay\b|without pay"
                     r"|no payment|no stipend|not compensated|paid in (?:exposure|experience|credit|equity|references?)"
                     r"|in exchange for (?:experience|exposure|a reference|a recommendation|a certificate)|(?:free|unpaid|virtual|self-paced) (?:[\w-]+ ){0,3}?job simulations?"
                     # the role, not the organization: "is a volunteer-powered nonprofit", "our volunteer team"
                     r"|(?<!our )(?<!their )(?<!its )(?<!not a )(?<!not an )volunteer(?:ing)? (?:position|role|opportunity|basis|project|work\b|team)"
                     r"|(?:as|is|be) a volunteer\b(?![- ](?:powered|run|led|driven|based|staffed|founded|organi[sz]ation|network"
                     r"|community|nonprofit|non-profit|group|charity|association|collective|movement|effort|board)\b)"
                     r"|volunteers? (?:needed|wanted)|ehrenamt\w*|compensation (?:is )?encouraged"
                     # a chance of pay, not pay: "entered into a draw for one of five $500 Visa cards", "a raffle"
                     r"|(?:entered|entry|entries|enter you) (?:in|into) (?:a|the) (?:prize |lucky )?draw\b|\braffle\b|\bsweepstakes?\b"
                     # pro bono said of the role, not the employer's practice: "our pro bono clinic", "a pro bono practice"
                     r"|(?<!our )(?<!its )(?<!their )(?<!firm's )pro bono(?! (?:practice|clinic|department|program|programme|team"
                     r"|arm|cases?|clients?|matters?|network|lawyers?|attorneys?|counsel|partners?|committee|services)\b)"
                     r"|pay and/or (?:academic )?credit|(?:academic|course|college) credit|for (?:academic |course )?credit only"
                     r"|success fee|commission[- ](?:only|based)|commission only|equity[- ]only|only equity|paid in equity"
                     # commission with nothing under it: "20% commission on every sale - no base pay"
                     r"|no (?:base|basic|fixed|guaranteed) (?:pay|salary|wage|rate|fee|stipend)|(?:paid|pay is|compensation is)"
                     r" (?:only|purely|entirely|solely) (?:in |on |by |through |via )?commission"
                     r"|(?:compensation|pay|payment)\s*(?:is\b|:)\s*(?:[\d.]+ ?% )?(?:in )?(?:advisor |advisory |founder |sweat )?(?:equity|stock options|shares)\b"
                     # "compensation is a 0.1% stake in the company"
                     r"|(?:compensation|pay|payment)\s*(?:is\b|:)\s*(?:an? )?[\d.]+ ?% (?:equity )?stake\b"
                     r"|for exposure\b(?! to)|unverg[uü]tet|no compensation|uncompensated|revenue share"
                     r"|no cash (?:payment|pay|compensation|stipend|fee)\b"
                     r"|no (?:salary|wage|cash)(?: at this stage| yet| for now| initially)?[;,]? (?:[\w-]+ ){0,2}equity"
                     # credit, equity or nothing in so many words: "2 ECTS - no remuneration", "1 ECTS credit; there is
                     # no salary", "I can't pay cash yet", "sem pagamento em dinheiro", "sin remuneración", "non rémunéré"
                     r"|no remuneration|\bects\b[^.]{0,40}\bno (?:salary|pay|wage)\b|(?:can't|cannot|can not|unable to) pay (?:you )?(?:in )?cash"
                     r"|sem (?:pagamento|remunera[cç][aã]o)|sin (?:pago|remuneraci[oó]n)|non r[ée]mun[ée]r[ée]e?|pas de r[ée]mun[ée]ration"
                     r"|non retribuit[oa]|senza (?:compenso|retribuzione)|ohne verg[uü]tung|onbetaald|geen vergoeding)")
_INTERVIEW = re.compile(r"\b(?:paid|compensated)\s+(?:[\d.]+[- ]hours?\s+)?(?:take[- ]home\s+)?(?:project|task|assignment|trial|exercise|test"
                        r"|assessment)\b"
                        r"[^.]{0,120}\b(?:interview|hiring|application|selection|recruit\w*)\b"
                        r"|\b(?:interview|hiring|application|selection|recruit\w*)\s+(?:process|stage|step)[^.]{0,160}"
                        r"\b(?:paid|compensated)\s+(?:[a-z]+\s+)?(?:take[- ]home\s+)?(?:project|task|assignment|trial|exercise)\b"
                        r"|\b(?<!not a )(?<!not an )(?:paid (?:work )?trial(?!\s*\?\s*no\b)|take[- ]home (?:assignment|project|exercise|test|challenge))\b"
                        # a paid take-home is a hiring step by name: "then a paid take-home (about 8 hours, we pay $400)"
                        r"|(?<!not a )(?<!no )\bpaid take[- ]homes?\b"
                        # "our internship process includes a paid take-home (approx. 6 hrs, US$150)"
                        r"|\bprocess (?:includes|involves|has) an? (?:short |small )?paid take[- ]home\b"
                        # named so in the title: "Paid recruitment task – Junior Backend", "Virtual Case Assessment (Paid)"
                        r"|\b(?<!no )(?<!not a )(?<!not an )(?<!without a )(?<!without )(?<!never a )(?:recruitment|hiring|selection)"
                        r" (?:task|test|exercise|assignment|case)\b(?!s? (?:involved|required|needed))|\bcase assessment\b")
_PER_PIECE = re.compile(r"\b(?:(?:rate|rating|evaluate|evaluating|review|reviewing|label|labell?ing|annotate|annotating"
                        r"|grade|grading|score|scoring)\s+(?:\d+\s+)?(?:ai|llm|chatbot|model)[- ]?(?:\w+\s+)?(?:responses|outputs"
                        r"|answers|conversations|completions|prompts)|train(?:ing)? (?:ai|llm) models"
                        r"|per (?:(?:published|accepted|approved|completed|written|edited) )?(?:article|word|piece|post|task|item"
                        r"|video|review|submission|blog post)|by the article"
                        # an amount by the item ("$3 per image", "£1.20 per file"; not "300 words per page")
                        r"|(?<=[$€£])\d[\d.,]*\s*(?:per|a|an|each) (?:file|image|photo|recording|clip|transcript"
                        r"|page|label|response)\b"
                        # paid by the minute of media: "$0.60 per audio minute", "$1 per transcribed minute"
                        r"|per (?:audio |video |recorded |transcribed |media )(?:minutes?|mins?|hours?)\b"
                        r"|per (?:minute|min) (?:of (?:audio|video|recording|media)|transcribed)"
                        # a research participant paid by the session: "$15 per 30-minute session"
                        r"|per (?:\d+[- ](?:minute|min|hour) )?(?:study )?(?:session|survey|focus group)s?\b"
                        r"|ai (?:rating|raters?|trainers?|evaluators?|tutors?)\b|freelance ai\b|(?:rate|evaluate|review) ai"
                        r" (?:responses|outputs)|data annotators?|annotation (?:tasks|work|projects)|search engine evaluator"
                        r"|crowd ?work\w*)")
#: Not "full-time students / undergraduates / MSc students": a student status, not the job's hours.
#: Not the staff's hours either: "we are 60 people, most of us full-time", "we're full-time in Tartu".
_FULL_TIME = re.compile(r"(?=full)(?<!of us )(?<!we are )(?<!we're )(?<!we’re )(?<!us work )(?<!staff are )(?<!team is )"
                        # "we are not hiring full-time right now", "this is not a full-time role"
                        r"(?<!not hiring )(?<!not hiring for )(?<!not a )(?<!not an )(?<!isn't a )(?<!never )"
                        r"\bfull[- ]?time\b(?!\s+(?:(?:[a-z]+\s+)?students?|(?:or|and|/) part[- ]?time (?:[a-z]+ ){0,3}?(?:students?"
                        r"|undergrad\w*|learners)|enrol\w*|study|studies|degree|undergrad\w*|postgrad\w*"
                        r"|(?:university\s+|college\s+)?learners?|pupils?|(?:bachelor|master|doctoral|phd|graduate)\w*\s+students?))")
#: Full-time in the writer's language: "Tam zamanlı", "Vollzeit", "tempo integral", "pełny etat", "heltid",
#: "temps plein", "jornada completa" (not of the student's enrolment: "estudiantes de tiempo completo").
_FULL_TIME_ABROAD = re.compile(r"(?<!estudiantes de )(?<!estudiantes a )(?<!étudiants à )(?<!étudiant à )(?<!estudantes em )"
                               r"(?<!studenten in )(?<!studierende in )\b(?:tam zamanl[ıi]|vollzeit(?:stelle|job|anstellung)?"
                               r"|tempo integral|tempo pieno|pe[łl]ny etat|heltid(?:sstilling|stjänst)?|fuldtid|voltijds?|tiempo completo"
                               r"|temps (?:plein|complet)|jornada completa)\b(?!\s+(?:students?|estudiantes|estudantes|[ée]tudiant\w*"
                               r"|studierende|studenten|studenti|enrol\w*|de estudios|studium))")
_EMPLOYEE = re.compile(r"\b(?:401\s*\(?k\)?|annual salary|salary range|per annum|base salary|equity package|stock options"
                       r"|medical, dental|dental,? (?:and )?vision|(?:health insurance|paid time off|unlimited pto|parental leave)"
                       # the project's subject, not a perk: "Parental Leave Benchmarking", "reviewing our parental leave policy"
                       r"(?! (?:polic(?:y|ies)|benchmark\w*|data|research|review|survey|practices|provisions|offerings?|claims"
                       r"|comparison|analysis|market|providers?|plans? (?:comparison|review)))"
                       r"|permanent (?:position|role|contract|employment)"
                       # a permanent contract in the writer's language: "contrato indefinido", "prestaciones de ley",
                       # "carteira assinada", "poste en CDI", "unbefristete Festanstellung", "tillsvidareanställning"
                       r"|contrato (?:por tiempo )?indefinido|contrato por tiempo indeterminado|prestaciones de ley"
                       r"|carteira assinada|regime clt|(?:poste|contrat|emploi) (?:en )?cdi"
                       # (not "unbefristet" alone: a working student's "unbefristete Anstellung während des Studiums" is ongoing)
                       r"|festanstellung|tillsvidareanst[äa]llning|fast anst[äa]llning"
                       r"|fast stilling|fastans[æa]ttelse|vast dienstverband|contratto a tempo indeterminato"
                       r"|umow[aęy] o prac[ęe] na czas nieokre[śs]lony)\b")
_FULL_TIME_TYPES = re.compile(r"fulltime|(?<!parttime)permanent|regular|festanstellung|vollzeit")
_ONGOING = re.compile(r"\b(?:ongoing (?:basis|work|role|position|needs|engagement|opportunity|contract|support)|on an ongoing"
                      r"|indefinite\w*"
                      # open-ended said of the role, its term or its hours ("an open-ended engagement", "Duration:
                      # open-ended", "open-ended, 10 h/week"), not of the material ("open-ended member survey responses")
                      r"|open[- ]ended(?= (?:[\w-]+ ){0,2}?(?:role|position|engagement|contract|commitment|basis|arrangement"
                      r"|relationship|collaboration|partnership|work|job|gig|opportunity|internship|placement|term|duration"
                      r"|timeline|timeframe|schedule|hours|support|retainer|freelance)s?\b|\s*[,;(-]\s*(?:\d|part|weekly|flexible"
                      r"|paid|remote|ongoing))"
                      r"|\b(?:role|position|engagement|contract|commitment|duration|term|length|timeline|timeframe|work|job|gig"
                      r"|hours|schedule|end date|arrangement|this (?:one|role|gig|position))\s*(?::|is|are|will be|remains?|stays?)"
                      r"\s*(?:\w+\s+)?open[- ]ended\b"
                      r"|long[- ]term(?! (?:skills?|career|goals?|growth|impact|success|value|benefits?|"
                      r"thinking|vision|mission|learning|relationships? with))|option (?:of|to) (?:expand|extend)\w*|possibility of "
                      r"(?:extension|extending)|monthly renewal|renew\w* monthly|werkstudent(?!-?projekt)\w*|working student"
                      r"|student assistant|part[- ]time (?:position|role|job|employment|employee|contract)|permanent part[- ]time"
                      r"|retainer|regular work|recurring work|future projects|minijob(?!-?abrechnung)|teilzeit"
                      # a deliverable by the month or week with no end: "one issue a month, roughly 5 hours of work each"
                      r"|(?:one|1|two|2|three|3|an?) (?:issue|edition|newsletter|post|article|episode|report|video|batch)s?"
                      r" (?:a|per|each|every) (?:month|week)\b(?![^.]{0,40}\b(?:for (?:\d|the next)|over \d|until|through|till)\b)"
                      # renewed without an end: "we renew month to month", "on a rolling monthly basis"
                      r"|month[- ]to[- ]month(?! (?:[a-z]+ )?(?:changes?|growth|churn|trends?|variations?|comparisons?|data|sales"
                      r"|revenue|reports?|reporting|figures|numbers|metrics|retention|spend|costs?))"
                      r"|renew\w* (?:each|every) (?:month|week)|renewed monthly"
                      # (applications or interviews on a rolling basis are the hiring's pace, not the role's)
                      r"|(?<!reviewed )(?<!considered )(?<!accepted )(?<!processed )(?<!assessed )(?<!read )(?<!shortlisted )"
                      r"(?<!place )(?<!happen )(?<!interviews )(?<!interview )(?<!selected )"
                      r"(?:on a rolling|(?<!on a )rolling) (?:monthly |weekly )?(?:basis|contract|engagement)"
                      r"(?! (?:until|till) (?:filled|the (?:role|position) is filled))"
                      # the same work again and again: "auto-renews", "repeated every quarter", "for the next year"
                      r"|auto-?renew\w*|repeat(?:ed|s|ing)? (?:the (?:[\w-]+ )?(?:project|work|pack|task|report|job) )?(?:every|each) (?:week|month|quarter)"
                      r"|recurring (?:monthly|weekly"
                      r"|project|engagement)|for the next (?:\d+ )?(?:year|months)"
                      r"|renewable (?:each|every|for|contract|monthly|quarterly|annually|term|engagement|role)"
                      # no end in other words: "issue after issue", "become a regular thing" ("no end date" beside weekly
                      # hours is the weekly rule's: open-ended hours)
                      r"|(?P<ongoing_unit>issue|edition|episode|month|week|batch) after (?P=ongoing_unit)"
                      r"|become an? (?:regular|permanent|standing) (?:thing|gig|role|arrangement|collaboration|part of))\b")
#: "15-20 hours per week, ongoing", "the role is ongoing": a rate with no end, said in one word.
_ONGOING_BARE = re.compile(r"(?:(?:hours?|hrs?|h|\d)\s*(?:/|per|a|an|each|every)\s*(?:week|wk|month)|weekly|monthly)\s*[,;(-]?\s*(?:and\s+)?ongoing\b(?!\s+(?:through|until|till|to|for|from)\b)"
                           r"|\b(?:role|position|job|work|contract|engagement|gig|need) (?:is|will be) ongoing\b"
                           r"|\bongoing\s*(?:,\s*)?(?:part[- ]time|weekly|monthly)\b")
_ONGOING_TYPES = re.compile(r"parttimepermanent|werkstudent|teilzeit|minijob")
_REMOTE_LANG = (r"(?:travail|stage|mission|poste|missions?|travailler|effectu\w+|réalis\w+|se fait|se déroule) (?:entièrement |100 ?% |)?à distance"
                r"|(?:en |100 ?% |full |complet en )télétravail|télétravail (?:complet|total|à 100 ?%|intégral)|(?:en |100 ?% )distanciel"
                r"|(?:werk|werken|werkt|gewerkt|volledig|100 ?%) op afstand|thuiswerk(?:en)?|vanuit huis|thuis (?:werken|gewerkt)"
                r"|plaatsonafhankelijk|ortsunabhängig|von zu hause|(?:100 ?% |komplett |vollständig |ausschließlich )?(?:im|aus dem|vom) home[- ]?office"
                r"|100 ?% home[- ]?office|remote[- ]arbeit|(?:trabalho|regime|modelo|formato|modalidade|trabalhar|trabalha) (?:em |de |: ?)?home[- ]?office"
                r"|(?:100 ?% |en |full )?teletrabajo|(?:100 ?% |full |totale |completo )smart working|smart working (?:al 100 ?%|totale|completo)")
_REMOTE = re.compile(r"\b(?:remote(?:ly)?|work(?:ing|ed)? from (?:home|anywhere)|(?:done|completed|work) from home"
                     # "10 hours, £150, from home.", "From home — everything is on SharePoint" (not "away from home")
                     r"|(?<!away )(?<!far )(?<!miles )(?<!travel )(?<!commute )(?<!coming )(?<!moving )(?<!leaving )from home\b"
                     r"|from anywhere|from wherever|wherever (?:you|they) (?:are|live)|from any location"
                     r"|home[- ]based (?:role|position|project|work|micro-?internship)|(?:fully |100% )?distributed team"
                     r"|from your (?:own )?(?:home|location|laptop|couch)|wfh|telecommut\w*"
                     # "you can do all of it from home", "entièrement à distance", "100 % à distance"
                     r"|(?:do|complete|finish) (?:all |the whole |most )?(?:of )?(?:it|this|the (?:work|project)) from (?:home|anywhere)"
                     r"|(?:entièrement|complètement|totalement|100 ?%) à distance"
                     r"|(?:100%|fully|entirely|completely|all|completed|done|delivered"
                     r"|carried out|happens?|takes? place|worked) online|online (?:project|micro-?internship|internship"
                     r"|assignment|engagement)|virtual(?:ly)?"
                     # in the writer's language: "trabajo remoto", "modalidad: remota", "på distans", "100% zdalnie", "원격 근무"
                     r"|(?:trabajo|modalidad|modalidade|trabalho|formato|lavoro|en|em|100 ?%)\s*:?\s*remot[oa]|a distancia|på distans"
                     r"|zdaln(?:ie|a|y)|원격|(?:tamamen |%100 |100 ?% )?uzaktan(?: çalışma)?|na dálku|vzdáleně|(?:de )?la distanță"
                     # Nordic "hjemmefra", "hemifrån", "fjernarbeid"; Finnish "etätyö", "etänä"; Swahili "kazi ya mbali";
                     # Vietnamese "làm việc từ xa"; Thai "ทำงานออนไลน์", "ทำงานจากที่บ้าน"
                     r"|hjemmefra|hemifrån|fjernarbei[dt]\w*|fjernarbejde|etätyö\w*|etänä|ya mbali|từ xa|ทำงานออนไลน์|ทำงานจากที่บ้าน"
                     # Ukrainian, Arabic, Hebrew: "віддалено", "дистанційно", "عن بعد", "מרחוק" (no word edge in these scripts
                     # for \b to fail on: they are letters to Python's re too)
                     r"|віддален\w*|дистанційн\w*|عن بعد|מרחוק|(?<!control )(?<!controle )(?<!mando a )(?<!acesso )(?<!acceso )remot[oa]"
                     r"|anywhere in the world|location[- ]independent"
                     # French, Dutch, German, Portuguese, Spanish, Italian: "travail à distance", "100 % télétravail",
                     # "werk op afstand", "vanuit huis", "ortsunabhängig", "von zu Hause", "im Homeoffice", "100% home
                     # office", "teletrabajo"; not a part or a possibility ("télétravail partiel", "Homeoffice möglich");
                     # Italian "smart working" alone is usually hybrid: only "100% smart working", "full smart working"
                     rf"|(?:{_REMOTE_LANG})(?!\s*(?:partiel\w*|possible|occasionnel\w*|parcial|posible|mogelijk|möglich|optional|teilweise"
                     r"|part|\d|[(:]?\s*(?:jusqu|bis zu|hasta|até|tot)\b))"
                     r")(?:\b|(?<=%))|^anywhere\b"  # "télétravail à 100 %" ends in a sign, after which no \b is
                     r"|\bonline\b(?! (?:store|shop|marketplace|platform|presence|business|retail|banking|payments?|course"
                     r"|learning|education|community|reviews?|sales|advertising|ads|marketing|tools?|services?|forms?"
                     r"|application|portal|safety|experience))")
#: Remote said only as a location: "Worldwide", "Home based", "Distributed" (in prose these words
#: mean other things: "distributed systems", "worldwide customers").
_REMOTE_WHERE = re.compile(r"^\s*(?:worldwide|global(?:ly)?|home[- ]?based|distributed|anywhere|earth|planet earth"
                           r"|location[- ]?independent|no office)\b")
#: Remote said of the company, as a possibility or for part of the work, never that this role is done
#: remotely: "Remote-friendly", "a remote-first company", "remote OK for the right candidate", "open to
#: remote", "flexible location", "partly remote". Alone they are not a remote statement (a person checks:
#: REVIEW_REMOTE_UNSTATED), and they do not outweigh "Hybrid".
_WEAK_REMOTE = re.compile(r"\b(?:remote[- ](?:friendly|first|optional|possible|ok(?:ay)?|eligible|considered|negotiable)"
                          r"|(?:partly|partially|part|some|semi|hybrid)[- ]remote|remote (?:days?|options?|flexibility)"
                          r"|open to (?:fully )?remote(?: (?:work|working|candidates|applicants|applications|students|interns))?"
                          r"|remote(?: work(?:ing)?)? (?:is |may be |can be |could be |might be )?(?:possible|available"
                          r"|an option|considered|negotiable)"
                          r"|(?:flexible|flex) (?:location|workplace|work location)|location[- ](?:flexible|negotiable)"
                          r"|location (?:is )?flexible|flexible (?:on|about|as to) (?:location|where you work))\b"
                          # "remote possible from everywhere": where the remote work may be done, said of the role
                          r"(?!,?\s+(?:from|in) (?:anywhere|everywhere|wherever|any location))")
#: ``remote_by`` of a record whose only remote wording is :data:`_WEAK_REMOTE`'s.
_WEAK_BY = "company or possibility only"
#: ``by`` of a remote fact from an unticked "remote" box beside a place, the words silent: not said either way.
_FLAG_ONLY = "remote flag false beside a place"
#: Work bound to a place, which makes an unticked "remote" box mean what it says: "count and reconcile the stock
#: of our warehouse", "check prices in 20 stores", "counting lab inventory", "a shop window display".
_PLACE_WORK = re.compile(r"\b(?:our|the|\d+) (?:[a-z-]+ )?(?:warehouses?|stores|shops|shop floor|laborator(?:y|ies)|premises|farms?"
                         r"|kitchens?|workshop|reading room|stockroom|storeroom)\b|\bstock[- ]?take\b|\bwindow displays?\b"
                         r"|\b(?:count|counting|reconcil\w+|audit\w*) (?:the |our )?(?:[a-z]+ )?(?:stock|inventory|shelves)\b")
#: A location that offers remote as a choice: "Remote or hybrid", "Hybrid or fully remote".
_REMOTE_CHOICE = re.compile(r"\bremote (?:or|/) |\bor (?:fully |100% )?remote\b|/ ?remote\b")
#: On-site or hybrid said in the title or location.
#: Hybrid in the writer's language too: "híbrido" / "híbrida" (Spanish, Portuguese), "hybride" (French).
_ONSITE = re.compile(r"\b(?:on[- ]?site|in[- ]office|in[- ]person|hybrid|h[íi]brid[oa]s?|hybride|office[- ]based|vor ort)\b")
_PLACE = r"(?:office|offices|studio|lab|hq|headquarters|campus|site|store|warehouse)"
_A_WEEK = r"(?:a|per|each|every) (?:week|month)"
#: "for the whole project", "throughout the engagement", "for the full three weeks".
_WHOLE_WORK = (r"\b(?:for|throughout|during|over) (?:all of )?(?:the |its )?(?:whole|entire|full|complete)? ?(?:duration of the )?"
               r"(?:project|engagement|internship|micro-?internship|placement|assignment|work|\d+ (?:weeks|days))\b")
#: Time at a place the role requires: wins over a remote field or location ("hybrid contradiction").
_OFFICE_DUTY = re.compile(
    rf"\b(?:\d|once|twice)(?: days?| times?)? {_A_WEEK} (?:in|at|from|to) (?:the|our|an?) (?:[a-z]+ )?{_PLACE}\b"
    rf"|\b(?:in|at|from|to) (?:the|our) (?:[a-z]+ )?{_PLACE},? (?:\d|once|twice)(?: days?| times?)? {_A_WEEK}"
    rf"|\b{_PLACE} (?:\d|once|twice)(?: days?| times?)? {_A_WEEK}"
    rf"|\b(?:on[- ]?site|in[- ]person|in[- ]office) (?:\d days?|once|twice|\d times) {_A_WEEK}"
    # "on site at our East 6th Street location on two anchor days a week", "in person at the studio for 2 shoot days each week"
    rf"|\b(?:on[- ]?site|in[- ]person|in[- ]office|in (?:the|our) office)\b[^.]{{0,60}}?\b(?:\d|once|twice)(?: [a-z-]+)?"
    rf" (?:half[- ])?(?:days?|times?|mornings?|afternoons?) {_A_WEEK}"
    rf"|\b(?:\d|once|twice)(?: [a-z-]+)? (?:half[- ])?(?:days?|mornings?|afternoons?) {_A_WEEK},? (?:on[- ]?site|in[- ]person|in[- ]office)\b"
    rf"|\b\d anchor days?\b|\b(?:\d|once|twice) (?:on[- ]?site|in[- ]person|in[- ]office|office|studio|campus|lab) (?:half[- ])?days? {_A_WEEK}"
    # a weekday's sitting at a place: "on Tuesday afternoons you'll sit in with the team at our King Street studio",
    # "every Thursday at our office for the weekly review"
    rf"|\b(?:on|every|each) (?:mon|tues|wednes|thurs|fri|satur|sun)days?(?: (?:mornings?|afternoons?|evenings?))?\b"
    rf"[^.]{{0,80}}?\b(?:at|in) (?:the|our) (?:[a-z0-9-]+ ){{0,4}}?{_PLACE}\b"
    rf"|\b(?:at|in) (?:the|our) (?:[a-z0-9-]+ ){{0,4}}?{_PLACE}\b[^.]{{0,40}}?\b(?:on|every|each) (?:mon|tues|wednes|thurs|fri"
    rf"|satur|sun)days?\b"
    # on site on a count of days: "on-site shoots at our Portland store on two Saturdays"
    rf"|\b(?:on[- ]?site|in[- ]person)\b[^.]{{0,60}}?\b(?:on|for) (?:\d|both) (?:[a-z-]+ )?(?:days|mornings|afternoons|evenings"
    rf"|weekends|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"
    # attendance required in person: "you will attend two in-person workshops at our London office"
    rf"|(?<!can )(?<!may )(?<!could )(?<!welcome to )(?<!invited to )(?<!free to )\b(?:attend|join us for|come to|take part in)"
    rf" (?:\d|both|all|the|our|an?|each|every) (?:(?!optional)[a-z-]+ ){{0,2}}?(?:in[- ]person|on[- ]?site)\b(?! or\b)"
    # "we need you on site", "we'll need the intern in person"
    rf"|\b(?:need|needs|want|require|requires|expect|ask)s? (?:you|interns?|the (?:student|intern)|students|them)"
    rf" (?:to (?:be|work|come|join us) )?(?:on[- ]?site|in[- ]person|in (?:the|our) office|at (?:the|our) (?:[a-z0-9]+ ){{0,3}}{_PLACE})\b"
    rf"|\bhybrid (?:schedule|role|position|model|arrangement|set-?up|working|work|basis)\b|\bhybrid\s*[:(]"
    # a part of the work required in person: "the kick-off and the final presentation are in person"
    rf"|\b(?:are|is|will be|happens?|takes? place|held)\s+(?:in[- ]person|on-?site)\b(?!\s*(?:or|and/or)\b|\s*/)"
    rf"|\b(?:must|required to|expected to|need to|will need to|have to|asked to) (?:be able to )?(?:come|commute|work|be|report"
    rf"|attend)(?: in)?(?: into| to| at| from)? (?:the |our )?(?:[a-z]+ ){{0,2}}?(?:office|on[- ]?site|in person|in-person)\b"
    # days of the work on site: "three days of on-site street surveys", "2 days of in-person interviews"
    rf"|\b(?:\d|two|three|four|five|six|seven|several|a few) (?:full |half[- ])?days? of (?:on[- ]?site|in[- ]person)\b"
    # the whole work at a place: "you'll work from our office at the training ground for the whole project"
    rf"|\b(?:(?:from|at|in) (?:the|our) (?:[a-z]+ ){{0,2}}{_PLACE}|on-?site|in[- ]person)\b[^.]{{0,50}}?{_WHOLE_WORK}"
    # Spanish / Portuguese: "asistir presencialmente a una visita", "comparecer presencialmente", "trabajar de forma presencial"
    rf"|\b(?:asistir|acudir|venir|trabajar|estar|comparecer|ir|participar)(?: de (?:forma|manera|modo))? presencial(?:mente)?\b"
    # the work's mode said as a label or a rule: "Modalidad: presencial", "praca stacjonarna", "on-site only"
    rf"|\b(?:modalidade?|trabajo|trabalho)\s*:?\s*presencial\b|\bpraca stacjonarna\b|\b(?:on[- ]?site|in[- ]person) only\b")
#: Other people as the subject of an office duty: "our team works on site …", "the staff are in the office …".
_OTHERS_DUTY = re.compile(r"\b(?:our|the|their|its) (?:[a-z-]+ )?(?:team|staff|employees|crew|colleagues|engineers|volunteers"
                          r"|members|founders)\b(?: (?:[a-z-]+ ){0,3})?$")
#: "… (optional)", "… if you like": the visit just named is not required.
_OPTIONAL_AFTER = re.compile(r"[^.]{0,40}?\b(?:optional(?:ly)?|if you (?:like|want|wish|prefer|can)|not (?:required|mandatory)"
                             r"|encouraged but|no obligation)\b")
#: "Optional", "never", "no need to": an office visit that is not required.
_NOT_REQUIRED = re.compile(r"\b(?:no|not|never|nothing|optional(?:ly)?|don't|do not|won't|without|nor)\b[^.]{0,25}$")
#: Remote denied in so many words: wins even over a remote-only board ("this project is not remote",
#: "not a remote role"); not "not remote-first" or "not only remote".
_REMOTE_DENIED = re.compile(r"\b(?:(?:this|the) (?:[a-z-]+ )?(?:project|role|position|job|internship|micro-?internship|work|gig"
                            r"|opportunity) (?:is not|will not be|isn't|won't be) (?:a )?remote|this is not (?:a )?remote|not a remote (?:role|position|job|project|internship|opportunity|gig)"
                            # "there is no remote option", "remote work is not possible", "it cannot be done remotely"
                            r"|(?:there is|there's|with|we have|we offer) no (?:option (?:of|for) |possibility (?:of|for) )?remote"
                            r"(?: work(?:ing)?)?(?: option| possibility)?|\bremote (?:work(?:ing)? )?(?:is not|isn't) (?:possible|an option"
                            r"|available|offered)|(?:cannot|can't|can not) be (?:done|completed|carried out) remotely)\b(?![- ](?:first|friendly|only))")
#: What every wording of :data:`_REMOTE_DENIED` holds: the cheap test before it.
_DENIED_NEEDLES = ("t remote", "t a remote", "t be remote", "no remote", "no option", "no possibility", "e remotely", "is not", "isn't")
#: ``remote_fact.by`` of on-site prose against a remote field or location (:attr:`Facts.onsite_prose`).
_AGAINST_REMOTE = "text against a remote field"
#: "Hybrid: 2 days on-site at our Yaba kitchen, the rest from home": a few days in person over the
#: whole work, not a weekly schedule ("2 days on-site each week" is one, and rejects as hybrid).
_HYBRID_FEW_DAYS = re.compile(r"\bhybrid\s*[:(-]\s*(?:\d|a few) (?:full |half[- ])?days? (?:on[- ]?site|in[- ]person"
                              r"|in (?:the|our) office|at (?:the|our)\b)(?![^.;]{0,50}\b(?:a|per|each|every) (?:week|wk)\b|[^.;]{0,50}\bweekly\b)")
#: A place of work named in an on-site phrase ("our Leeds studio"), unlike where one must live ("located in Canada").
_WORKPLACE_WORDS = ("office", "studio", "lab", "warehouse", "shop", "store", "premises", "clinic", "atelier", "person", "hybrid",
                    "face to face", "face-to-face", "sites", "be based", "need you in", "room", "library", "farm", "kitchen", "workshop",
                    "on-site", "onsite", "on site", "escritório", "estúdio", "ateliê", "oficina", "taller", "büro")
#: What every wording of :data:`_ONSITE_TEXT` holds: the cheap test before it.
_ONSITE_NEEDLES = ("office", "site", "person", "hybrid", "studio", "store", "lab", "warehouse", "campus", "headquarters",
                   "clinic", "shop", "relocat", "must ", "stacjonarn", "presencial", "sur place", "vor ort", "büro", "präsenz",
                   "brid", "yerinde", "ofis", "yüz yüze", "miejscu", "biurze", "kancelář", "místě", "birou", "sediu", "офіс",
                   "المكتب", "במשרד", "reach of", "distance of", "nosso", "nossa", "nuestr", "face to face", "face-to-face",
                   "take place", "takes place", "happen", "based", "need you in", "out of our", "carried out", "leave the", "leave our", "in-store", "field-based")
#: On-site said in prose: only read when nothing says remote.
_ONSITE_TEXT = re.compile(r"(?<!no )(?<!not )(?<!without )\b(?:in[- ]person|hybrid|in the office|office in [a-z]+"
                          r"|at our (?:office|offices|studio|stores?|lab|warehouse|site|campus|headquarters|clinic|shop)\b"
                          r"|(?:in|at|on) our [a-z]+ (?:office|offices|studio|lab|headquarters|hq|campus|warehouse|clinic)\b"
                          r"|(?:work|working|based|report(?:ing)?|come|commute)\b[^.]{0,25}\b(?:on[- ]?site|in[- ]person"
                          r"|in (?:our|the) office|at (?:our|the) (?:office|offices|studio|lab|campus|headquarters))"
                          r"|(?:on[- ]?site|in[- ]person|in[- ]office|hybrid) (?:role|position|internship|work|schedule|presence)"
                          r"|relocat\w+ (?:to|is required)|must (?:live|be located) (?:in|near|within commuting)"
                          # "on-site only", "praca stacjonarna" (Polish), "modalidad: presencial"
                          r"|(?:on[- ]?site|in[- ]person|in[- ]office) only|praca stacjonarna|(?:modalidade?|trabajo|trabalho)\s*:?\s*(?:presencial|h[íi]brid[oa])"
                          # the place given in the writer's language: "presencial en Madrid", "in presenza a Milano",
                          # "sur site à Lyon", "op kantoor in Utrecht"
                          r"|(?:100 ?% )?presencial(?:mente)? (?:en|em|na|no|nas|nos)|in presenza (?:a|presso|nella|nel|in)\b"
                          r"|sur site (?:à|a|au|aux|dans)|op (?:ons )?kantoor (?:in|te)|op locatie (?:in|te)"
                          # German: "verpflichtend in unserem Büro in Wien", "ein Präsenztag", "Anwesenheit im Büro"
                          r"|(?:in|im) unserem (?:büro|office|standort)|(?:in|im) (?:unseren )?büro(?:räumen)? (?:in|am)\b|präsenz(?:tag|termin|pflicht)\w*"
                          # Turkish, Polish, Czech, Romanian, Ukrainian, Arabic, Hebrew: "yerinde çalışma", "ofisimizde",
                          # "yüz yüze", "praca na miejscu", "w biurze w", "v kanceláři", "na místě v", "la birou", "la sediul",
                          # "в офісі", "في المكتب", "במשרד"
                          r"|yerinde (?:çalışma|çalışılacak|çalışacak)\w*|ofis(?:te|imizde|imize)\b|yüz yüze (?:çalışma|çalışılacak)"
                          r"|(?:praca|pracy|pracujesz) na miejscu|w (?:naszym )?biurze (?:w|we|przy)\b|v (?:naší )?kanceláři\b"
                          r"|na místě (?:v|ve)\b|la (?:birou|birourile|sediul)\b|в (?:нашому )?офісі|في (?:ال)?مكتب(?:نا)?|במשרד(?:ינו)?"
                          # the place of work given as such: "On-site at our downtown Toronto office", "Sur place, dans
                          # notre atelier", "Einsatzort: vor Ort an der Talstation"; not after a third person's verb,
                          # someone else's place: "notre équipe travaille sur place", "the team works on-site at the"
                          r"|(?<!works )(?<!travaille )(?<!travaillent )(?<!arbeitet )"
                          r"(?:(?:on[- ]?site|in[- ]person) (?:at|in) (?:our|the)|sur place|vor ort)"
                          # attendance asked of the student: "we need you in the studio on Blossom Street", "you will sit
                          # with our credit team at the Westlands office", "within reach of Manchester"
                          r"|(?<!n't )(?<!not )(?<!never )(?:need|want|require|expect) you (?:to (?:be|come|work) )?(?:in|at|into) (?:the|our)"
                          r" (?:[a-z]+ ){0,2}(?:office|offices|studio|lab|warehouse|shop|store|workshop|premises|clinic|atelier)"
                          r"|you(?:'ll|’ll| will| would) (?:sit|work|be based|be working|be) (?:with [a-z ]{1,30} )?(?:in|at) (?:the|our)"
                          r" (?:[a-z]+ ){0,2}(?:office|offices|studio|lab|warehouse|shop|store|workshop|premises|clinic|atelier)"
                          r"|within (?:easy )?(?:reach|commuting distance|travel(?:l)?ing distance) of"
                          # "You'll mostly work from our Bree Street studio", "we need you in for print proofing on Tuesdays"
                          r"|(?:work|working|based) (?:mostly |mainly |largely |primarily )?(?:from|out of) (?:our|the) (?:[a-z]+ ){0,2}"
                          r"(?:office|offices|studio|lab|shop|store|warehouse|workshop|premises|clinic|atelier)(?! or\b)"
                          r"|need you in (?:for|on|at|two|three|once|twice|every)\b"
                          # "you'll be based with our Leeds team two days a week"
                          r"|you(?:'ll|’ll| will| would)? be based (?:with|in|at|alongside) (?:our|the) (?:[a-z]+ ){0,2}(?:team|office|studio|lab"
                          r"|site|hq|headquarters)"
                          # "interviews take place face to face at customer sites around Auckland"
                          r"|face[- ]to[- ]face (?:at|in|on)\b|take[s]? place (?:face[- ]to[- ]face|in person|on[- ]?site)"
                          # Portuguese and Spanish: "as sessões acontecem no nosso estúdio", "deberás acudir a nuestra oficina"
                          r"|(?:acontece\w*|realiza\w*|trabalh\w+|comparec\w+) (?:[a-z]+ ){0,2}(?:no|na) (?:nosso|nossa)"
                          r" (?:escritório|estúdio|ateliê|atelier|loja|laboratório|sede)"
                          r"|(?:acudir|asistir|venir|trabaj\w+|se realiza\w*) (?:[a-z]+ ){0,2}(?:a|en) nuestr[ao]s? (?:oficinas?|estudio|taller|tienda|sede|local)"
                          # where the work itself is done: "all work happens in our Local History Room", "work takes place
                          # in our La Jolla lab", "the collection can't leave the library", "in-store", "field-based"
                          r"|(?:work|everything|sessions?|the (?:project|work|job|shifts?|sessions?)) (?:all )?(?:happens?|takes? place|is done"
                          r"|is carried out|runs?) (?:[a-z]+ )?(?:in|at|on) (?:our|the) (?:[a-z-]+ ){0,3}(?:room|lab|laboratory|office|studio|store"
                          r"|shop|warehouse|library|archive|kitchen|workshop|premises|farms?|site)"
                          r"|can(?:'t|not|’t) leave (?:the|our) (?:[a-z]+ )?(?:library|building|office|premises|archive|lab|site|room)"
                          r"|(?<!no )(?<!not )in-store(?! (?:credit|pick-?up|promotions?|sales data|purchases))|field-based"
                          r")\b")
_LONG_TERM = re.compile(r"\b(?:(?<!this )(?<!next )(?<!current )(?<!each )(?<!liburan )(?<!libur )semester(?!s?\b[- ]?(?:students?|seniors?|juniors?|sophomores?"
                        # the break between terms is when the project is done: "semester break", "liburan semester"
                        r"|break|holidays?|vacation|recess"
                        # the applicant's year of study, not the role's term: "first-semester seniors", "in their
                        # final semester", "completed one semester of coursework"
                        r"|freshm[ae]n|undergrad\w*|standing|of (?:study|college|university|coursework|your|their)))"
                        r"|academic year|school year|full[- ]year|year[- ]long|\d+[- ]years?[- ](?:contract|"
                        r"position|role|program|programme|engagement|internship)|(?:[3-9]|1[0-2])[- ]months?[- ]"
                        # up to two words between, not "of": "a 12-month fixed-term contract", not "12 months of contract data"
                        r"(?:(?!of\b)[a-z]+[- ]){0,2}?(?:long|"
                        r"contract|internship|program|programme|role|position|engagement|term|assignment|placement|co-?op)"
                        # a term of years, not the employer's history ("for 90 years we have insured families")
                        r"|(?:for|of|lasting|over) (?:[1-4]|several|multiple) years?(?! ago| now| and counting))\b")
_STUDENTS = re.compile(r"\b(?:micro[- ]?internships?|internships?|interns?|students?|graduates?|grads|undergrad\w*"
                       r"|college|university|universities|early[- ]career|entry[- ]level|bootcamp|studierende|praktik\w*)\b")
#: Students and new graduates in the writer's language ("estudantes universitários ou recém-formados",
#: "estudiantes", "étudiant·e·s", "jeunes diplômés", "studenti", "neolaureati", "Studenten", "studerende", "öğrenciler"):
#: read only when the English words are not there.
_STUDENTS_ABROAD = re.compile(r"\b(?:estudantes?|estudiantes?|[ée]tudiant\w*|studenti|studentesse|studenten|studerende|studenter"
                              r"|student(?:ów|ki|ek)|universit[aá]ri\w*|rec[ée]m[- ]formad\w*|reci[ée]n (?:graduad|egresad)\w*"
                              r"|egresad\w*|jeunes dipl[ôo]m\w*|neolaureat\w*|laureand\w*|absolvent\w*|afgestudeerde?n?"
                              r"|estagi[aá]ri\w*|est[aá]gios?|becari\w*|pasant[ei]s?|stagiaires?|tirocin\w*"
                              # Turkish "öğrenciler", "yeni mezunlar"; Indonesian/Malay "mahasiswa"
                              r"|öğrenci\w*|yeni mezun\w*|mahasiswa|pelajar (?:universiti|kolej|ijazah|politeknik|ipt\w*)|siswazah"
                              # Portuguese "graduandos", "formandos", "formados em 2026"; German "Studierende"
                              r"|graduand[oa]s?|formand[oa]s?|formad[oa]s? (?:em|en|in) (?:19|20)\d\d|studierend\w*"
                              # Finnish "opiskelijoille", "vastavalmistuneille"; Vietnamese "sinh viên"; Swahili "wanafunzi";
                              # a university named in the writer's language ("på högskola/universitet", "universidad")
                              r"|opiskelij\w*|vastavalmistun\w*|sinh viên|w?anafunzi|universitet\w*|högskol\w*|høgskole\w*"
                              r"|universidad\w*|universidade\w*|université\w*|università|universität\w*|universiteit\w*|uniwersytet\w*"
                              r"|yliopisto\w*|korkeakoulu\w*"
                              # Polish "studenci", Slovak "študenti", Lithuanian "studentams", Romanian "studenți",
                              # Hungarian "egyetemisták", "hallgatók"; Cyrillic "студенти"; Greek "φοιτητές"
                              r"|studenc\w*|študent\w*|student(?:ams|ai|ų|ui|ėms)|studen[țţ]i|egyetemist\w*|hallgató\w*"
                              r"|студент\w*|φοιτητ\w*"
                              # Japanese, Korean, Chinese and Hindi in Latin letters: "daigakusei", "daehaksaeng", "daxuesheng",
                              # "chhatra", "vidyarthi"
                              r"|daigakusei|daigakuinsei|gakusei|daehaksaeng|haksaeng|daxuesheng|xuesheng|yanjiusheng|benke ?sheng"
                              r"|chh?atr(?:a|on|aon)|vidyarthi\w*"
                              # Nordic compounds: "masterstudenter", "bachelor- og masterstudenter", "studentoppdrag"
                              r"|(?:bachelor|master|doktorand|ph\.?d)-?stud(?:enter|enten|erande)|student(?:oppdrag|uppdrag|opgave)\w*)(?!\w)")
#: Students and new graduates in Japanese, Korean and Arabic, which run words together without spaces
#: ("学生の方", "大学生歓迎", "대학(원) 재학생 및 졸업예정자"), so no word boundary can frame them.
#: Not a pupil's school: "小学生" / "中学生" (primary, middle school) hold 学生 too, and Korean
#: 학생 alone is any pupil (고등학생, high school), so only the university and graduate words count.
_STUDENTS_CJK = re.compile(r"(?<![小中])学生|新卒|大学院生|インターン|대학생|대학원생|재학생|졸업예정자|졸업생|휴학생|인턴"
                           # Arabic joins its articles to the word ("للطلاب", "الطلبة"): no boundary there either; Thai
                           # "นักศึกษา", "บัณฑิต" and Hindi "छात्र", "विद्यार्थी" neither (their vowel signs are no word letters)
                           r"|طلاب|طلبة|طالب|นักศึกษา|บัณฑิต|छात्र|विद्यार्थी")
_STUDENT_TRAPS = re.compile(r"\b(?:our|your|k-?12|gcse|a[- ]level|high[- ]school|school|middle[- ]school|grade|\d+(?:st|nd|rd|th)"
                            r"[- ]grade|tutor(?:ing)?|teach(?:ing)?|with|serve|serving|help(?:ing)?|coach(?:ing)?|mentor(?:ing)?"
                            r"|support(?:ing)?|engage|engaging)\s+(?:\w+\s+){0,2}students?\b|\bstudents?\s+(?:we|you)\s+"
                            r"(?:serve|teach|tutor|support|coach)\b|\b(?:grade|grading|mark(?:ing)?)\s+(?:student\s+)?"
                            r"(?:essays|papers|work|assignments)\b|\bgraduate degree\b|\buniversity degree\b|college degree\b"
                            # a profession's regulator, not a place of study: "registered with a provincial regulatory
                            # college", "the College of Nurses of Ontario"
                            r"|\b(?:regulatory|provincial|professional|electoral) college\b|\b(?:royal )?college of (?:\w+ ){0,2}?"
                            r"(?:nurses|nursing|physicians|surgeons|dentists|dental|pharmacists|pharmacy|teachers|psychologists"
                            r"|midwives|hygienists|veterinar\w+|paramedics|physiotherapists|optometrists|engineers)\b"
                            # students turned away: "not open to students", "students need not apply"
                            r"|\bnot (?:open|available|suitable|intended|meant|aimed) (?:to|for|at) (?:\w+ ){0,2}students?\b"
                            r"|\bstudents? (?:need not|should not|cannot|can't|may not) apply\b|\bno students\b"
                            # "nursing students are not eligible", "student teachers are ineligible"
                            r"|\b(?:[\w-]+ )?students? (?:teachers? )?(?:are|is) (?:not|in)eligible\b")
#: A practising professional required: "must be a practising registered nurse", "applicants must be certified
#: K-12 teachers", "open only to licensed pharmacists": the audience is not students, whatever else is said.
_PRO_ADJ = (r"(?:practi[cs]ing|licensed|registered|certified|credentialed|board[- ]certified|chartered|accredited|sworn"
            r"|qualified|experienced)")
_PRO_NEEDLES = ("practi", "licens", "registered", "certified", "credentialed", "chartered", "accredited", "sworn",
                "qualified", "experienced")
_PRO_NOUN = (r"(?:nurses?|rns?|lpns?|teachers?|educators?|clinicians?|physicians?|doctors?|pharmacists?|therapists?"
             r"|counsel+ors?|psychologists?|dietitians?|lawyers?|attorneys?|solicitors?|barristers?|accountants?|cpas?"
             r"|engineers?|architects?|surveyors?|actuar(?:y|ies)|social workers?|professionals?|practitioners?|dentists?"
             r"|veterinarians?|paramedics?|midwi(?:fe|ves)|translators?|interpreters?|auditors?|appraisers?|physiotherapists?"
             r"|occupational therapists?|optometrists?|radiographers?|psychiatrists?|surgeons?|hygienists?|chiropractors?"
             r"|podiatrists?|osteopaths?|sonographers?)")
#: Only a requirement counts ("we're looking for a qualified translator" may still be a student), and no
#: student word between ("must be a certified student tutor" is a student).
_PRO_BETWEEN = r"(?:(?!students?\b|interns?\b|graduate|trainee|junior|aspiring|future|prospective|student-)[\w-]+ )"
_PROFESSIONALS = re.compile(rf"\b(?:must (?:be|hold|already be)|(?:open|available|limited|restricted) (?:only )?to|only for)"
                            rf" (?:an? |currently )?(?:(?:actively|currently|fully) )?{_PRO_ADJ} {_PRO_BETWEEN}{{0,3}}?{_PRO_NOUN}\b"
                            rf"|\b(?:only|exclusively) (?:for |to )?{_PRO_ADJ} {_PRO_BETWEEN}{{0,2}}?{_PRO_NOUN}\b"
                            rf"|\b{_PRO_ADJ} {_PRO_BETWEEN}{{0,2}}?{_PRO_NOUN} only\b")


class Missing(str):
    """A rule's detail when a fact is only missing (not contradicted): with strong micro-internship
    signals and nothing else wrong, the record goes to the review queue under ``review``."""

    review: str = ""


def _missing(review: str, detail: str) -> Missing:
    m = Missing(detail)
    m.review = review
    return m


#: A feed title's "Campus News: …", "Alumni spotlight: …" read as its organization: a section of a
#: publication, not an employer.
_LABEL_ORG = re.compile(r"^(?:(?:campus|university|college|school|student|students'|career|careers|alumni|latest|local|industry"
                        r"|member|weekly|monthly|breaking|top|faculty|department|graduate) ){0,2}(?:news|spotlight|features?|opinion"
                        r"|blog|column|q ?& ?a|explainer|newsletter|stories|story|profiles?)$")


#: An employer's name withheld: "Confidential", "Stealth startup", "Undisclosed client".
_PLACEHOLDER_ORG = re.compile(r"^(?:an? )?(?:confidential|undisclosed|anonymous|stealth|unnamed|private)"
                              r"(?: (?:mode|startup|start-up|company|client|employer|organi[sz]ation))?$"
                              # a recruiter's stand-in: "Hiring Partner", "Our Client", "Client Company"
                              r"|^(?:our |a |the )?(?:hiring partner|client|client company|partner company|employer partner)$")


#: The text says who the employer is will be told later: a recruiter's posting for a named-later client.
_WITHHELD_TEXT = re.compile(r"\b(?:on behalf of (?:our|a|an) (?:[a-z-]+ )?client|(?:the )?client(?:'s|’s) (?:name|identity) (?:will be|is)"
                            r" (?:shared|disclosed|revealed|given)|(?:confidential|undisclosed|unnamed) (?:client|employer|company)"
                            r"|(?:name|identity) of the (?:client|employer|company) (?:will be|is) (?:shared|disclosed|revealed|given))\b")


def _org_withheld(f: Facts) -> str | None:
    """An employer named only as "Confidential": missing, not contradicting (a person asks who it is).
    Tried last, so that a record rejected for what it says keeps that reason."""
    org = extract.prepare(normalize.as_text(f.record.organization) or normalize.as_text(f.source.organization)).strip()
    if _PLACEHOLDER_ORG.match(org):
        return _missing("REVIEW_ORG_UNKNOWN", f"the organization is withheld ({org!r})")
    return None


#: A talent pool or a waiting list, not a posting: "we don't have any open micro-internships right now",
#: "no open projects at the moment", "join our talent pool", "general application".
_NO_OPENING = re.compile(r"\b(?:(?:we )?(?:don't|do not|don’t) (?:currently )?have any (?:open|current|available) (?:[a-z-]+ )?"
                         r"(?:roles|positions|projects|openings|vacancies|micro-?internships|internships|gigs)"
                         r"|(?:there are )?no (?:open|current|available) (?:[a-z-]+ )?(?:roles|positions|projects|openings|vacancies"
                         r"|micro-?internships|internships) (?:right now|at the moment|currently|at present|for now))\b")
#: The same said by a title: "General application: future micro-internship talent pool" (a posting's
#: text may say "if not selected, you join our talent pool": only the title makes it the whole post).
_POOL_TITLE = re.compile(r"\b(?:general application|speculative application|open application|talent (?:pool|network|community)"
                         r"|waiting ?list|waitlist)\b")


def _not_a_posting(f: Facts) -> str | None:
    if not f.title.strip():
        return "no title"
    if _LABEL_ORG.match(org := extract.prepare(normalize.as_text(f.record.organization)).strip()):
        return f"a section of a publication, not an employer: {org!r}"
    unnamed = not (normalize.as_text(f.record.organization) or normalize.as_text(f.source.organization)).strip()
    withheld = _find(_WITHHELD_TEXT, f.text) if unnamed else None
    if (hit := _find(_NEWS_TITLE, f.title)) or (
            (hit := _find(_ARTICLE_NOUN, f.title)) and not _POSTING_MARKER.search(f.title)):
        return f"title reads like an article or question: {hit!r}"
    if hit := _find(_NEWS_BODY, f.text[:600]):
        return f"reads like a news story: {hit!r}"
    if (hit := _find(_EMPLOYER_FACING, f.title, f.text[:400])) and not _VIA_PROGRAMME.search(f.text[:400]):
        return f"addressed to employers: {hit!r}"
    head = f.text[:600]
    if hit := _find(_POOL_TITLE, f.title) or (any(w in head for w in ("have any", "no open", "no current", "no available"))
                                             and _find(_NO_OPENING, head)):
        return f"no opening now, a pool or list to join: {hit!r}"
    if unnamed and withheld:  # "on behalf of our client … the client's name will be shared with shortlisted candidates"
        return _missing("REVIEW_ORG_UNKNOWN", f"no organization, and the text says it is withheld: {withheld!r}")
    if unnamed:  # missing, not contradicting: a micro-internship in every other fact is a person's to trace
        return _missing("REVIEW_ORG_UNKNOWN", "no organization")
    if "organization" in (getattr(f.record, "uncertain", None) or ()):  # after what says it is no posting at all
        return _missing("REVIEW_ORG_UNKNOWN", f"the adapter could not read who offers it "
                                              f"(placeholder {normalize.as_text(f.record.organization)[:60]!r})")
    return None


def _bad_url(f: Facts) -> str | None:
    if normalize.safe_url(f.record.apply_url) or normalize.safe_url(f.record.url):
        return None
    return f"no usable http(s) URL (apply_url={normalize.as_text(f.record.apply_url)[:80]!r}, url={normalize.as_text(f.record.url)[:80]!r})"


#: "Work beyond 30 hours is not compensated": the extra work is unpaid, not the project.
_BEYOND = re.compile(r"\b(?:beyond|above|over(?! (?:\d+|a|one|two|three|four|five|six) (?:weeks?|days?|months?)\b)|more than|in excess of|extra|additional|past|outside|after)\b[^.]{0,40}$")


#: Money only for winners: "prizes: $5,000, $2,500 and $1,000 for the top 3 teams", "the winning team takes home $1,000".
_PRIZES = re.compile(r"\b(?:(?:cash )?prizes?|prize pool|awards?)\b[^.]{0,80}\b(?:top|best|winning|winners?|first|1st|finalists?)\b"
                     r"|\b(?:winners?|winning (?:teams?|entr(?:y|ies)|submissions?)|top \d+ (?:teams?|entries|submissions|projects))"
                     r" (?:will )?(?:wins?|receives?|gets?|shares?|splits?|takes? home)\b")
#: An amount that is a prize: "(win $2,000)", "share $2,000 in prizes".
_PRIZE_NEAR = re.compile(r"\b(?:prizes?|prize pool|win|wins|won|awarded|winners?|winning)\b")
#: A gift card or voucher as the pay: "participants receive a $75 Amazon gift card".
#: In the writer's language too: "een cadeaubon van €50", "un bon cadeau", "carte cadeau", "ein Gutschein", "tarjeta regalo",
#: "vale-presente", "buono regalo".
_IN_KIND = re.compile(r"\b(?:gift ?cards?|gift certificates?|e-?gift|vouchers?|cadeaubon\w*|cadeaukaart\w*|bons? cadeaux?"
                      r"|cartes? cadeaux?|(?:einkaufs|geschenk)?gutschein\w*|tarjetas? (?:de )?regalo|vales? (?:de )?regalo"
                      r"|vale-presente|cart[ãa]o[- ]presente|buon[oi] regalo)\b")


def _paid_only_in_kind_or_prizes(f: Facts) -> str | None:
    """Prizes for the best entries and no other pay; or the only amount is a gift card's."""
    role = f.role
    if any(w in role for w in ("prize", "award", "winner", "winning")) and (hit := _find(_PRIZES, role)):
        # read only now: pay is the costliest fact, and most records never need it; "(win $2,000)" is the prize
        if f.pay[0] is None or all(_PRIZE_NEAR.search(f.text, max(0, p.at - 40), p.end + 40) for p in f.mentions):
            return f"only prizes for the best entries: {hit!r}"
    if any(w in role for w in ("gift", "voucher", "cadeau", "gutschein", "regalo", "presente")) and (m := _IN_KIND.search(role)):
        pay = f.pay_fact
        amount = next((p for p in f.mentions if p.quote == pay.quote), None)
        # the amount just before the card ("$75 Amazon gift card") or just after it ("een cadeaubon van €50")
        if pay.value is None or (amount is not None and m.start() - 60 <= amount.at <= m.end() + 12):
            return f"paid in kind: {role[max(0, m.start() - 40): m.end() + 20].strip()!r}"
    if "exposure" in role and f.pay_fact.value is None and (hit := _find(_IN_EXPOSURE, role)):
        return f"paid in exposure: {hit!r}"  # "no budget right now, but you'll get exposure to our followers"
    return None


#: Exposure offered as the pay: "no fee, but you'll get great exposure", "paid in exposure", "in exchange
#: for exposure" (read only when no amount is paid: "$400 and exposure to real clients" is paid).
_IN_EXPOSURE = re.compile(r"\b(?:(?:you(?:'ll| will)?|interns?|students?) (?:get|gain|receive|earn) (?:great |lots of |valuable |real "
                          r"|huge |some |plenty of |a lot of )?exposure\b|paid in exposure|in exchange for (?:the )?exposure"
                          r"|no (?:fee|money|pay|budget|payment|compensation)\b[^.]{0,50}\bbut\b[^.]{0,40}\bexposure)")


def _unpaid(f: Facts) -> str | None:
    if "volunteer" in f.types or "unpaid" in f.types:
        return f"employment type {f.types!r}"
    if hit := _paid_only_in_kind_or_prizes(f):
        return hit
    role = f.role
    if _UNPAID.search(role):  # the common case is one scan that finds nothing
        for m in _UNPAID.finditer(role):
            if not _BEYOND.search(role[max(0, m.start() - 45): m.start()]) and not _about_others(role, m.start(), m.end()):
                return role[max(0, m.start() - 30): m.end() + 30].strip()
    return _find_more(_UNPAID_MORE, role)


#: A negative said of others, in general: "'nonprofit opportunity' usually means unpaid", "most
#: skills-based projects in the nonprofit world are volunteer roles", "unlike many internships".
_GENERALIZED = re.compile(r"\b(?:usually|typically|often|commonly|normally|generally|traditionally|all too often"
                          r"|(?:most|many|other|typical|usual|traditional|so many|too many|plenty of|unlike)\s+(?:[\w'‘’\"“”-]+\s+){0,4}?[‘’\"“”]?"
                          r"(?:roles|projects|opportunit\w+|internships|positions|gigs|jobs|programs|programmes|nonprofits"
                          r"|organi[sz]ations|startups|companies|employers|postings|offers))\b[^.]{0,80}$"
                          # set against this one right before: "Unlike a free job simulation, our sprint is paid"
                          r"|\b(?:unlike|instead of|rather than) (?:an? |the |most |many |other |typical |your )?$")
#: ... and denied of this role right after: "Not this time.", "This one is not:", "We are different."
_DENIED_AFTER = re.compile(r"[^.!?]{0,40}[.!?;:]?\s*(?:but |and |well, )?(?:not (?:this|here|with us|us|ours|at [\w-]+)\b"
                           r"|this (?:1|one|role|project|position|gig|opportunity|time|micro-?[\w-]+) (?:is not|isn't|is different"
                           r"|does not|doesn't|will not|won't)\b|(?:we are|we're|ours is) (?:not|different)\b)")


def _about_others(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` are said of other roles in general, or denied of this one
    right after ("'opportunity' usually means unpaid. Not this time."): a negated negative."""
    before = text[max(0, start - 100): start]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    return bool(_GENERALIZED.search(before[cut + 1:]) or _DENIED_AFTER.match(text, end, end + 80))


#: "Cost: nothing to you", "Fee: none", "Tuition: free".
_FREE_AFTER = re.compile(r"\s*(?:nothing|free|none|no |zero|\$?0\b|n/a|waived|not applicable)")
_NEGATED = re.compile(r"\b(?:no|free(?! (?:plan|account|tier|version|trial|membership)s?\b)|without|never|zero|not|waived?|nothing|don't|do not|doesn't|does not|isn't)\b[^.]{0,25}$")


def _student_pays(f: Facts) -> str | None:
    return f"the student pays: {f.student_pays.quote!r}" if f.student_pays.value else None


#: A deposit or enrolment fee the student pays, in the words English-only :data:`_STUDENT_PAYS` misses: "a
#: refundable security deposit of ₹2,000", "frais d'inscription : 149 €", "quota di iscrizione", "cuota de
#: inscripción", "taxa de inscrição", "Investimento: R$ 297", "Teilnahmegebühr", "inschrijfgeld". Refundable or
#: not, money flows from the student: a product, not pay.
_FEE_ABROAD = re.compile(r"\b(?:(?:refundable|non-refundable|security|equipment|kit|damage) (?:equipment |kit )?bond\b|bond of (?:[$€£₹]|rs\.?\s?|inr|usd)"
                         r"|(?:pay|make|place|an?|the)\s+(?:(?:refundable|non-refundable|security|caution|registration|booking"
                         r"|seat|confirmation|one-time|small)\s+){1,3}deposit|deposit of (?:[$€£₹]|rs\.?\s?|inr|usd|php|idr|ngn)"
                         r"|frais (?:d'|de )(?:inscription|dossier|participation|formation|adh[ée]sion)"
                         r"|quota (?:di |d')(?:iscrizione|partecipazione|adesione)|cuota de (?:inscripci[óo]n|participaci[óo]n|matr[íi]cula)"
                         r"|taxa de (?:inscri[çc][ãa]o|matr[íi]cula|participa[çc][ãa]o|ades[ãa]o)"
                         r"|investimento\s*(?::|de)\s*(?:r\$|€|\d)|(?:teilnahme|anmelde|einschreibe|programm|kurs)geb[üu]hr\w*"
                         r"|inschrijfgeld|deelnamekosten|deelnameprijs|inschrijvingskosten"
                         # Indonesian / Malay "biaya pendaftaran", "yuran penyertaan"; Polish "opłata rejestracyjna",
                         # "wpisowe"; Nordic "anmälningsavgift", "deltakeravgift", "tilmeldingsgebyr"; Italian/Spanish "costo di iscrizione"
                         r"|(?:biaya|yuran) (?:pendaftaran|program|pelatihan|keikutsertaan|penyertaan|kursus|partisipasi)"
                         # Thai "ค่าลงทะเบียน" (registration fee), "ค่าสมัคร" (application fee); Vietnamese "phí đăng ký"
                         r"|ค่าลงทะเบียน|ค่าสมัคร|phí (?:đăng ký|tham gia|ghi danh)"
                         r"|op[łl]ata (?:rejestracyjna|wpisowa|za (?:udzia[łl]|uczestnictwo|program|kurs))|wpisowe"
                         r"|(?:anm[äa]lnings|deltagar|deltaker|deltager|p[åa]meldings|tilmeldings)(?:avgift|gebyr)"
                         r"|cost[oe] (?:di |de )(?:iscrizione|partecipazione|inscripci[óo]n|participaci[óo]n)"
                         # a price line in Spanish or Portuguese: "Inscripción: USD 49", "Matrícula: R$ 150", "Inversión: $99"
                         r"|(?:inscripci[óo]n|inscri[çc][ãa]o|matr[íi]cula|mensalidade|mensualidad|inversi[óo]n)\s*:\s*(?:de\s+)?"
                         # with its currency, so not a date or a share ("Inscripción: 15 de enero", "Inscrição: 100% online")
                         r"(?:(?:[$€£₹]|r\$|s/|us\$|usd|eur|brl|ars|mxn|clp|cop|pen)\s?\d"
                         r"|\d[\d.,]*\s?(?:€|usd|eur|brl|ars|mxn|clp|cop|pen|reais|euros|pesos|soles)\b))")
#: Denied just before: "sans frais d'inscription", "keine Teilnahmegebühr", "nessuna quota", "sem taxa".
_FEE_DENIED = re.compile(r"\b(?:no|not|without|zero|free|sans|aucuns?|aucune|pas de|kein\w*|ohne|sin|ningun\w*|nessun\w*|senza"
                         r"|sem|nenhum\w*|geen|zonder)\b[^.]{0,25}$")
#: Denied just after: "frais d'inscription : aucun", "Teilnahmegebühr entfällt", "gratuito".
_FEE_FREE_AFTER = re.compile(r"[^.]{0,12}?\b(?:aucun\w*|offerts?|gratuit\w*|gratis|kostenlos|entf[äa]llt|keine|nessun\w*|nenhum\w*"
                             r"|ninguna|none|waived|geen)\b")


def _fee_abroad(role: str) -> str | None:
    """The first deposit or enrolment fee of :data:`_FEE_ABROAD` that nothing near denies, with its context."""
    for m in _FEE_ABROAD.finditer(role):
        if _FEE_DENIED.search(role, max(0, m.start() - 40), m.start()) or _FEE_FREE_AFTER.match(role, m.end()):
            continue
        if _OTHERS_MONEY.search(role, max(0, m.start() - 40), m.start()):
            continue  # "our clients' registration fees": someone else's money
        return role[max(0, m.start() - 30): m.end() + 40].strip()
    return None


def _experienced(f: Facts) -> str | None:
    if f.experience.value:
        return f"asks for experience: {f.experience.quote!r}"
    return None


def _full_time(f: Facts) -> str | None:
    if f.role_type.value == "full-time":
        return f"full-time: {f.role_type.quote!r}" if f.role_type.by == "text" else f.role_type.quote
    # a full-time week for this role: "interns work 40 hours per week" (a staff schedule is set aside);
    # a co-op's work term ("4-month co-op term, 35 hours per week") is a term of study, rejected as too long
    if f.weekly and f.weekly.low >= 35 and (week := extract.weekly_hours(f.role)) and week.low >= 35:
        return None if _coop_term(f) else f"a full-time week: {week.quote!r}"
    unit = normalize.as_text(f.record.salary_unit).upper()
    if unit in ("YEAR", "MONTH") and f.record.salary_min and not _small_salary(f.record):
        return None if unit == "MONTH" and _coop_term(f) else f"salary per {unit.lower()}"
    if hit := _find(_EMPLOYEE, f.role) or _find_more(_EMPLOYEE_MORE, f.role):
        return f"employee salary or benefits: {hit!r}"
    pay, quote = f.pay
    if pay is None and any(p.unit == "year" for p in f.mentions):
        return "only a yearly salary is stated"
    return None


#: A co-operative education placement: "co-op term", "4-month co-op", "work term", "Co-op student".
_COOP = re.compile(r"\bco-?op(?:erative education)?\b(?! (?:bank|store|grocer\w*|members?|housing|games?|mode|board)\b)|\bwork terms?\b")


def _coop_term(f: Facts) -> bool:
    """A co-op work term longer than 2 months: its full-time week is the term's, the reason is its length."""
    return bool(_find(_COOP, f.role)) and _long_term(f) is not None


#: "Great micro-interns may be invited to future projects": a possible later engagement, not this one.
_CONDITIONAL = re.compile(r"\b(?:may|might|could|possib\w*|potential\w*|opportunit\w*|invit\w*|eligible|chance)\b[^.]{0,60}$")


def _small_salary(record: RawRecord) -> bool:
    """A yearly/monthly salary field too small to be a wage: the poster typed the project's fee there
    (RemoteOK's salary fields are yearly by definition)."""
    high = record.salary_max if isinstance(record.salary_max, (int, float)) else record.salary_min
    unit = normalize.as_text(record.salary_unit).lower()
    return isinstance(high, (int, float)) and 0 < high < extract.SMALLEST_SALARY.get(unit, 0)


#: Weekly hours for a span with no end: "about 20 hours per week while the beta is running", "10 h a
#: week for as long as the campaign lasts".
_OPEN_SPAN = re.compile(r"(?:hours?|hrs?|h)\s*(?:/|per|a|an|each|every)\s*(?:week|wk)\s*,?\s*(?:while|as long as|for as long as"
                        r"|until)\b(?![^.]{0,40}\b(?:\d+ (?:weeks?|days?)|deadline|deliver\w*|submi\w*|hand-?over|complet\w*"
                        r"|done|finished|over|wrapped)\b)")
_OPEN_SPAN_DETAIL = "weekly hours for a span with no end"


def _ongoing(f: Facts) -> str | None:
    if m := _ONGOING_TYPES.search(f.types):
        return f"employment type {m.group(0)!r}"
    role = f.role
    if f.weekly and (hit := _find(_OPEN_SPAN, role)):
        return f"{_OPEN_SPAN_DETAIL}: {hit!r}"
    if "ongoing" in role and (hit := _find(_ONGOING_BARE, role)):
        return hit
    if not _ONGOING.search(role):
        return None
    for m in _ONGOING.finditer(role):
        if _CONDITIONAL.search(role[max(0, m.start() - 70): m.start()]):
            continue
        word = m.group(0)
        if word == "student assistant" and _one_bounded_total(f):
            continue  # "Student Assistant: interview transcription, 8-10 h in total": a title, one project
        if word.startswith("ongoing") and (_EMPLOYERS_OWN.search(role, max(0, m.start() - 40), m.start())
                                           or _GIVEN_TO_YOU.match(role, m.end())
                                           or word == "ongoing support" and _RECEIVED.search(role, max(0, m.start() - 40), m.start())):
            continue
        return role[max(0, m.start() - 30): m.end() + 30].strip()
    return None


def _one_bounded_total(f: Facts) -> bool:
    """A total of hours stated for the whole work (5-40), with no weekly rate: the record sizes one
    project, so a job title such as "Student Assistant" does not make it a standing position."""
    fact = f.hours_fact
    return (fact.by == "total" and fact.value is not None and f.weekly is None
            and extract.monthly_hours(f.text) is None and HOURS_MIN <= fact.value.min and fact.value.max <= HOURS_MAX)


def _fixed_fee(f: Facts) -> bool:
    """The pay read is one fee for the whole work, not a rate or a salary."""
    return (pay := f.pay_fact.value) is not None and pay.unit == "total"


#: "ongoing" said of the employer's own work or of what the student is given, not of the role:
#: "part of our ongoing work on the archive", "training and ongoing support from a mentor".
_EMPLOYERS_OWN = re.compile(r"(?:\b(?:our|its|their)|'s)\s+$")
_RECEIVED = re.compile(r"\b(?:receive|get|have|with|training and|mentorship and|feedback and|plus|including)(?: (?:an?|the))?\s+$")
_GIVEN_TO_YOU = re.compile(r"\s+(?:from|by (?:a|an|our|your)|(?:is |are |will be )?(?:provided|available|included|given))\b")


#: The employer's own AI product, not a gig title: "evaluate our AI tutor", "Chalkline's AI evaluator
#: beta" ("an AI tutor", "AI tutors wanted" are the gig).
_OWN_PRODUCT_BEFORE = re.compile(r"(?:\b(?:our|its|their)|'s|\b(?:for|of|behind|powering|into|improve|improving) (?:an?|the))"
                                 r"\s+(?:(?:new|own|beta|latest|current|prototype)\s+)?$")
#: A piece rate denied just before: "you won't be paid per item", "we never pay per article".
_NOT_PER_BEFORE = re.compile(r"\b(?:not|no|never|won't|won’t|don't|don’t|do not|isn't|rather than|instead of)\b[^.;]{0,25}$")
#: The media-time alternative of :data:`_PER_PIECE` ("per recorded hour"): a piece rate only said as pay.
_MEDIA_TIME = re.compile(r"per (?:audio |video |recorded |transcribed |media |minute|min\b)")


def _per_piece(f: Facts) -> str | None:
    """Paid by the piece, not for a project: "$3 per image", "rate AI responses". A rate by the
    deliverable ("$75 per handout", "R45 per accepted question") is a piece rate only when no total
    for the whole set and no total hours are stated ("$75 per handout, $450 for the full set of 6",
    18 hours, is one project)."""
    role = f.role
    for m in _PER_PIECE.finditer(role):
        hit, before = m.group(0), role[max(0, m.start() - 40): m.start()]
        if hit.startswith("ai ") and _OWN_PRODUCT_BEFORE.search(before):
            continue
        if _NOT_PER_BEFORE.search(before):
            continue  # "you won't be paid per item", "rather than per article"
        if _MEDIA_TIME.match(hit) and not _PIECE_PAID.search(before):
            continue  # "about 4 hours of work per recorded hour": the work's pace, not the pay's unit
        if _REVIEW_TASK.match(hit) and _fixed_project(f):
            continue  # "review 200 chatbot answers … 12 hours in total … KES 9,000": the work's kind, paid as one project
        return role[max(0, m.start() - 30): m.end() + 30].strip()
    pieces = [p for p in f.mentions if p.unit == "piece"]
    if ("per " in role or "each " in role or "every " in role) and (m := extract.PER_DELIVERABLE.search(role)) and (pieces or _PIECE_PAID.search(role, max(0, m.start() - 20), m.start() + 1)):
        if f.hours_fact.value is not None and (any(p.unit in ("total", "hour") for p in f.mentions)
                                               or f.piece_total):
            return None  # a fixed set of pieces: "$30 per video for 8 videos of about 2 hours each"
        return role[max(0, m.start() - 30): m.end() + 30].strip()
    return None


#: The hits of :data:`_PER_PIECE` that name a task ("review 200 chatbot answers", "rate AI responses"), not a
#: gig role ("AI trainer", "data annotators") or a rate ("per article"): one fee for it can make it a project.
_REVIEW_TASK = re.compile(r"(?:rate|rating|evaluate|evaluating|review|reviewing|label|labell?ing|annotate|annotating|grade"
                          r"|grading|score|scoring)\s")


def _fixed_project(f: Facts) -> bool:
    """One fee for a stated amount of work, and no pay by the piece: a project, whatever its work is."""
    return (f.hours_fact.value is not None and any(p.unit == "total" for p in f.mentions)
            and not any(p.unit == "piece" for p in f.mentions))


#: "paid per approved image", "pays a fee per question": the piece is what the pay is counted by.
_PIECE_PAID = re.compile(r"\b(?:paid|pays?|earn|rate|\d)\b[^.]{0,12}$|\d\s*$")


def _not_remote(f: Facts) -> str | None:
    fact = f.remote_fact
    if fact.value is True:
        return None
    if fact.value is False:
        if fact.by == "field":
            return f"the source marks it not remote ({fact.quote})"
        return f"on-site or hybrid: {fact.quote!r}"
    if fact.by == _FLAG_ONLY:
        return _missing("REVIEW_REMOTE_UNSTATED", fact.quote)
    if fact.by == _WEAK_BY:
        return _missing("REVIEW_REMOTE_UNSTATED", f"remote is said only of the company or as a possibility ({fact.quote!r}), "
                                                  "never that this role is done remotely")
    return _missing("REVIEW_REMOTE_UNSTATED", "no remote wording in the location, title or text")


#: Semesters the applicant has studied, not the role's term: "in their final semester", "completed 2 semesters".
_STUDIED_BEFORE = re.compile(r"(?:\b(?:ab|from|since|in|im) (?:the |their |your )?(?:\d\d?(?:st|nd|rd|th|\.)|first|second|third|fourth"
                             r"|fifth|sixth) |\(\d\d?(?:st|nd|rd|th|\.) |\b(?:their|your|his|her) (?:[\w-]+ )?|\b(?:completed|finished|done) (?:at least )?"
                             r"(?:one|two|three|four|a|an|\d) (?:full )?)$")


#: A perfect or past verb before "over/for N years": the employer's history ("has drifted over 4 years").
_HISTORY_BEFORE = re.compile(r"\b(?:has|have|had|'ve|’ve)\s+(?:been\s+)?[a-z]+(?:ed|wn|en|lt|ne)\b(?:\s+[a-z-]+){0,3}?\s+$")


#: A long term named as what this is not: "without committing to a full semester", "instead of a school year".
_NOT_THE_TERM = re.compile(r"\b(?:without|instead of|rather than|shorter than|less than|a fraction of|no need to|don't need to"
                           r"|do not need to)\b[^.;:]{0,28}?(?:\b(?:an?|the|one|your)\s+)?(?:full[- ]|whole |entire )?$")


_ENROLLED_BEFORE = re.compile(r"\b(?:enrol(?:l)?ed|studying|registered|matriculated)\b[^.;]{0,25}$")


def _long_term(f: Facts) -> str | None:
    role = f.role
    for m in _LONG_TERM.finditer(role):
        if m.group(0) == "semester" and _STUDIED_BEFORE.search(role, max(0, m.start() - 30), m.start()):
            continue
        if _NOT_THE_TERM.search(role, max(0, m.start() - 40), m.start()):
            continue  # "so you can build experience without committing to a full semester"
        if m.group(0) in ("academic year", "school year") and _ENROLLED_BEFORE.search(role, max(0, m.start() - 40), m.start()):
            continue  # "students enrolled in the 2026-27 academic year": the applicant's year of study
        if m.group(0).startswith(("over", "for")) and _HISTORY_BEFORE.search(role, max(0, m.start() - 60), m.start()):
            continue  # "a brand that has drifted over 4 years", "we have grown for 3 years": the past, not the term
        return f"long term: {role[max(0, m.start() - 30): m.end() + 30].strip()!r}"
    if (span := extract.month_span(f.role)) and span.high > 8.7:
        return f"runs {span.quote!r}"
    long = [d for d, _ in f.role_durations if d.high > 8.7]
    if long:
        return f"lasts {long[0].quote!r} (over 2 months)"
    return None


def _weekly_open_ended(f: Facts) -> str | None:
    hours, _ = f.hours
    if hours is None and f.weekly:
        return f"{f.weekly.quote!r} with no fixed duration"
    if hours is None and (monthly := extract.monthly_hours(f.text)):
        return f"{monthly.quote!r}: hours a month, with no end"
    return None


def _hours_unknown(f: Facts) -> str | None:
    if f.hours[0]:
        return None
    return _missing("REVIEW_HOURS_UNSTATED", "no total hours or weekly hours x duration found")


def _too_long(f: Facts) -> str | None:
    hours, quote = f.hours
    if hours and hours.max > HOURS_MAX:
        return f"{hours.min}-{hours.max} total hours from {quote!r}"
    return None


def _too_short(f: Facts) -> str | None:
    hours, quote = f.hours
    if hours and hours.min < HOURS_MIN:
        return f"{hours.min}-{hours.max} total hours from {quote!r}"
    return None


def _not_for_students(f: Facts) -> str | None:
    if not f.options.get("require_students", True):
        return None
    if f.audience.value == "students":
        return None
    if f.audience.value == "experienced" and _students_invited(f.role):
        return None  # students invited, experience asked too: the experience rule's conflict, not this rule's
    if f.audience.value == "professionals":
        return f"for practising professionals, not students: {f.audience.quote!r}"
    return "no mention of students, graduates or internships" + (f" ({f.audience.quote})" if f.audience.quote else "")


#: Students turned away in so many words, whatever else the post says of interns or graduates: "we cannot engage
#: current students", "students and recent graduates are not eligible", "experienced professionals only",
#: "graduates of 2020 or earlier only", a mission only for registered companies ("sociétés uniquement", "nur für
#: Freiberufler*innen", "apenas PJ", "with your own GST/VAT number"), "Studierende können wir nicht berücksichtigen".
_STUDENTS_EXCLUDED = re.compile(
    r"\b(?:can ?not|can't|do not|don't|won't|will not|are unable to|unable to|may not)\s+(?:engage|hire|accept|consider|contract"
    r" with|work with|take on|onboard|book)\s+(?:[\w-]+\s+){0,2}?(?:students?|interns?|undergrad\w*)\b"
    # not "interns are not eligible for benefits": the exclusion is from this work, not from a perk
    r"|\b(?:students?|graduates?|grads|undergrad\w*)\b[^.;:!?]{0,50}?\b(?:(?:are|is|will)\s+(?:not\s+(?:be\s+)?(?:eligible|considered"
    r"|accepted)|ineligible)|(?:cannot|can ?not|can't|can’t|won't|won’t|will not)\s+be\s+(?:eligible|considered|accepted))\b"
    r"(?!\s+(?:for|to)\s+(?!(?:this|the|our)\s+(?:program\w*|project|role|position|mission|gig|opportunity|one|1\b|work|assignment"
    r"|engagement|task|brief|(?:micro-?)?internship)))"
    r"|\b(?:experienced |seasoned |working )?professionals only\b|\bonly (?:for |open to )?(?:experienced|seasoned) professionals\b"
    r"|\b(?:graduates?|grads) (?:of|from|before) (?:19|20)\d\d (?:or (?:earlier|before) )?only\b"
    r"|\b(?:(?:registered|incorporated) )?(?:companies|businesses|agencies|firms|legal entities) only\b"
    r"|\b(?:open|available|restricted|limited) (?:only |exclusively )?to (?:registered |incorporated )(?:companies|businesses|firms)\b"
    r"|\bmust (?:be|have|hold) (?:a |your own )?(?:registered|incorporated) (?:company|business|firm)\b"
    r"|\b(?:must|need to|required to) (?:have|hold|provide|invoice with) (?:a |an |your )?(?:valid )?(?:own )?(?:cnpj|gstin|gst"
    r"|vat|ust-?idnr|partita iva|siret)\b"
    # French: "mission réservée aux sociétés", "sociétés uniquement", "nous ne pouvons pas contracter avec des étudiants"
    r"|\br[ée]serv[ée]e?s? aux (?:soci[ée]t[ée]s|entreprises|professionnels|ind[ée]pendants|freelances)\b"
    r"|\b(?:soci[ée]t[ée]s|entreprises) uniquement\b|\bpas (?:contracter|travailler) avec des [ée]tudiant"
    r"|\b(?:pas|non) (?:ouverte?s?|destin[ée]e?s?|adapt[ée]e?s?) aux [ée]tudiant"
    # German: "nur für Freiberufler*innen mit Gewerbeanmeldung", "Studierende … nicht berücksichtigen", "keine Studierenden"
    r"|\bnur (?:für )?(?:unternehmen|firmen|freiberufler\w*|selbst(?:st)?ändige\w*|gewerbetreibende\w*)\b"
    r"|\b(?:studierende|studenten|absolvent\w*)\b[^.;:!?]{0,60}?\b(?:nicht berücksichtig\w*|ausgeschlossen|nicht zugelassen)"
    r"|\bkeine (?:studierenden|studenten|werkstudent\w*)\b"
    # "this round is open to current employees of our partner firms"
    r"|\b(?:open|available|restricted|limited) (?:only |exclusively )?to (?:current |existing )?(?:employees|staff|members of staff)"
    r" (?:of|at|from)\b"
    # "honest note: it's not a good first gig for students"
    r"|\bnot (?:a |the )?(?:good|great|right|suitable|ideal) (?:first )?(?:gig|fit|role|project|match|opportunity|one) for"
    r" (?:current )?(?:students|interns|undergrad\w*|(?:new |recent )?grad(?:uate)?s)\b"
    # "this engagement isn't suitable for students or early-career marketers"
    r"|\b(?:is not|isn't|isn’t|not) (?:suitable|appropriate|intended|meant|designed|open) (?:for|to) (?:current )?(?:students|interns"
    r"|undergrad\w*|(?:recent )?graduates)\b"
    # Spanish / Portuguese / Italian: "solo empresas", "apenas PJ", "riservato ad aziende", "non adatto a studenti"
    r"|\b(?:solo|sólo|solamente|únicamente|apenas|somente|riservat[oa] ad?) (?:a |para |per )?(?:empresas|aziende|società"
    r"|pessoas? jur[íi]dicas?|pj|cnpj)\b"
    r"|\b(?:no|não|non) (?:es |é |è )?(?:aceptamos|aceitamos|accettiamo|apto|adatto|v[áa]lido|rivolto|para|per) (?:a |ad )?"
    r"(?:estudiantes|estudantes|studenti)\b"
    # "vaga não destinada a estudantes", "no dirigida a estudiantes", "non destinato a studenti"
    r"|\b(?:no|não|non) (?:es |é |è )?(?:destinad[ao]s?|dirigid[ao]s?|destinat[oai]|pensad[ao]s?|indicad[ao]s?) (?:a|para|ad?|per)"
    r" (?:os |las |los |gli )?(?:estudiantes|estudantes|studenti)\b"
    # a practising professional's licence asked for: "must hold an active CPA licence", "licensed attorneys only",
    # "admitted to the bar" (not "CPA candidates welcome", not a driving licence)
    r"|\b(?:must|need to|required to|should) (?:hold|have|possess|be) (?:an? |your |a current |an active )?(?:active |current |valid )?"
    r"(?:cpa|acca|cfa|pe|rn|bar|law|legal|nursing|medical|pharmacy|teaching|real estate|securities|finra|series \d+)"
    r" (?:licen[cs]es?|registration|charter|admission|practising certificate)\b(?! (?:or|and/or) (?:be )?(?:an? )?(?:\w+ )?(?:candidate|student|trainee))"
    # "open to residents aged 25 or over who are not currently enrolled in a college or university"
    r"|\bwho (?:are|is) not (?:currently |presently )?(?:enrolled|studying|registered as (?:a )?students?) (?:in|at)\b"
    # a licence or registration to practise: "must hold an active PRC licence as a Registered Nurse", "need a valid
    # registration as a pharmacist", "Current general registration as a physiotherapist with AHPRA is essential"
    r"|\b(?:(?:must|need to|required to|should) (?:hold|have|possess) (?:an? |your )?|(?:current|active|valid|full|general"
    rf"|professional) )(?:[\w-]+ ){{0,2}}?(?:licen[cs]e|registration) as an? (?:{_PRO_ADJ} )?{_PRO_NOUN}\b"
    r"|\b(?:must be|only) (?:a )?(?:licensed|chartered|certified|qualified|registered) (?:cpas?|attorneys?|lawyers?|solicitors?|nurses?"
    r"|pharmacists?|physicians?|accountants?|engineers?|architects?)\b(?! (?:or|and/or) (?:be )?(?:an? )?(?:\w+ )?(?:candidate|student|trainee))"
    r"|\b(?:licensed|chartered|certified) (?:cpas?|attorneys?|lawyers?|accountants?|nurses?|engineers?) only\b"
    r"|\badmitted to (?:the|a|any) (?:state )?bar\b"
    # a profession's register: "must be registered with the South African Pharmacy Council and currently practising"
    r"|\b(?:must|need to|required to|should) be (?:currently )?registered with (?:the )?(?:[\w-]+ ){0,5}?(?:council|board|college"
    r"|authority|regulator|chamber)\b(?![^.;]{0,20}\b(?:or|and/or) (?:be )?(?:an? )?(?:\w+ )?(?:candidate|student|trainee))")
_EXCLUDED_NEEDLES = ("student", "registration", "enrolled", "intern", "grad", "professionals", "compan", "business", "agenc",
                     "firm", "entit", "cnpj", "gst",
                     "vat", "iva", "siret", "soci", "entreprise", "tudiant", "freiberuf", "selbst", "gewerbe", "unternehmen",
                     "absolvent", "empresa", "aziend", "jur", "pj", "licen", "admitted", "licensed", "chartered",
                     "certified", "qualified", "registered", "suitable", "appropriate", "intended", "meant", "designed", "employees", "staff")


def _students_excluded(f: Facts) -> str | None:
    """Students turned away explicitly (:data:`_STUDENTS_EXCLUDED`): a rejection that no student word
    elsewhere ("Internship" in an experience field, "current students or interns") outweighs."""
    if not f.options.get("require_students", True):
        return None
    role = f.role
    if not any(w in role for w in _EXCLUDED_NEEDLES) or not (hit := _find(_STUDENTS_EXCLUDED, role)):
        return None
    return f"students turned away: {hit!r}"


#: What a post offers in place of pay ("great portfolio piece", "a reference letter"): then pay that is
#: not mentioned is not merely missing.
_INSTEAD_OF_PAY = re.compile(r"\b(?:portfolio (?:piece|item|builder|project|addition)|(?:build|add to|for|boost|strengthen) your"
                             r" (?:portfolio|resume|résumé|cv)|(?:reference|recommendation) letters?|letters? of (?:reference"
                             r"|recommendation)|certificate of (?:completion|participation)|(?:great|valuable|real-world|hands-on"
                             r"|practical) experience\b(?! (?:in|with|of)\b)|exposure|networking opportunit\w+|mentorship in return"
                             r"|good cause|give back)")


def _no_pay_signal(f: Facts) -> str | None:
    pay = f.pay_fact
    if pay.value is None:
        if pay.by == _KRONER_UNKNOWN:
            return _missing("REVIEW_PAY_UNSTATED", f"pay is said in kr, and nothing says whose krone (SEK, NOK or DKK): "
                                                   f"{pay.quote!r}")
        if pay.quote:
            return _missing("REVIEW_PAY_UNSTATED", f"pay is said without an amount: {pay.quote!r}")
        if hit := _find(_INSTEAD_OF_PAY, f.role):
            return f"no hourly rate, stipend or fee, and something else offered instead: {hit!r}"
        return _missing("REVIEW_PAY_UNSTATED", "pay is not mentioned at all")
    if pay.value.currency not in vocab.currencies():
        return f"unknown currency {pay.value.currency!r}"
    return None


def _below_floor(f: Facts) -> str | None:
    pay, quote = f.pay
    hours, _ = f.hours
    if pay is None or hours is None:
        return None
    floor = f.policy.scraped_pay_floor(pay.currency)
    low = pay.hourly_range(hours)[0]
    if floor is not None and low < floor:
        return f"{low:.2f} {pay.currency}/hour from {quote!r}, floor {floor:g}"
    return None


@dataclass(frozen=True)
class Rule:
    code: str
    description: str
    test: Callable[[Facts], str | None]
    forced: bool = False  # also applies to force-included records


#: The curation table, tried in order; the first rule that returns a detail rejects.
RULES: tuple[Rule, ...] = (
    Rule("REJECT_NOT_A_POSTING", "title, organization and a posting (not news, not employer-facing)", _not_a_posting, True),
    Rule("REJECT_BAD_URL", "an http(s) apply or posting URL", _bad_url, True),
    Rule("REJECT_UNPAID", "no volunteer/unpaid/credit/commission/equity wording", _unpaid),
    Rule("REJECT_STUDENT_PAYS", "no fee, tuition or subscription that the student pays", _student_pays),
    Rule("REJECT_EXPERIENCED", "no years of professional experience or senior level asked", _experienced),
    Rule("REJECT_INTERVIEW_TASK", "no paid take-home or trial as a hiring step", _interview_task),
    Rule("REJECT_PER_PIECE", "no per-piece gig wording", _per_piece),
    Rule("REJECT_NOT_FOR_STUDENTS", "students are not turned away", _students_excluded),
    Rule("REJECT_FULL_TIME", "not full-time, permanent or salaried", _full_time),
    Rule("REJECT_ONGOING", "not ongoing, open-ended or a part-time position", _ongoing),
    Rule("REJECT_NOT_REMOTE", "explicitly remote, not on-site or hybrid", _not_remote),
    Rule("REJECT_TOO_LONG", "no term longer than 2 months", _long_term),
    Rule("REJECT_WEEKLY_OPEN_ENDED", "weekly hours come with a fixed duration", _weekly_open_ended),
    Rule("REJECT_HOURS_UNKNOWN", "total hours are stated or derivable", _hours_unknown),
    Rule("REJECT_TOO_LONG", f"at most {HOURS_MAX} total hours", _too_long),
    Rule("REJECT_TOO_SHORT", f"at least {HOURS_MIN} total hours", _too_short),
    Rule("REJECT_NOT_FOR_STUDENTS", "aimed at students or recent graduates", _not_for_students),
    Rule("REJECT_NO_PAY_SIGNAL", "an hourly rate or fixed fee is stated", _no_pay_signal),
    Rule("REJECT_BELOW_PAY_FLOOR", "effective hourly pay at or above the floor", _below_floor),
    Rule("REJECT_NOT_A_POSTING", "an organization that is named, not withheld", _org_withheld),
)
#: Rules whose rejection rests on one phrase (not a field or a computed figure): a conflict when the
#: phrase is hedged and the record's facts say micro-internship (see :func:`_conflicting`).
_SOFT_TESTS = frozenset({_unpaid, _student_pays, _full_time, _ongoing, _long_term})
#: Rules a source may not switch off in its ``curation.disable`` list.
ALWAYS = {"REJECT_NOT_A_POSTING", "REJECT_BAD_URL"}


# ---- the decision ---------------------------------------------------------------------------


def _selector(row: Override) -> str:
    """The row's selectors, as the evidence of an override decision."""
    return ", ".join(f"{k} = {v!r}" for k in ("id", "source", "url", "organization") if (v := getattr(row, k)))


def _first(rows: tuple[Override, ...], record: RawRecord, source: SourceConfig) -> Override | None:
    return next((row for row in rows if row.matches(record, source)), None)


def _finish(f: Facts, hours: Hours, pay: Compensation, kept: str, detail: str) -> Decision:
    facts, evidence = f.report()
    try:
        deadline = parse_datetime(f.deadline.value, end_of_day=True) if f.deadline.value else None
        entry = normalize.to_entry(f.record, f.source, f.now, hours=hours, compensation=pay, text=f.body, apply_by=deadline)
    except (ValueError, TypeError, OverflowError) as exc:  # a value no normalizer could save
        return Decision("reject", "REJECT_INVALID", f"cannot normalize: {type(exc).__name__}: {exc}", None, facts, evidence)
    if entry.apply_by is not None and entry.apply_by < f.now:
        return Decision("reject", "REJECT_EXPIRED", f"apply by {entry.apply_by.date()}", entry, facts, evidence)
    if entry.apply_by is None and (expired := _closed_in_text(f)):
        return Decision("reject", "REJECT_EXPIRED", expired, entry, facts, {"closed": f.closed.quote, **evidence})
    problems = check(entry, f.policy, f.now, https_only=False)
    if problems:
        return Decision("reject", "REJECT_INVALID", "; ".join(p.format() for p in problems), entry, facts, evidence)
    return Decision("keep", kept, detail, entry, facts, evidence)


#: A title naming one piece of work for students: "Student assignment: …", "Student literature review: …".
_STUDENT_WORK = re.compile(r"\bstudent (?:[a-z-]+ ){0,2}?(?:project|assignment|review|scan|task|brief)\b")


def _strong(f: Facts, missing: str = "") -> bool:
    """Strong micro-internship signals: aimed at students and worded as one short project; or, when
    only who offers it or where it is done is unknown (an HN comment's author; no word on remote or
    on-site), students with the work's own hours and pay read ("about 10 hours of work in total,
    $300"): nothing of the work itself is missing."""
    if f.audience.value != "students":
        return False
    if f.micro.value:
        return True
    if (pay := f.pay_fact.value) is not None and pay.unit in ("total", "hour") and _STUDENT_WORK.search(f.title):
        return True  # "Student assignment: literature scan" with a stated fee: one piece of work, only one fact missing
    if missing == "REVIEW_REMOTE_UNSTATED" and f.remote_fact.value is None and _micro_evidence(f, field_only=True):
        # nothing says remote, nothing says on-site (a city in the location is neither): with the hours, the
        # pay and the students read, where the work is done is the one question left (the lead's decision)
        return True
    hours, pay = f.hours_fact.value, f.pay_fact.value
    if missing == "REVIEW_HOURS_UNSTATED" and pay is not None and pay.unit == "total":
        # one fixed fee for one piece of work ("Pauschale 450 €", "Fee: PKR 30,000 (fixed)") and no hours nor
        # term: a person asks the hours; an hourly rate with no hours or a fee over weeks is open-ended work
        # a fee under 10 hours at the floor is a session's or a piece's ("$50 for a 1-hour interview"), not a project's
        floor = f.policy.scraped_pay_floor(pay.currency)
        big_enough = floor is None or pay.min >= 10 * floor
        return big_enough and f.pay_fact.by in ("fixed", "field") and f.duration is None and f.weekly is None
    if missing == "REVIEW_PAY_UNSTATED" and f.pay_fact.by == "stated without an amount":
        # "Mission rémunérée", "Vergütung nach Absprache" on a student project of 20 stated hours: paid, the
        # amount alone is missing, as for a micro-internship; a person asks it
        said = _pay_word_abroad(f.pay_fact.quote, _PAID_SAID) or _pay_word_abroad(f.pay_fact.quote)
        return bool(said) and not _pay_denied(f.text) and f.hours_fact.by == "total" and hours is not None and HOURS_MIN <= hours.min <= hours.max <= HOURS_MAX
    if missing == "REVIEW_REMOTE_UNSTATED" and not _find(_STUDENT_LEVEL, f.role):
        return False  # a bare "for students" with no word on where the work is done: too little to queue
    if missing not in ("REVIEW_ORG_UNKNOWN", "REVIEW_REMOTE_UNSTATED"):
        return False
    return hours is not None and pay is not None and hours.max <= HOURS_MAX and pay.unit in ("total", "hour")


#: Students named by their level of study ("college students", "bachelor's or master's students",
#: "undergraduates", "estudiantes universitarios", "mahasiswa"), a firmer audience than "students".
_STUDENT_LEVEL = re.compile(r"\b(?:(?:college|university|uni|undergrad\w*|graduate|grad|postgrad\w*|phd|doctoral|mba|bachelor'?s?"
                            r"|master'?s?|degree)(?: or (?:a )?[\w']+)? students?|undergraduates?|bachelor'?s (?:or|and) master'?s"
                            r"|estudiantes? universitari[oa]s|estudantes? universitári[oa]s|studenti universitari|étudiants? (?:en|de) (?:licence|master)"
                            r"|mahasiswa|studierende)\b")


def _pay_denied(text: str) -> bool:
    """Any pay word denied or paid in equity or credits ("pas de rémunération financière", "no remuneration",
    "Vergütung: 5 ECTS"): then an amount is not merely missing."""
    for pattern in (_PAID_SAID, _PAY_ABROAD):
        for m in pattern.finditer(text):
            if _PAY_ABROAD_DENIED.search(text, max(0, m.start() - 16), m.start()) or _NOT_MONEY_AFTER.match(text, m.end()):
                return True
    return False


#: The work said to be paid ("paid project", "an honorarium will be given"), not a word about money that may
#: be the work's subject ("how they take mobile payments", "compensation data").
_PAID_SAID = re.compile(r"\b(?:paid\b|stipends?|honorari(?:um|a)|compensated|remunerat\w+|vergütung|bezahlt)")


def _expired(f: Facts) -> str | None:
    """The deadline of a record that will not be built into an entry (a review candidate)."""
    try:
        until = parse_datetime(normalize.as_text(f.record.valid_through), end_of_day=True) if f.record.valid_through else None
    except (ValueError, TypeError):
        return None
    if until is None:
        return _closed_in_text(f)
    return f"apply by {until.date()}" if until < f.now else None


def _closed_in_text(f: Facts) -> str | None:
    """Applications closed, said in the text of a record with no deadline field."""
    if not f.closed.value:
        return None
    return f"applications closed ({f.closed.by}): {f.closed.quote!r}"


# ---- conflicting evidence ------------------------------------------------------------------

#: Words that put a negative phrase's sentence about other people, another role or a later time
#: (not a condition: "payable only if your design is selected" is this role's pay)
#: ("micro-interns who impress are invited to interview for our full-time class"; "staff receive
#: tuition reimbursement"; "most nonprofit projects are volunteer roles"): the phrase may not be about
#: this role, so against a record's own stated facts it is a conflict for a person, not a rejection.
_HEDGE = re.compile(r"\b(?:later|future|eventual\w*|next (?:year|summer|spring|fall|autumn|semester)|20[2-4]\d"
                    r"|usually|typically|often|most|many|other|others|employees|staff|associates|colleagues|alumni"
                    r"|(?:an?|job|full[- ]?time|return) offers?|interview\w*|invit\w*|recruit\w*|graduat\w*|reimburs\w*"
                    r"|past|previous|former)\b")
#: A hedge on this role's own amounts, not a sentence about others: "(typically 5-10 hours each)",
#: "usually 2 or 3 a month".
_HEDGED_AMOUNT = re.compile(r"\b(?:usually|typically|often|normally|generally|commonly|most often)\s+(?:about\s+|around\s+"
                            r"|roughly\s+|between\s+|up to\s+|only\s+)?[$€£]?\d")
#: Remote said so plainly that a "not remote" field cannot be the whole truth: "completed 100% remotely".
_REMOTE_EXPLICIT = re.compile(r"\b(?:100 ?%|fully|entirely|completely|exclusively) (?:remote(?:ly)?|online|virtual)\b"
                              r"|\b(?:completed|done|worked|carried out|delivered) (?:100 ?% |fully |entirely )?(?:remotely|online)\b"
                              r"|\bremote(?:ly)? from anywhere\b|\bwork from anywhere\b"
                              # in the writer's language: "100% zdalnie", "modalidad: remota", "trabajo 100% remoto"
                              r"|\b100 ?% (?:zdalnie|remot[oa]|a distancia|på distans)|\b(?:modalidade?|trabajo|trabalho)\s*:?\s*"
                              r"(?:100 ?% )?remot[oa]\b"
                              # "teletrabajo al 100 %", "télétravail à 100 %", "entirely from home", "no need to visit our office"
                              r"|\b(?:teletrabajo|teletrabalho|télétravail|telelavoro) (?:al|a|à|em|in) 100 ?%"
                              r"|\b(?:entirely|completely|fully|100 ?%) from (?:home|your home)\b"
                              r"|\bno need to (?:visit|come (?:in|to)|travel to|be in) (?:our|the) (?:office|offices|studio|site)\b")
#: Work at the office said the South and South-East Asian way, read when nothing says remote: "WFO",
#: "work from office", Indonesian "di kantor kami", Malay "di pejabat kami".
_OFFICE_WORDS = re.compile(r"\bwfo\b|\bwork(?:ing)? from (?:the |our )?office\b|\bdi (?:kantor|pejabat) (?:kami|kita)\b")
#: "Work remotely on your own schedule", "you will work remotely": the role's own place, not a day of it
#: ("work remotely on Fridays", "work remotely two days a week" are hybrid).
_WORK_REMOTELY = re.compile(r"\b(?:you(?:'ll| will)? )?work(?:ing)? remotely\b(?!\s+(?:on (?:fridays|mondays|some|certain)|some"
                            r"|part|occasionally|at times|from time|(?:one|two|three|\d) days?|up to|sometimes|when)\b)")
#: Details of a rule read from a structured field or a computation, never from one phrase: never a conflict.
_FIELD_DETAILS = ("employment type", "salary per", "only a yearly", "paid in kind", "only prizes")


def _hit_sentence(f: Facts, detail: str) -> str:
    """The sentence of the text a rule's detail quotes (the hit sits about 30 characters into the quote)."""
    m = re.search(r"""['"](.+)['"]""", detail)
    quote = (m.group(1) if m else detail).strip()
    text = f.text
    at = text.find(quote[:40])
    if at < 0:
        return quote
    pos = at + min(30, len(quote) // 2)
    start = max(text.rfind(d, max(0, pos - 150), pos) for d in (". ", "! ", "? ", "; "))
    start = start + 2 if start >= 0 else max(0, pos - 150)
    ends = [e for e in (text.find(d, pos, pos + 150) for d in (". ", "! ", "? ", "; ")) if e >= 0]
    return text[start: min(ends) if ends else pos + 150]


def _micro_evidence(f: Facts, any_audience: bool = False, pay_checked: bool = False, field_only: bool = False) -> str | None:
    """The facts that make a record a micro-internship on its own words: total hours within 5-40, an
    hourly rate or fee at or above the floor, students addressed and one short project; or None.
    ``any_audience``: the audience is what is in dispute (experience asked of a post open to students);
    ``pay_checked``: the pay is what is in dispute, and the text's own amount was found above the floor
    (the pay fact may then be the disputed field itself: a yearly salary against the text's fee);
    ``field_only``: one structured field is all that disputes the text, which states hours, pay and
    students itself: the short project need not also be named ("Student Project: …", 14 hours)."""
    hours, pay = f.hours_fact.value, f.pay_fact.value
    if hours is None or not (HOURS_MIN <= hours.min and hours.max <= HOURS_MAX):
        return None
    if pay is None or (not pay_checked and (pay.unit not in ("hour", "total") or _below_floor(f))):
        return None
    if (f.audience.value != "students" and not any_audience) or not (f.micro.value or field_only):
        return None
    return f"{hours.min}-{hours.max} h ({f.hours_fact.quote!r}), pay {f.pay_fact.quote!r}, {f.micro.quote!r}"


#: One short visit, not a schedule: "attend a half-day kickoff in person", "one on-site orientation
#: session" ("2 half-day sessions on site", "the kick-off and the final presentation" are more).
_ONE_VISIT = re.compile(r"\b(?:an?|one|single|1|a single|one short)\s+(?:(?:half|full|one|1)[- ]day\s+|short\s+|brief\s+"
                        r"|\d(?:\.\d)?[- ]hours?\s+|in[- ]person\s+|on[- ]?site\s+|opening\s+|initial\s+|welcome\s+){0,3}"
                        r"(?:kick-?off|orientation|onboarding|induction|launch|welcome|meeting|session|workshop|visit|briefing"
                        r"|training|day)\b(?!s)"
                        # "the first day (kick-off and device handover) is in person", "on day one"
                        r"|\b(?:the first|the opening|day one|the kick-?off) (?:(?:half[- ])?day|morning|afternoon)?\b(?!s)"
                        # Spanish / Portuguese: "una visita a la bodega", "uma reunião", "una sola sesión"
                        r"|\b(?:una?|uma) (?:sola |única |breve |[úu]nica )?(?:visita|reuni[óã]o|reuni[óo]n|sesi[óo]n|sess[ãa]o|jornada)\b(?!s)")

#: A second visit joined to the first: "the first day and the final presentation", "… and the last day".
_SECOND_VISIT = re.compile(r"\band (?:the|a|our|one) (?:final|last|closing|second|end|wrap-?up)\b")
_EVENTS = re.compile(r"\b(?:kick-?offs?|orientations?|onboardings?|inductions?|launch(?:es)?|meetings?|sessions?|workshops?"
                     r"|visits?|briefings?|trainings?|presentations?|present|showcases?|demos?|days)\b")


def _remote_despite(f: Facts) -> str | None:
    """Why a not-remote fact may not be the whole truth, or None: a remote=false field against
    "completed 100% remotely", or one short in-person visit (a kickoff) on work the text calls remote
    (a schedule of visits, or "hybrid", is not remote work)."""
    if f.remote_fact.by == "field":
        hit = _find(_REMOTE_EXPLICIT, f.role) or _find(_WORK_REMOTELY, f.role)
        return f"the text says {hit!r}" if hit else None
    if f.remote_fact.by == _AGAINST_REMOTE:
        return "the source's field or location says remote"
    duty = f.office_duty
    if f.remote_fact.by != "text" or not duty or "hybrid" in f.role:
        return None
    sentence = _hit_sentence(f, f"'{duty}'")  # "the first day (kick-off and …) is in person": the visit before the quote
    if not (visit := _find(_ONE_VISIT, duty) or _find(_ONE_VISIT, sentence)):
        return None
    if len(_OFFICE_DUTY.findall(f.role)) != 1 or len(_EVENTS.findall(sentence)) > 1 or _SECOND_VISIT.search(sentence):
        return None  # "a kickoff and a final presentation in person": more than one visit
    if not (hit := _find(_REMOTE, _role_remote(f.role.replace(duty, " ")))):
        return None
    return f"one in-person visit ({visit!r}) on work the text calls remote ({hit!r})"


#: Students invited in so many words ("open to students and recent grads"; a bare "for college students" is not
#: enough): against a years-of-experience line, a contradiction a person settles.
_OPEN_TO_STUDENTS = re.compile(r"\bopen to (?:current |university |college )?(?:students|undergrad\w*)"
                               r"(?: (?:and|or) (?:recent )?(?:grads|graduates))?\b")
_NOT_BEFORE = re.compile(r"\b(?:not|no|never|isn't|aren't|nor)\b[^.]{0,20}$")


def _students_invited(role: str) -> str | None:
    """The words inviting students ("open to students and recent grads"), not "not suitable for students"."""
    for m in _OPEN_TO_STUDENTS.finditer(role):
        if not _NOT_BEFORE.search(role, max(0, m.start() - 30), m.start()):
            return role[max(0, m.start() - 30): m.end() + 30].strip()
    return None


def _conflicting(f: Facts, rule: Rule, detail: str) -> str | None:
    """Why a rule's rejection is contradicted by the record, or None: a remote=false field against
    "completed 100% remotely", or a negative phrase in a sentence about another role, time or people;
    in both cases only against the record's own micro-internship facts (:func:`_micro_evidence`)."""
    if rule.test is _not_remote:
        if not (why := _remote_despite(f)):
            return None
        if f.remote_fact.by == "field":  # a workplace/remote field against "completed entirely online"
            evidence = _micro_evidence(f, field_only=True)
            return f"{why}; against: {evidence}" if evidence else None
    elif rule.test is _full_time and f.role_type.by == "field" and detail == f.role_type.quote:
        # an employment-type field of Full-time that nothing in the text repeats, against a text that
        # states a short paid project: the field may be the board's default, a person checks
        words = f.role.replace(f" . {f.types} . ", " . ", 1)  # the field itself is not the text
        if "|" in words:  # nor the header cell it was read from: "Kestrel | … | REMOTE | Full-time"
            words = _HEADER_FULL_TIME.sub(" ", words)
        if _find(_FULL_TIME, words) or _find(_EMPLOYEE, words) or (f.weekly and f.weekly.low >= 35):
            return None
        why = f"the text never says full-time ({f.role_type.quote} is the only sign)"
    elif rule.test is _full_time and f.role_type.by == "text" and detail.startswith("full-time:") \
            and f.micro.value and _one_bounded_total(f) and _fixed_fee(f) and not f.role_durations:
        # "Micro-internship … 15 hours total, $375 … This is a full-time position": the text sizes one
        # short paid project and also calls it full-time (a template line?): one of them is wrong
        why = f"the text also sizes the work as {f.hours_fact.quote!r} for a fee"
    elif rule.test is _ongoing and detail.startswith(_OPEN_SPAN_DETAIL) and f.hours_fact.by == "total":
        # "a 20-hour micro-internship" and "20 hours per week while the beta is running": which is it?
        why = f"the text also states {f.hours_fact.quote!r} as the total"
    elif rule.test is _full_time and detail.startswith("salary per") and f.source.kind in _SALARY_BAND_FIELDS \
            and f.pay_fact.by != "field":
        # a yearly salary range in fields that are yearly by the board's definition (RemoteOK) or an ATS's
        # compensation band, picked from a menu and often carried over from a requisition template (Ashby's
        # "1 YEAR", Lever's "per-year-salary"), against a text that states a short project's own fee ("20 hours
        # total, $500 fixed"): one of them is wrong; only against the text's own micro facts, a person checks
        if _find(_FULL_TIME, f.role) or _find(_EMPLOYEE, f.role):
            return None
        why = f"the text states its own pay ({f.pay_fact.quote!r})"
    elif rule.test is _below_floor and (why := _prose_pay_clears(f)):
        evidence = _micro_evidence(f, pay_checked=True)
        return f"{why}; against: {evidence}" if evidence else None
    elif rule.test is _experienced and (hit := _students_invited(f.role)):
        # "open to students and recent grads" and "minimum 3 years of experience": one of them is wrong
        why = f"the text also says {hit!r}"
    elif rule.test in _SOFT_TESTS and not detail.startswith(_FIELD_DETAILS):
        sentence = _hit_sentence(f, detail)
        if not (m := _HEDGE.search(_HEDGED_AMOUNT.sub(" ", sentence))):
            return None
        why = f"said of another role, time or people ({m.group(0)!r}): {sentence.strip()[:160]!r}"
    else:
        return None
    # a Full-time field alone against the text's own 5-40 paid hours for students: the text need not also say
    # "micro-internship" (the field is the only sign, see above)
    field_only = rule.test is _full_time and f.role_type.by == "field" and detail == f.role_type.quote
    evidence = _micro_evidence(f, any_audience=rule.test is _experienced, field_only=field_only)
    return f"{why}; against: {evidence}" if evidence else None


#: Boards whose salary fields are yearly by definition (RemoteOK), or an ATS's structured compensation band
#: with its interval chosen from a menu (Ashby, Lever), not the poster's own words (see the adapters).
_SALARY_BAND_FIELDS = frozenset({"remoteok", "ashby", "lever"})
#: A header cell of employment type ("… | Remote | Full-time"), where an HN comment's type field comes from.
_HEADER_FULL_TIME = re.compile(r"\|\s*full[- ]?time\b")


def _prose_pay_clears(f: Facts) -> str | None:
    """A pay field below the floor against an amount in the text that clears it ("baseSalary 8 EUR/HOUR"
    and "€400 for the project" over 20 hours): which is right is for a person, or None."""
    hours = f.hours_fact.value
    if f.pay_fact.by != "field" or hours is None or not (prose := extract.best_pay(f.mentions, f.scale)):
        return None
    if prose.unit not in ("hour", "total") or (floor := f.policy.scraped_pay_floor(prose.currency)) is None:
        return None
    low = Compensation(prose.low, prose.high, prose.currency, prose.unit).hourly_range(hours)[0]
    return f"the text states {prose.quote!r} ({low:.2f} {prose.currency}/hour)" if low >= floor else None


def _conflict_review(f: Facts, rule: Rule, detail: str, why: str) -> Decision:
    facts, evidence = f.report()
    if expired := _expired(f):
        return Decision("reject", "REJECT_EXPIRED", expired, None, facts, evidence)
    evidence = {"conflict": f"{rule.code}: {detail}"[:300], "against": why[:400], **evidence}
    return Decision("review", "REVIEW_CONFLICT", f"{rule.code} says {detail!r}, but {why}", None, facts, evidence)


def _review_or_reject(f: Facts, missing: list[tuple[Rule, Missing]], hard: tuple[Rule, str] | None) -> Decision:
    """One fact missing and strong signals: review. Otherwise the first rule that failed rejects."""
    if hard is None and len(missing) == 1 and _strong(f, missing[0][1].review):
        facts, evidence = f.report()
        if expired := _expired(f):
            return Decision("reject", "REJECT_EXPIRED", expired, None, facts, evidence)
        rule, detail = missing[0]
        return Decision("review", detail.review, str(detail), None, facts, evidence)
    # the first missing fact names the rejection, except an organization the adapter could not read: what the
    # record itself says against it ("a $150 programme fee", "paid in vouchers") is the better reason then
    org_only = bool(missing) and missing[0][1].review == "REVIEW_ORG_UNKNOWN" and hard is not None
    rule, detail = hard if org_only or not missing else missing[0]  # type: ignore[misc]
    facts, evidence = f.report(full=False)
    evidence = {"decided_by": str(detail)[:200], **evidence}  # the rule's own quote first
    return Decision("reject", rule.code, str(detail), None, facts, evidence)


def curate(record: RawRecord, source: SourceConfig, rules: CurationRules, policy: Policy, now: datetime) -> Decision:
    """Keep, review or reject one record, with the reason code of the rule that decided it.

    Rules run in table order. A rule that finds a fact *contradicting* a micro-internship
    rejects; a rule that finds a fact only *missing* (:class:`Missing`) is noted and the
    others still run, so that a record missing exactly one fact, with nothing against it
    and strong signals, goes to review instead of being silently lost.
    """
    if row := _first(rules.exclude, record, source):
        return Decision("reject", "EXCLUDED_BY_CURATION", row.reason, evidence={"curation_toml": _selector(row)})
    if (row := _first(rules.hide, record, source)) and (row.until is None or now <= row.until):
        return Decision("reject", "HIDDEN_BY_CURATION", row.reason + (f" (until {row.until.date()})" if row.until else ""),
                        evidence={"curation_toml": _selector(row)})
    options = dict(source.curation or {})
    disabled = {str(c) for c in options.get("disable", []) if isinstance(c, str)} - ALWAYS
    f = Facts(record, source, policy, now, options)
    forced = _first(rules.include, record, source)

    missing: list[tuple[Rule, Missing]] = []
    conflict: tuple[Rule, str, str] | None = None  # one rejection the record's own facts contradict
    for rule in RULES:
        if rule.code in disabled or (forced and not rule.forced):
            continue
        detail = rule.test(f)
        if not detail:
            continue
        if isinstance(detail, Missing) and not forced:
            missing.append((rule, detail))
            continue
        if conflict is None and not forced and (why := _conflicting(f, rule, detail)):
            conflict = (rule, detail, why)
            continue
        return _review_or_reject(f, missing, conflict[:2] if conflict else (rule, detail))
    if conflict:  # nothing else against it: a person weighs the phrase against the facts
        return _review_or_reject(f, missing, conflict[:2]) if missing else _conflict_review(f, *conflict)
    if missing:
        return _review_or_reject(f, missing, None)

    if forced:
        hours = forced.hours or f.hours[0]
        pay = forced.pay or f.pay[0]
        if hours is None:
            return Decision("reject", "REJECT_HOURS_UNKNOWN", "force-included, but neither curation.toml nor the text gives hours")
        if pay is None:
            return Decision("reject", "REJECT_NO_PAY_SIGNAL", "force-included, but neither curation.toml nor the text gives pay")
        return _finish(f, hours, pay, "FORCED_INCLUDE", forced.reason)

    hours, hours_quote = f.hours
    pay, pay_quote = f.pay
    if hours is None:  # only when a source disabled the hours rules
        return Decision("reject", "REJECT_HOURS_UNKNOWN", "no total hours found")
    if pay is None:
        return Decision("reject", "REJECT_NO_PAY_SIGNAL", "no hourly rate, stipend or fee found")
    if why := _hours_disagree(f, hours):
        facts, evidence = f.report()
        return Decision("review", "REVIEW_CONFLICT", why, None, facts, {"conflict": why[:300], **evidence})
    track = f" ({f.hours_fact.by})" if f.hours_fact.by.startswith("track") else ""
    return _finish(f, hours, pay, "KEPT_MICRO",
                   f"{hours.min}-{hours.max} h from {hours_quote!r}{track}; pay from {pay_quote!r}")


_HOURS_UNIT = re.compile(r"\d\s*(?:(?:-|–|to)\s*\d+\s*)?(?:hours?|hrs?|h)\b")


def _hours_disagree(f: Facts, hours: Hours) -> str | None:
    """The effort a label states ("Estimated effort: 45 hours") far from the hours read elsewhere (a title's
    "15-Hour Micro-Internship"): which one is right is for a person, not for the first figure read."""
    label = extract.labelled_hours(f.text)
    if label is None or (label.low <= hours.max and hours.min <= label.high):
        return None
    if (label.high > HOURS_MAX) == (hours.max > HOURS_MAX) or not _HOURS_UNIT.search(label.quote):
        return None  # only a disagreement that decides: one figure within 40 hours, the other over; "Scope: 3 scripts" is no hours
    return f"{hours.min}-{hours.max} hours read, but {label.quote!r} states {label.low:g}-{label.high:g}"


def explain(decision: Decision) -> str:
    """One line for --explain: the outcome, the reason code, the detail and the quoted evidence."""
    verdict = {"keep": "keep", "review": "review", "reject": "drop"}[decision.outcome]
    line = f"{verdict} {decision.reason}: {decision.detail or REASONS.get(decision.reason, '')}"
    if decision.evidence:
        line += " | evidence: " + "; ".join(f"{k}={v!r}" for k, v in decision.evidence.items())
    return line
