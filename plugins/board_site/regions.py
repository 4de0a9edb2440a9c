"""Which countries each region code of ``Eligible-Regions`` covers (for the board's filters).

A student picks the country they live in; a posting matches when its regions name that
country, ``WORLDWIDE``, or a region that contains it. The lists follow common usage on
job boards (EU and EEA by treaty; NA, LATAM, APAC and EMEA as recruiters use them) and
are filtered against Debian's ISO 3166 list at build time.
"""

from __future__ import annotations

from board import vocabulary as vocab

EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
EEA = EU + "IS LI NO".split()
EUROPE_OTHER = "AD AL AX BA BY CH FO GB GG GI IM JE MC MD ME MK RS RU SJ SM UA VA".split()
MIDDLE_EAST = "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE AM AZ GE KZ".split()
AFRICA = ("DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML "
          "MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW EH RE YT SH").split()
NORTH_AMERICA = "US CA MX BM GL PM".split()
LATIN_AMERICA = ("MX GT BZ SV HN NI CR PA CU DO HT PR JM TT BS BB GD LC VC AG DM KN "
                 "AR BO BR CL CO EC GY PY PE SR UY VE").split()
ASIA_PACIFIC = ("AU NZ CN JP KR KP TW HK MO MN IN PK BD LK NP BT MV AF ID MY SG TH VN PH KH LA MM BN TL "
                "PG FJ SB VU WS TO KI TV NR FM MH PW NC PF GU").split()

MEMBERS: dict[str, list[str]] = {
    "EU": EU,
    "EEA": EEA,
    "EMEA": EEA + EUROPE_OTHER + MIDDLE_EAST + AFRICA,
    "NA": NORTH_AMERICA,
    "LATAM": LATIN_AMERICA,
    "APAC": ASIA_PACIFIC,
}


def members() -> dict[str, list[str]]:
    """Region code -> sorted known country codes (``WORLDWIDE`` covers everyone)."""
    known = vocab.countries()
    return {code: sorted({c for c in countries if c in known}) for code, countries in MEMBERS.items()}
