"""Who offers a posting, read from its words when the source has no field for it.

Feeds and JSON-LD pages often name no employer: a career centre's or an enterprise board's feed
names the host in the item ("… micro-placement with Calder Valley Housing", "Local business:
Café Treaty", "Posted on behalf of Safiri Mobility Ltd"), a small company's page says "We're
Kettleby Maps, a Leeds start-up". A name is *confirmed* when a second place says it too (the
text for a title's name, the page's address for a self-introduction); an unconfirmed one is
marked uncertain, so curation asks a person (REVIEW_ORG_UNKNOWN) instead of losing the posting
as "no organization" or publishing a wrong employer.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

#: A label before the colon that says what kind of posting it is, not who offers it: university
#: feeds write "Micro-Internship: Alumni Video Edit (Ridgeway Media)", Parker Dewey "Micro-Internship: …",
#: Binghamton "Micro-Intern: Analyst (Spring 2027)"; others "Remote: …", "Job: …", "Paid Internship: …".
KIND_LABEL = re.compile(r"(?:(?:new|paid|remote|virtual|online|student|short|one-week|summer|winter|spring|fall|autumn"
                         r"|freelance|part-time|full-time|urgent)[- ])*(?:micro[- ]?intern(?:ship)?s?|internships?|interns?"
                         r"|micro[- ]?projects?|projects?|jobs?|gigs?|roles?|positions?|vacanc(?:y|ies)|opportunit(?:y|ies)"
                         r"|remote|hiring|now hiring|new|freelance|contract|part-time|full-time)", re.IGNORECASE)
NOT_AN_ORG = re.compile(r"\d|\b(?:remote|hybrid|on[- ]?site|online|virtual|paid|unpaid|spring|summer|fall|autumn|winter"
                         r"|semester|term|students?|undergrad\w*|graduates?|hours?|weeks?|days?|part[- ]time|full[- ]time"
                         r"|contract|freelance|urgent|new|worldwide|anywhere|us|usa|uk|eu|careers?|micro[- ]?\w+"
                         r"|internships?|evaluation|programmes?|programs?)\b", re.IGNORECASE)


def plain(body: str) -> str:
    """The body's words without tags, for reading a name in it (the first 5,000 characters)."""
    return " ".join(html.unescape(re.sub(r"<[^>]{0,500}>", " ", body[:5000])).split())


#: A name as people write one: capitalised words, with "&", "of", "and", "the" between ("Calder Valley
#: Housing", "Halden & Co.", "Café Treaty").
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:&|and|of|the|for|on|de|du|des|la|le|[A-Z][\w'’.&-]*))*?(?:\s+[A-Z][\w'’.&-]*)?"
#: Where an intermediary's item (a career centre, an enterprise board) names its host: a label in the
#: text ("Employer: …", "Host organisation: …", "Local business: …", "Posted on behalf of …"), or the
#: title's "… with X", "… at X", "… for X", "Role – X".
_HOST_LABEL = re.compile(rf"(?:\b(?:[Hh]ost(?: organi[sz]ation| company| employer)?|[Ee]mployer|[Cc]lient|[Ll]ocal business"
                         rf"|[Pp]artner(?: organi[sz]ation)?|[Cc]ompany|[Oo]rgani[sz]ation)\s*:|\bon behalf of|\b(?:[Oo]ffered|[Pp]osted|[Hh]osted) by)"
                         rf"\s*(?P<name>{_NAME})(?=\s*(?:[,.;:(]|$|\s[a-z]))")
_HOST_TITLE = re.compile(rf"(?:\s(?:with|at|for)\s+|\s[–—-]\s+)(?P<name>{_NAME})\s*(?:[,(–—-].*)?$")
#: The name first, then the role: "Southern Cross Aquaculture – Remote Student Micro-Project" (only when the
#: text says the name too: "Case Study Writer – Early Career Micro-Project" leads with the role).
_HOST_TITLE_LEAD = re.compile(rf"^(?P<name>{_NAME})\s+[–—|-]\s+\S")
#: A page introducing its writer: "We're Kettleby Maps, a Leeds start-up", "We are Halden & Co. and …".
_SELF = re.compile(rf"\b(?:We're|We’re|We are)\s+(?P<name>{_NAME})(?=\s*(?:[,.;:(]|\s(?:and|a|an|the)\s))"
                   # "Ballsbridge Bikes (the e-bike subscription people) want a student", "Thameside Food Link, a
                   # food-bank network in south-east London, is looking for a student"
                   rf"|^(?P<lead>{_NAME})(?:\s*\([^)]{{1,60}}\)|,\s[^,]{{3,80}},)? (?:(?:is|are) (?:an?|the|one of|looking for"
                   rf"|hiring|seeking)|runs|operates|makes|builds|helps|supports|provides|sells|publishes|designs|develops"
                   rf"|lends|installs|exports|advises|produces|wants?|needs?|seeks?)\s")


def _name(m: re.Match[str] | None) -> str | None:
    name = (m.group("name") or m.groupdict().get("lead") or "").strip() if m else None
    if not name or len(name) < 3 or NOT_AN_ORG.search(name) or KIND_LABEL.fullmatch(name):
        return None
    return name


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _in_host(name: str, host: str) -> bool:
    """Whether a web address holds the name, or its first two words ("Saltbox Literacy Project" on
    saltboxliteracy.ca)."""
    whole, head = _squash(name), _squash(" ".join(name.split()[:2]))
    return any(len(n) >= 6 and n in _squash(host) for n in (whole, head))


def named_host(title: str, text: str, url: str | None = None) -> tuple[str | None, bool]:
    """The host a posting names in its words (the name, and whether a second place confirms it),
    or (None, False). A label is confirmed by itself; a title's name when the text says it too;
    a self-introduction when the page's address holds it ("kettlebymaps.co.uk")."""
    if name := _name(_HOST_LABEL.search(text)):
        return name, True
    unsure = None
    if name := _name(_HOST_TITLE.search(title)):
        if name in text:
            return name, True
        unsure = name
    if (name := _name(_HOST_TITLE_LEAD.search(title))) and name in text:
        return name, True
    if name := _name(_SELF.search(text)):
        host = urlsplit(url or "").hostname or ""
        if _in_host(name, host) or name in title:
            return name, True
        unsure = unsure or name
    return unsure, False
