"""Every curation rule, each with a record it must reject and a near-miss it must let pass.

The base record is a real micro-internship (remote, students, 20 total hours, $400 stipend);
each case changes one thing. Precision first: when in doubt, a rule rejects.
"""

from __future__ import annotations

from dataclasses import replace
import tomllib
from datetime import timedelta

import pytest

from board.entry import SLUG_RE
from board.policy import Policy
from scrapers import curation, extract
from scrapers.curation import DEFAULT_PATH, REASONS, RULES, CurationRules, curate, load_rules
from scrapers.record import RawRecord, SourceConfig

from .support import NOW, POLICY

SRC = SourceConfig(name="test-board", kind="remotive", url="https://api.example.org/jobs", attribution="Test board")
BASE_BODY = ("<p>Paid micro-internship for college students and recent graduates, completed 100% remotely.</p>"
             "<p>A 20-hour project: a competitive analysis of five tools, due within 2 to 3 weeks of kick-off.</p>"
             "<p>$400 stipend upon successful completion.</p>")


def rec(body: str = BASE_BODY, **kw) -> RawRecord:
    base = dict(source_id="42", title="Competitive Analysis Micro-Internship", organization="Acme Analytics",
                url="https://jobs.acme.example/42", apply_url="https://jobs.acme.example/42/apply",
                description_html=body, posted="2026-07-20T09:00:00Z", employment_type=["Contract"])
    base.update(kw)
    return RawRecord(**base)


def decide(record: RawRecord, source: SourceConfig = SRC, rules: CurationRules = CurationRules()):
    d = curate(record, source, rules, POLICY, NOW)
    assert d.reason in REASONS
    return d


def body(sentences: str) -> str:
    """The base audience and remote wording around the sentences under test."""
    return f"<p>Paid micro-internship for college students, completed 100% remotely.</p><p>{sentences}</p>"


# ---- the kept case ---------------------------------------------------------------------------


def test_real_micro_internship_is_kept_with_a_valid_entry():
    d = decide(rec())
    assert (d.keep, d.reason) == (True, "KEPT_MICRO")
    e = d.entry
    assert (e.hours.min, e.hours.max) == (20, 20)
    assert (e.compensation.min, e.compensation.currency, e.compensation.unit) == (400, "USD", "total")
    assert SLUG_RE.match(e.slug) and e.slug.startswith("competitive-analysis-micro-internship-acme-analytics-")
    assert e.source.kind == "scraper" and e.source.ids == ("test-board:42",) and e.source.url == "https://jobs.acme.example/42"
    assert e.first_seen == e.last_seen == NOW and e.apply_url == "https://jobs.acme.example/42/apply"
    assert e.apply_by is None and e.status == "open"
    assert "20-20 h" in d.detail and "$400 stipend" in d.detail


@pytest.mark.parametrize("sentences,hours,pay", [
    ("Expect 10-15 hrs/week for 2 weeks. USD 25/hour.", (20, 30), (25, "hour")),
    ("A 30-hour project. USD 25/hour.", (30, 30), (25, "hour")),
    ("$375 for a 25-hour project.", (25, 25), (375, "total")),
    ("A 30-hour project, €500 on completion.", (30, 30), (500, "total")),
    ("Between 15 and 20 hours of work in total; we pay a $600 stipend.", (15, 20), (600, "total")),
    ("Five to forty hours of work, paid $20/hour.", (5, 40), (20, "hour")),
    ("A 1-hour kickoff call, then 15 hours of work. Fee: £300.", (15, 15), (300, "total")),
    ("A 20-hour project, Rs. 8,000 on completion.", (20, 20), (8000, "total")),
    ("A 12-hour project; NZ$400 stipend.", (12, 12), (400, "total")),
    ("Hours: 6-8 total. Rate: $30/hr.", (6, 8), (30, "hour")),
    ("Choose a 25-hour track ($500) or a 60-hour track ($1,200).", (25, 25), (500, "total")),
    # hours a day x a few days; the bare "5 hours" of "2 days x 5 hours" is the daily figure
    ("Three days, about 4 hours a day. €300 flat.", (12, 12), (300, "total")),
    ("Two days × 5 hours. CAD 30/hour.", (10, 10), (30, "hour")),
    ("Within 3 days, 10 hours in total. $250 fee.", (10, 10), (250, "total")),
    # the duration said before the weekly rate
    ("Two weeks, ~8 hrs/week, £18/hr.", (16, 16), (18, "hour")),
    ("A scoped project of 15 to 20 hours. EUR 350 once accepted.", (15, 20), (350, "total")),
    # "grant" belongs to the sentence before the amount
    ("Build a calendar of grant deadlines. 9 hours. CA$270.", (9, 9), (270, "total")),
    # a cap, a labelled weekly rate with its weeks, a project budget, a "10k" fee in rupees
    ("The project should take no longer than 20 hours. Pay: $22/h.", (20, 20), (22, "hour")),
    ("Commitment: 5 hrs/week for 4 weeks. Pay: CAD 25/hr.", (20, 20), (25, "hour")),
    ("Project budget: $600 for roughly 25 hours of work.", (25, 25), (600, "total")),
    ("Stipend: ₹10k for a 20-hour project.", (20, 20), (10000, "total")),
    # number words beyond the single ones
    ("Roughly a dozen hours of work. $300 flat.", (12, 12), (300, "total")),
    ("Twenty-four hours of work in total, $480 on completion.", (24, 24), (480, "total")),
    ("Thirty five hours of work, fixed fee of $700.", (35, 35), (700, "total")),
    # European amounts, days of work, a kilo fee, a budget for the project
    ("Workload: 35 hours. Fee: 1.200,00 € (flat).", (35, 35), (1200, "total")),
    ("About 30 hours, 1.500 € for the project.", (30, 30), (1500, "total")),
    ("Effort: around 3 working days. €600 for the project.", (21, 24), (600, "total")),
    ("About 4 half-days of work; $500 on completion.", (14, 16), (500, "total")),
    ("$600 in 5 days (about 4 hours a day).", (20, 20), (600, "total")),
    ("A 16-hour project. Pay: $0.75k for the project.", (16, 16), (750, "total")),
    ("Budget: $400 for the project; expect 12-16 hours.", (12, 16), (400, "total")),
    ("Budget: CAD 800 for an estimated 32 hours.", (32, 32), (800, "total")),
    # hours a day over a week or two: weekdays are 5 a week, a bare "a day" 5 to 7
    ("We need help three hours each weekday morning for two weeks. €540 for the job.", (30, 30), (540, "total")),
    ("Two hours a day, Monday to Friday, for two weeks. £320 for the fortnight.", (20, 20), (320, "total")),
    ("About 2 hrs/day for a fortnight; $600 on completion.", (20, 28), (600, "total")),
    # sittings x their length, plus what is added to them ("4 hours" alone is one part)
    ("Five 2-hour testing sessions plus about 4 hours writing up. $350 when done.", (14, 14), (350, "total")),
    ("Three 90-minute workshops and 6 hours of prep. Fee: £240.", (10, 10), (240, "total")),
    ("Kaam: lagbhag 18 ghante, do hafte mein. Payment: ₹9,000 ek saath.", (18, 18), (9000, "total")),  # Hinglish
    # a count of pieces times the hours each takes; pay in words; a rate "for every hour"
    ("Five half-days of about four hours each, so 20 hours. $600 fixed fee.", (20, 20), (600, "total")),
    ("Time: four half-days - plan on about four hours each. Honorarium: US$320.", (16, 16), (320, "total")),
    ("Notes for eight episodes. Each episode takes about 2 hours. CAD 400 for the batch.", (16, 16), (400, "total")),
    ("About sixteen hours in all. Four hundred Canadian dollars on delivery.", (16, 16), (400, "total")),
    ("A hard cap of 30 hours; we pay $25 for every hour you log.", (30, 30), (25, "hour")),
    # a "$" right before the next number belongs to it, not to the date before it
    ("Terms: 25 hours, between January 4 and January 29 $625 fixed fee.", (25, 25), (625, "total")),
    # the employer's customers pay tuition, the student is paid; "not hiring full-time" is no full-time role
    ("We help daycare centers collect tuition. 15 hours, $330 flat.", (15, 15), (330, "total")),
    ("20 hours total, $500. (We are not hiring full-time right now, this is just one project.)", (20, 20), (500, "total")),
    # a smaller rand amount as an hourly rate; a graduation window is no duration
    ("6 hrs/week for 4 weeks (24 hrs). Remuneration: R 260 per hour.", (24, 24), (260, "hour")),
    ("20 hours total, $500, for students or grads within 12 months of completing.", (20, 20), (500, "total")),
    # negated near-miss words: the project is paid, no volunteer role, no hiring trial
    ("Paid (not unpaid volunteering). 20 hours, $400.", (20, 20), (400, "total")),
    ("The data is about volunteers, not a volunteer role. 20 hours, $400.", (20, 20), (400, "total")),
    ("Paid trial? No - a self-contained 12-hour project, $300.", (12, 12), (300, "total")),
    ("A standalone paid project, not a recruitment trial. 15 hours, $375.", (15, 15), (375, "total")),
    ("About 20 hours of work, including 3 1-hour calls. $400 flat.", (20, 20), (400, "total")),
    # a range said with "between ... and"; milestone parts and their sum; hours in Korean and Chinese in Latin letters
    ("About 20 hours. The fee varies between €380 and €440.", (20, 20), (380, "total")),
    ("A remuneração varia entre 380 € e 440 €; prevemos 20 horas.", (20, 20), (380, "total")),
    ("About 25 hours. $500 after the draft, $700 after the final version (total $1,200).", (25, 25), (1200, "total")),
    ("Jeonche jagyeop sigan eun yak 18 sigan imyeo, bosu neun USD 360.", (18, 18), (360, "total")),
    ("Gongzuo liang: zong gong yue 20 xiaoshi. Baochou: USD 400.", (20, 20), (400, "total")),
    ("工作量：总共约20小时。酬劳：USD 400。", (20, 20), (400, "total")),  # hours in more languages
    ("Khối lượng: khoảng 24 giờ. Thù lao: USD 480.", (24, 24), (480, "total")),
    ("Rozsah: 30 hodín celkovo. Odmena: 600 €.", (30, 30), (600, "total")),
    ("Kabuuang oras: mga 20 oras. Bayad: USD 400.", (20, 20), (400, "total")),
    ("10 timers arbejde i alt. Honorar: 2.000 DKK.", (10, 10), (2000, "total")),
    ("Time: 40 hours. Compensation: $800 100% remote.", (40, 40), (800, "total")),  # not "800 100" grouped
])
def test_prose_hours_and_pay_are_extracted(sentences, hours, pay):
    d = decide(rec(body(sentences)))
    assert d.keep, d.detail
    assert (d.entry.hours.min, d.entry.hours.max) == hours
    assert (d.entry.compensation.min, d.entry.compensation.unit) == pay


@pytest.mark.parametrize("sentences,currency", [
    ("An 18-hour project. S$400.", "SGD"),
    ("A 16-hour project, SG$480 on completion.", "SGD"),
    ("A 20-hour project, HK$3,000 on completion.", "HKD"),
    ("A 20-hour project, US$400 on completion.", "USD"),
    ("A 20-hour project, $400 on completion.", "USD"),
])
def test_lettered_dollar_signs_name_their_currency(sentences, currency):
    d = decide(rec(body(sentences)))
    assert d.keep, d.detail
    assert d.entry.compensation.currency == currency


def test_structured_hourly_salary_is_used():
    d = decide(rec(body("A 20-hour project."), salary_min=30, salary_max=35, salary_currency="usd", salary_unit="HOUR"))
    assert d.keep and (d.entry.compensation.min, d.entry.compensation.unit) == (30, "hour")


# ---- one test per rule: rejects, and a near-miss that it must not reject ----------------------

REJECTS = [
    # (code, record changes, id)
    ("REJECT_NOT_A_POSTING", dict(title=""), "no-title"),
    ("REJECT_NOT_A_POSTING", dict(organization=None, description_html=BASE_BODY + "<p>A new survey of 400 employers finds "
                                                                                  "that one in four offer such projects.</p>"),
     "no-organization-and-a-survey-finds"),
    ("REJECT_NOT_A_POSTING", dict(organization=None, title="Hire a vetted micro-intern in 48 hours"), "hire-a-micro-intern"),
    ("REJECT_NOT_A_POSTING", dict(description_html=BASE_BODY + "<p>Book a demo to get your first project free.</p>"),
     "book-a-demo"),
    ("REJECT_NOT_A_POSTING", dict(title="News: micro-internships are booming"), "news"),
    ("REJECT_NOT_A_POSTING", dict(title="How to land a paid micro-internship"), "explainer"),
    ("REJECT_NOT_A_POSTING", dict(title="Micro-internships for employers"), "employer-page"),
    ("REJECT_NOT_A_POSTING", dict(description_html="<p>Hire students for short projects: post a project today.</p>"
                                  + BASE_BODY), "employer-call"),
    ("REJECT_NOT_A_POSTING", dict(title="What employers should know about micro-internships"), "should-know"),
    ("REJECT_NOT_A_POSTING", dict(description_html="<p>Have a 20-hour project? Post it and we'll match it with a student.</p>"
                                  + BASE_BODY), "match-call"),
    ("REJECT_BAD_URL", dict(url="javascript:alert(1)", apply_url="data:text/html,hi"), "unsafe-schemes"),
    ("REJECT_BAD_URL", dict(url=None, apply_url="/jobs/42"), "relative"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour volunteer project. This is a volunteer role.")), "volunteer"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project. It is not paid, but looks great on a CV.")), "not-paid"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project; compensation encouraged.")), "encouraged"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project for pay and/or credit.")), "credit"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project; earn $10 for every sign-up you bring in.")), "per-sign-up"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("Commitment: 20 hrs/week. Pay: $20/h.")), "labelled-weekly"),
    ("REJECT_UNPAID", dict(description_html=body("Earn up to $500 in Amazon gift cards for a 20-hour project.")), "gift-cards"),
    ("REJECT_UNPAID", dict(description_html=body("$400 for a 20-hour project, payable only if your design is selected.")),
     "spec-work"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project; payment is based on performance and results.")),
     "performance-pay"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("This 25-hour task is the final stage of our hiring process; "
                                                         "it is paid at $30/h.")), "hiring-stage"),
    ("REJECT_EXPERIENCED", dict(description_html=body("A 20-hour project, $400. You must have a PhD and 3 years of "
                                                      "postdoctoral research.")), "years-of-research"),
    ("REJECT_EXPERIENCED", dict(description_html=body("A 20-hour project, $400. Ideal for working professionals.")),
     "working-professionals"),
    ("REJECT_ONGOING", dict(description_html=body("A 20-hour project, $400. Monthly contract, auto-renews.")), "auto-renews"),
    ("REJECT_ONGOING", dict(description_html=body("A 20-hour project, $400, repeated every quarter.")), "repeated"),
    ("REJECT_ONGOING", dict(description_html=body("A 20-hour project, $400. Renewable each semester.")), "renewable"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("20 hours per month, $25/h.")), "monthly-hours"),
    # the staff's arrangement, and this role's too in the same sentence
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>Our team works on a hybrid schedule and you would join us in "
                                                            "the office 2 days a week.</p>"), "staff-hybrid-and-you-too"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>Our employees enjoy a hybrid schedule, and this role is hybrid "
                                                            "too: 2 days a week in our Leeds office.</p>"), "staff-perk-and-this-role"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("Honor Rp 3.000.000 per bulan, sekitar 15 jam per bulan.")),
     "monthly-hours-in-bahasa"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("Ca. 10 Stunden im Monat, 20 € pro Stunde.")),
     "monthly-hours-in-german"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("Haftada 5-6 saat, saatlik ücret 200 TL.")), "haftada-in-turkish"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("4 hours per day, 3 days a week. $20/hour.")),
     "hours-a-day-days-a-week"),  # a rate, not 3 days' work
    ("REJECT_TOO_LONG", dict(description_html=body("Schedule: three hours a day, Monday to Friday, for three consecutive weeks. "
                                                   "$20/hour.")), "hours-a-day-weekdays-for-weeks"),
    ("REJECT_TOO_LONG", dict(description_html=body("A 20-hour project, $400. Start date: January; end date: June.")),
     "start-end-months"),
    ("REJECT_FULL_TIME", dict(description_html=body("A 20-hour project, $400. A W-2 employee position with benefits.")),
     "w2-benefits"),
    ("REJECT_EXPERIENCED", dict(description_html=body("A 20-hour project, $400. You have 3+ years writing professionally.")),
     "years-gerund"),
    ("REJECT_EXPERIENCED", dict(description_html=body("A 20-hour project, $400. Applicants with an MBA and management "
                                                      "experience.")), "mba-management"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project, $400, paid when the client pays us.")), "client-pays"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("Hours: 15/week. Pay: $20/h.")), "labelled-per-week"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("We pay candidates $200 for a 3-hour take-home.")), "take-home"),
    ("REJECT_PER_PIECE", dict(description_html=body("A 20-hour project; $50 per published article.")), "per-published"),
    ("REJECT_TOO_LONG", dict(description_html=body("A 12-month fixed-term contract, 20 hours in all, $500.")), "fixed-term"),
    ("REJECT_TOO_LONG", dict(description_html=body("This is not a 2-week sprint but a semester-long placement, 20 hours "
                                                   "in all, $500.")), "not-a-sprint-but-a-semester"),
    ("REJECT_EXPERIENCED", dict(description_html=body("A 20-hour project, $500. You have led research for 4+ years.")),
     "led-for-years"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project paid by success fee of $400.")), "success-fee"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project. Commission-based pay.")), "commission"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project, equity-only.")), "equity"),
    ("REJECT_UNPAID", dict(title="Social Media Scout (m/w/d) 100 % remote (im Ehrenamt)"), "ehrenamt"),
    ("REJECT_UNPAID", dict(employment_type=["Volunteer"]), "volunteer-type"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body(
        "As part of our interview process you complete a paid project (2-3 hours) for $100.")), "interview-step"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Process: paid trial task, then a 20-hour project for $400.")), "trial"),
    ("REJECT_PER_PIECE", dict(description_html=body("Write a 20-hour series, paid $50 per article.")), "per-article"),
    ("REJECT_PER_PIECE", dict(title="Freelance AI Trainer (students welcome)"), "ai-trainer"),
    # a Full-time field the text agrees with, or a text that states no short paid project
    ("REJECT_FULL_TIME", dict(employment_type=["Full-time"], description_html=BASE_BODY + "<p>This is a full-time role.</p>"),
     "type-and-text"),
    ("REJECT_FULL_TIME", dict(employment_type=["FULL_TIME"], description_html=body("A stipend of $400.")), "schema-type"),
    ("REJECT_FULL_TIME", dict(description_html=body("Tu primer proyecto: 20 horas. Sueldo MXN 22,000 mensuales. Contrato "
                                                    "indefinido, de lunes a viernes.")), "contrato-indefinido"),
    ("REJECT_FULL_TIME", dict(description_html=body("Ein 20-Stunden-Einstiegsprojekt, danach unbefristete Festanstellung.")),
     "unbefristete-festanstellung"),
    ("REJECT_BELOW_PAY_FLOOR", dict(description_html=body("Remote | ~30 hrs, $300 | students")), "hours-then-amount-header"),
    ("REJECT_FULL_TIME", dict(title="Data Analyst (full-time)"), "title"),
    ("REJECT_FULL_TIME", dict(salary_min=60000, salary_max=80000, salary_currency="USD", salary_unit="YEAR"), "yearly"),
    ("REJECT_FULL_TIME", dict(description_html=body("A 20-hour onboarding, then the job. Salary $60,000 per year.")), "prose-salary"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Benefits: 401(k), dental and vision.</p>"), "benefits"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>We have ongoing needs for this work.</p>"), "ongoing"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>The contract runs indefinitely.</p>"), "indefinite"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>With the option of expanding the scope.</p>"), "expand"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>Subject to monthly renewal.</p>"), "renewal"),
    ("REJECT_ONGOING", dict(title="Werkstudent (m/w/d) Marketing"), "werkstudent"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>This is a remote part-time position.</p>"), "part-time"),
    # an unticked "remote" box is the source's word when the work is bound to a place
    ("REJECT_NOT_REMOTE", dict(remote=False, description_html=BASE_BODY.replace("completed 100% remotely", "with our team")
                               + "<p>Help count and reconcile the stock of our warehouse.</p>"), "flag-and-place-bound-work"),
    ("REJECT_NOT_REMOTE", dict(remote=False, description_html=BASE_BODY.replace("completed 100% remotely", "with our team")
                               + "<p>All work happens in our Local History Room.</p>"), "flag-and-work-happens-in-our-room"),
    ("REJECT_NOT_REMOTE", dict(description_html=body("A 20-hour project, $400. The scanner can't leave the building.")
                               .replace("completed 100% remotely", "in Leeds")), "cannot-leave-the-building"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>Hybrid: the kick-off and the final presentation are in "
                               "person at our Leeds office.</p>"), "hybrid-label-in-person-parts"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html="<p>Completed 100% remotely. A 20-hour project, $400 stipend. Requires "
                                     "an active CPA license; not open to students.</p>", title="Tax Return Review"),
     "students-turned-away"),
    ("REJECT_EXPERIENCED", dict(description_html="<p>Completed 100% remotely. A 20-hour project, $400 fee. Requires an "
                                "active CPA license.</p>", title="Tax Return Review"), "licence"),
    ("REJECT_NOT_REMOTE", dict(location="On-site - Berlin"), "onsite"),
    ("REJECT_NOT_REMOTE", dict(location="Hybrid (London)"), "hybrid"),
    ("REJECT_TOO_LONG", dict(description_html=body("Expect 10-15 hrs/week for 3 weeks. $25/hour.")), "weekly-x-weeks"),
    ("REJECT_TOO_LONG", dict(description_html=body("Ten hours a week from September through May, $20/hour.")), "sept-may"),
    ("REJECT_TOO_LONG", dict(description_html=body("20 hours per week for a 10-week contract, $22/hour.")), "10-weeks"),
    ("REJECT_TOO_LONG", dict(description_html=body("A 20-hour project spread over three months. $400.")), "months"),
    ("REJECT_TOO_LONG", dict(description_html=body("A 3-month internship, 20 hours total, $400 stipend.")), "3-month"),
    ("REJECT_TOO_LONG", dict(description_html=body("One project per semester, 20 hours, $400 stipend.")), "semester"),
    ("REJECT_TOO_LONG", dict(description_html=body("A fixed-term contract for 1 year. $400 stipend for 20 hours.")), "year"),
    ("REJECT_TOO_LONG", dict(description_html=body("A 60-hour project. $1,500 stipend.")), "60-hours"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("About 6 hours/week. $20/hour.")), "6-per-week"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("10-35 hours per week, $25/hour.")), "10-35"),
    ("REJECT_TOO_SHORT", dict(description_html=body("A 3-hour project, $100 stipend.")), "3-hours"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html="<p>Completed 100% remotely. A 20-hour project. $400 stipend.</p>",
                                     title="Competitive Analysis Project"), "no-audience"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html="<p>Remote: tutor high school students for a 20-hour project. "
                                     "$400 stipend.</p>", title="Maths Tutor"), "students-served"),
    ("REJECT_BELOW_PAY_FLOOR", dict(description_html=body("A 30-hour project, $100 stipend.")), "low-total"),
    ("REJECT_BELOW_PAY_FLOOR", dict(description_html=body("A 20-hour project at USD 8/hour.")), "low-hourly"),
    # paid only when someone buys: commission by another name
    ("REJECT_UNPAID", dict(description_html=body("About 25 hours. You earn R350 for every site visit that converts.")),
     "per-conversion"),
    ("REJECT_STUDENT_PAYS", dict(description_html=body("A 20-hour project, ₹9,000 on approval. A registration and "
                                                        "onboarding fee of ₹1,000 applies.")), "two-noun-fee"),
    ("REJECT_NOT_REMOTE", dict(description_html="<p>Micro-internship for university students. Interview 10 customers, 20 hours, "
                                                "$600. Listed as remote, but interviews take place face to face at customer "
                                                "sites.</p>"), "face-to-face"),
    ("REJECT_NOT_REMOTE", dict(description_html="<p>Micro-internship for final-year students. 20 hours over a fortnight, "
                                                "£300. Most of the work can be done from home, but we need you in our Leeds "
                                                "studio on the Tuesday of each week.</p>"), "home-but-studio-weekly"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Applicants to our analyst intake complete a paid case exercise: about "
                                                          "6 hours, $300. It is assessed as part of your application before "
                                                          "the interview.")), "assessed-as-part"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("A case study (around 6 hours). We compensate each finalist $300 "
                                                          "for their time before the interview.")), "finalists"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Our internship process includes a paid take-home (approx. 6 hrs, "
                                                          "US$150).")), "process-take-home"),
    ("REJECT_UNPAID", dict(description_html=body("Roughly 8 hours in total. All who finish are entered into a draw for one "
                                                  "of five $500 cards.")), "prize-draw"),
    ("REJECT_STUDENT_PAYS", dict(description_html=body("About 20 hours, $400 on completion. We ask for a $150 refundable "
                                                        "equipment bond.")), "bond"),
    ("REJECT_ONGOING", dict(description_html=body("8 hours of work, $25/hour. You will repeat the project each month going "
                                                   "forward.")), "repeat-each-month"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Applicants to our analyst role who pass stage 1 complete this paid "
                                                          "5-hour project. $200.")), "who-pass-stage-1"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Two 3-hour shifts, paid at $20/hour. This paid shift is how we assess "
                                                          "candidates for our graduate programme.")), "how-we-assess"),
    ("REJECT_UNPAID", dict(description_html=body("About 25 hours. Instead of a flat fee, you'll earn a commission on each "
                                                  "booking.")), "commission-on-each"),
    ("REJECT_STUDENT_PAYS", dict(description_html=body("About 15 hours, $300 stipend. A small admin fee of $25 to join.")),
     "admin-fee"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Graduates who pass our online screen are invited to a paid case "
                                                          "study: about 6 hours, $300, reviewed by our hiring panel.")), "graduates-who-pass"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("A paid case study: about 6 hours, $300. It forms the second "
                                                          "stage of selection for our graduate intake.")), "stage-of-selection"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Cerca de 6 horas, R$ 300 pelo case. O case é a segunda etapa "
                                                          "do processo seletivo.")), "etapa-processo-seletivo"),
    # with no micro wording, a missing remote fact and a missing hours fact together still reject
    ("REJECT_NOT_REMOTE", dict(description_html="<p>For students. An analysis of our market. $400 stipend.</p>",
                               title="Competitive Analysis"), "no-remote-no-hours-not-micro"),
    ("REJECT_NOT_REMOTE", dict(description_html=body("A 20-hour project, $400 stipend. You work on-site at our office.").replace(
        "completed 100% remotely", "in Leeds")), "onsite-in-prose"),
    ("REJECT_HOURS_UNKNOWN", dict(description_html=body("A short project, paid on completion.")), "two-facts-missing"),
    ("REJECT_NO_PAY_SIGNAL", dict(description_html="<p>Micro-internship for college students, completed 100% remotely.</p>"
                                  "<p>A 20-hour project. A great portfolio piece.</p>"), "no-pay-portfolio-instead"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Students pay a $99 programme fee.</p>"), "programme-fee"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Membership: subscription of $49 a month.</p>"), "subscription"),
    ("REJECT_EXPERIENCED", dict(description_html=BASE_BODY + "<p>You bring 5+ years' experience in analytics.</p>"), "years"),
    ("REJECT_EXPERIENCED", dict(title="Senior Analyst Micro-Project"), "senior-title"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Enrollment: $99.</p>"), "price-label"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Just $49 to participate.</p>"), "price-to-join"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Biaya pendaftaran program Rp 350.000.</p>"),
     "fee-in-bahasa"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Opłata rejestracyjna: 120 zł.</p>"), "fee-in-polish"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>ค่าลงทะเบียนโครงการ 2,900 บาท</p>"), "fee-in-thai"),
    ("REJECT_EXPERIENCED", dict(description_html=BASE_BODY + "<p>Must have 5 or more years of industry experience.</p>"),
     "or-more-years"),
    ("REJECT_NOT_REMOTE", dict(description_html=body("A 20-hour project, $400 stipend, at our office in Leeds.").replace(
        "completed 100% remotely", "in the UK")), "office-in-prose"),
    ("REJECT_PER_PIECE", dict(description_html=body("Review 40 AI chatbot answers an hour for 20 hours, $20/hour.")),
     "ai-rating-prose"),
    ("REJECT_UNPAID", dict(description_html=body("A 20-hour project, paid in exposure and a reference.")), "exposure"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Interview process: a 30-minute call, then a paid 6-hour "
                                                          "take-home ($200), then a final chat.")), "process-colon-take-home"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=body("Projeto de 20 horas, R$ 80/hora. Vaga não destinada a "
                                                            "estudantes ou estagiários.")), "nao-destinada-a-estudantes"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>Candidates must hold an active CPA licence in any "
                                                                  "US state; students welcome once licensed.</p>"), "cpa-licence"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>You must be a licensed attorney in New York.</p>"),
     "licensed-attorney"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>You must hold an active PRC licence as a Registered "
                                                                  "Nurse.</p>"), "licence-as-a-nurse"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>Student nurses cannot be considered for this one.</p>"),
     "students-cannot-be-considered"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>Honest note: it's not a good first gig for students.</p>"),
     "not-a-good-first-gig-for-students"),
    ("REJECT_EXPERIENCED", dict(description_html=BASE_BODY + "<p>This one needs someone with 4+ yrs hands-on in fintech "
                                                             "compliance.</p>"), "yrs-hands-on-in"),
    ("REJECT_EXPERIENCED", dict(description_html=BASE_BODY + "<p>You bring seven or more years as an analytics engineer.</p>"),
     "or-more-years-as"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("Two evenings a week, about 6 hours in total per week, $20 per hour.")),
     "in-total-per-week"),
    ("REJECT_ONGOING", dict(description_html=body("One issue a month, roughly 5 hours of work each, £15 an hour.")),
     "an-issue-a-month"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>Current general registration as a physiotherapist with "
                                                                  "AHPRA is essential.</p>"), "registration-as-a-physiotherapist"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>Open to residents aged 25 or over who are not currently "
                                                                  "enrolled in a college or university.</p>"), "not-enrolled"),
    ("REJECT_NOT_FOR_STUDENTS", dict(title="Clinical Workflow Review Project",
                                     description_html="<p>Remote. 15 hours in total, $900. Who: dental hygienists registered "
                                                      "with a provincial regulatory college.</p>"), "regulatory-college"),
    ("REJECT_NOT_A_POSTING", dict(description_html=BASE_BODY + "<p>Students earned about $20 an hour on 20-hour projects, the "
                                                               "organisers say.</p>"), "the-organisers-say"),
    ("REJECT_NOT_A_POSTING", dict(description_html="<p>Three universities piloted paid remote micro-internships this autumn.</p>"
                                                   + BASE_BODY), "piloted-this-autumn"),
    ("REJECT_TOO_LONG", dict(description_html=body("Time: 6 full working days of about 7 hours. Pay: $4,200 total.")),
     "days-of-hours"),
    ("REJECT_EXPERIENCED", dict(description_html=BASE_BODY + "<p>You'll need four or more years of hands-on paid social "
                                                             "management.</p>"), "years-in-words"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>This engagement isn't suitable for students.</p>"),
     "not-suitable-for-students"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=body("Shortlisted candidates for our Junior Data Analyst opening complete "
                                                          "a realistic analysis project before the final interview. About 8 "
                                                          "hours; we pay $300.")), "shortlisted-two-words-before-final"),
    ("REJECT_EXPIRED", dict(valid_through=None, description_html=BASE_BODY + "<p>Applications for the summer round closed on "
                                                                             "31 July 2026.</p>"), "round-closed"),
    ("REJECT_UNPAID", dict(description_html=body("Ongeveer 20 uur. Je krijgt een cadeaubon van €50 en een referentie.")),
     "cadeaubon"),
    ("REJECT_UNPAID", dict(description_html=body("About 20 hours. Contributors are rewarded with 5,000 CRDA, our platform's "
                                                  "governance token.")), "platform-token"),
    ("REJECT_UNPAID", dict(description_html=body("Roughly 20 hours. We're pre-revenue, so compensation is a 0.1% stake in "
                                                  "the company.")), "equity-stake"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>This round is open to current employees of our partner "
                                                                  "firms.</p>"), "employees-of-partner-firms"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>The sprint is how we run our trial for the 2027 cohort: after "
                                                                "the trial, successful candidates join our analyst team.</p>"),
     "trial-for-a-cohort"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>You'll present it to the hiring panel as your final "
                                                                "interview.</p>"), "as-your-final-interview"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>Every year we hire a cohort of analysts. We pay for every "
                                                                "completed submission, whether or not you progress.</p>"),
     "whether-or-not-you-progress"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>The strongest submissions are invited to the final panel for "
                                                                "our graduate hiring round.</p>"), "invited-to-the-final-panel"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>Everyone who passes our CV screen for the junior intake "
                                                                "gets this task; the best ones get invited to interview.</p>"),
     "everyone-who-passes-the-screen"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>Our grad hiring starts with a paid take-home.</p>"),
     "hiring-starts-with-a-paid-task"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>Our analyst selection has three stages: online tests, a "
                                                                "virtual case and a final interview day.</p>"), "selection-has-stages"),
    ("REJECT_INTERVIEW_TASK", dict(title="Paid recruitment task – Junior Backend"), "recruitment-task-title"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>新卒エンジニア採用の二次選考として、分析ワークに取り組んで"
                                                                "いただきます。</p>"), "second-selection-round-in-japanese"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Junior Backend (Go) | Tam zamanlı</p>"), "full-time-in-turkish"),
    ("REJECT_NOT_A_POSTING", dict(title="Hosting a Student Micro-Internship: Guidance for Managers"), "hosting-guidance-title"),
    ("REJECT_NOT_A_POSTING", dict(description_html="<p>Before you post: scope a project of 10-35 hours and pay at least the living "
                                                   "wage - we recommend £15 an hour.</p>" + BASE_BODY), "we-recommend-a-rate"),
    ("REJECT_NOT_A_POSTING", dict(description_html="<p>¿Tu empresa tiene un proyecto de 10 a 40 horas? Publica tu micro-pasantía "
                                                   "(recomendamos desde USD 15 por hora).</p>" + BASE_BODY), "tu-empresa-tiene"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>Our process for new grads: an intro call, then a paid "
                                                                "take-home, then a final conversation.</p>"), "process-for-new-grads"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>The project doubles as the final round.</p>"),
     "doubles-as-the-final-round"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>The sprint is step 3 of 4 for our Junior Copywriter "
                                                                "vacancy.</p>"), "step-3-of-4"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>If you've been invited to Stage 3 of our graduate programme, "
                                                                "your deck is discussed in your final-round interview.</p>"),
     "invited-to-stage-3"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>If you're on the free plan, activate Pro (₹499/month) to "
                                                              "submit your application.</p>"), "activate-a-paid-plan"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Matching is part of Launchwise Plus, our career membership "
                                                              "(£12.99 a month).</p>"), "membership-by-the-month"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>On Tuesday afternoons you'll sit in with the team at our King "
                                                            "Street studio.</p>"), "weekday-at-the-studio"),
    ("REJECT_NOT_A_POSTING", dict(title="Host a student micro-intern this January"), "host-a-student-micro-intern"),
    ("REJECT_NOT_A_POSTING", dict(description_html=BASE_BODY.replace("<p>", "<p>Have a 20-hour project sitting in your backlog? "
                                                                      "We match your team with a vetted college student. ", 1)),
     "project-sitting-in-your-backlog"),
    ("REJECT_NOT_A_POSTING", dict(description_html=BASE_BODY.replace("<p>", "<p>Projects are published on Careers Connect from "
                                                                      "11 January. Pay is set by each employer. ", 1)),
     "programme-information-page"),
    ("REJECT_WEEKLY_OPEN_ENDED", dict(description_html=body("You'd be writing 20 hours, per week, $19 an hour.")),
     "hours-comma-per-week"),
    ("REJECT_NOT_REMOTE", dict(description_html=body("30 hours across four weeks, £480 fee. Most of the analysis can be done "
                                                      "from home; you'll be based with our Leeds team two days a week.")),
     "based-with-our-team"),
    ("REJECT_NOT_REMOTE", dict(description_html=body("30 hours total, R4,500 fixed fee. You'll mostly work from our Bree "
                                                      "Street studio; we need you in for print proofing on Tuesdays, the rest "
                                                      "can be done from home.")), "mostly-work-from-our-studio"),
    ("REJECT_UNPAID", dict(description_html=body("Around 20 hours. You'll earn 15% of every sponsorship deal you close.")),
     "percent-of-every-deal"),
    ("REJECT_UNPAID", dict(description_html=body("About 20 hours, 5 ECTS; we don't pay a fee on top of that.")), "dont-pay-a-fee"),
    ("REJECT_UNPAID", dict(description_html=body("Environ 15 heures. Il s'agit d'un engagement bénévole.")), "engagement-benevole"),
    ("REJECT_TOO_SHORT", dict(title="Student banking study", description_html="<p>Tell us how you pick a student bank "
                              "account in a 45-minute video interview. £40 by PayPal. University students only. Remote.</p>"),
     "in-a-45-minute-interview"),
    ("REJECT_EXPIRED", dict(valid_through="2026-07-15"), "deadline-passed"),
    ("REJECT_INVALID", dict(posted="2031-01-01T00:00:00Z"), "posted-in-future"),
]


@pytest.mark.parametrize("code,changes", [(c, ch) for c, ch, _ in REJECTS], ids=[f"{c}-{i}" for c, _, i in REJECTS])
def test_rule_rejects(code, changes):
    d = decide(rec(**{"description_html": BASE_BODY, **changes}))
    assert (d.keep, d.reason) == (False, code), d.detail
    assert d.detail


# One fact missing, strong micro-internship signals and nothing against it: a person decides.
REVIEWS = [
    ("REVIEW_REMOTE_UNSTATED", dict(description_html="<p>Micro-internship for students. A 20-hour project. $400 stipend.</p>"),
     "no-remote-wording"),
    # neither remote nor on-site said, no micro wording, but hours, pay and students read: where it is done is the
    # one open question (the lead's decision; a city in the location field is not on-site wording either)
    ("REVIEW_REMOTE_UNSTATED", dict(description_html="<p>For students. A 20-hour analysis. $400 stipend.</p>",
                                    title="Competitive Analysis"), "no-remote-wording-facts-read"),
    ("REVIEW_REMOTE_UNSTATED", dict(description_html="<p>For students. A 20-hour analysis. $400 stipend.</p>",
                                    title="Competitive Analysis", location="Lahore, Pakistan"), "city-is-not-on-site"),
    ("REVIEW_HOURS_UNSTATED", dict(description_html=body("A short project. $400 stipend.")), "none"),
    ("REVIEW_HOURS_UNSTATED", dict(description_html=body("Earn 12 credit hours and a $400 stipend.")), "credit-hours"),
    ("REVIEW_HOURS_UNSTATED", dict(description_html=body("We reply within 48 hours. $400 stipend.")), "deadline"),
    ("REVIEW_PAY_UNSTATED", dict(description_html=body("A paid 20-hour project.")), "paid-no-amount"),
    ("REVIEW_PAY_UNSTATED", dict(description_html="<p>Micro-internship for college students, completed 100% remotely.</p>"
                                 "<p>A 20-hour project.</p>"), "pay-never-mentioned"),
    ("REVIEW_PAY_UNSTATED", dict(description_html=body("A 20-hour project. Our budget is $50,000.")), "budget"),
    ("REVIEW_ORG_UNKNOWN", dict(uncertain=["organization"], organization="HN user someone"), "hn-post-without-company"),
    # nobody named at all: missing, not contradicting (a news story or an employer's page says so in its words)
    ("REVIEW_ORG_UNKNOWN", dict(organization=None), "no-organization"),
    # an ATS's unticked "remote" box beside a city, the words silent on where the work is done
    ("REVIEW_REMOTE_UNSTATED", dict(remote=False, location="Halifax, Nova Scotia",
                                    description_html=BASE_BODY.replace("completed 100% remotely", "with our team")),
     "remote-flag-false-beside-a-city"),
    # every fact says micro-internship, and one field or hedged phrase says otherwise: a person weighs both
    ("REVIEW_CONFLICT", dict(remote=False), "remote-flag-false-but-completed-100%-remotely"),
    # a Full-time employment-type field against a text that states a 20-hour paid student project
    ("REVIEW_CONFLICT", dict(employment_type=["Full-time"]), "full-time-field-against-a-20-hour-project"),
    # a title's hours against the effort a label states, one within 40 hours and one over: a person checks
    ("REVIEW_CONFLICT", dict(title="15-Hour Micro-Internship: Grant Tracker Build",
                             description_html=body("Estimated effort: 45 hours. Fee: £450.")), "title-hours-against-labelled-effort"),
    ("REVIEW_CONFLICT", dict(employment_type=["FULL_TIME"]), "schema-full-time-field-against-the-text"),
    ("REVIEW_CONFLICT", dict(description_html=BASE_BODY + "<p>Alumni of the programme often stayed on an ongoing basis.</p>"),
     "ongoing-said-of-alumni"),
    ("REVIEW_CONFLICT", dict(description_html=BASE_BODY + "<p>Previous cohorts ran for a full semester.</p>"),
     "semester-said-of-past-cohorts"),
]


@pytest.mark.parametrize("code,changes", [(c, ch) for c, ch, _ in REVIEWS], ids=[f"{c}-{i}" for c, _, i in REVIEWS])
def test_one_missing_fact_goes_to_review(code, changes):
    d = decide(rec(**{"description_html": BASE_BODY, **changes}))
    assert (d.keep, d.outcome, d.reason) == (False, "review", code), d.detail
    assert d.detail and d.entry is None and d.facts and d.evidence


# Near-misses in the other direction: wording that looks like a rule's trigger but is not.
PASSES = [
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Open to full-time students.</p>"), "full-time-students"),
    ("REJECT_FULL_TIME", dict(title="Contract Review Micro-Internship"), "contract-as-subject"),
    ("REJECT_UNPAID", dict(description_html=BASE_BODY + "<p>Nonprofit founded by a Peace Corps volunteer.</p>"),
     "volunteer-history"),
    # a negative said of others in general, or denied of this role right after
    ("REJECT_UNPAID", dict(description_html=BASE_BODY + "<p>Most nonprofit projects are volunteer roles. This one is not.</p>"),
     "volunteer-of-others-denied"),
    ("REJECT_UNPAID", dict(description_html=BASE_BODY + "<p>We know 'opportunity' usually means unpaid. Not this time.</p>"),
     "usually-unpaid-not-this-time"),
    # full-time said of a later hiring step; staff benefits; the applicant's graduation; the firm's history
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Micro-interns who impress are fast-tracked to interviews for "
                              "our 2027 full-time analyst class.</p>"), "later-analyst-class"),
    ("REJECT_FULL_TIME", dict(title="Research Micro-Internship → Full-Time"), "arrow-to-full-time"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Full-time associates receive dental cover and tuition "
                                 "reimbursement.</p>"), "staff-tuition-reimbursement"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY.replace("recent graduates", "recent graduates (within 12 months)")),
     "graduated-within-months"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY + "<p>For 90 years we have insured families.</p>"), "firm-history"),
    ("REJECT_UNPAID", dict(description_html=BASE_BODY + "<p>We build a platform for credit data.</p>"), "credit-data"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>You will code open-ended survey answers.</p>"),
     "open-ended-answers"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY + "<p>You will read 12 months of contract data.</p>"),
     "months-of-data"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>A 1099 contract, not a W-2 employee role.</p>"), "not-w2"),
    ("REJECT_EXPERIENCED", dict(description_html=BASE_BODY + "<p>No management experience needed.</p>"), "no-management"),
    ("REJECT_EXPERIENCED", dict(description_html=BASE_BODY + "<p>Open to students in a 4-year degree: 4 years studying "
                                                             "counts.</p>"), "years-studying"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>We build renewable energy tools.</p>"), "renewable-energy"),
    ("REJECT_NOT_REMOTE", dict(location="Remote (US)", remote=None), "remote-location"),
    *[("REJECT_NOT_REMOTE", dict(location=where, remote=None, description_html=BASE_BODY.replace(", completed 100% remotely", "")),
       f"location-{where.lower().replace(' ', '-')}") for where in ("Worldwide", "Home based", "Distributed", "Anywhere")],
    ("REJECT_NOT_REMOTE", dict(remote=None, description_html=BASE_BODY.replace("completed 100% remotely",
                                                                               "a home-based project")), "home-based-prose"),
    ("REJECT_NOT_REMOTE", dict(location="Hybrid or remote", remote=True), "hybrid-or-remote"),
    ("REJECT_HOURS_UNKNOWN", dict(description_html=BASE_BODY + "<p>Kick-off is a 1-hour call.</p>"), "meeting"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY + "<p>Requires 2 years of experience? No: 3 months of Excel.</p>"),
     "experience"),
    ("REJECT_NOT_FOR_STUDENTS", dict(title="Tutoring Materials Micro-Internship",
                                     description_html=BASE_BODY + "<p>Your worksheets will help high school students.</p>"),
     "students-and-audience"),
    ("REJECT_NOT_A_POSTING", dict(title="Newsletter Writer Micro-Internship"), "newsletter-title"),
    ("REJECT_ONGOING", dict(employment_type=["Part-time"]), "part-time-type-alone"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Great work may lead to a full-time role later.</p>"),
     "conversion-later"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Full-time employees enjoy dental, vision and a 401(k).</p>"),
     "staff-benefits"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>You must be enrolled full-time.</p>"), "enrolled"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>There is no application fee.</p>"), "no-fee"),
    ("REJECT_EXPERIENCED", dict(description_html=BASE_BODY + "<p>A senior analyst mentors you.</p>"), "senior-mentor"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY.replace("100% remotely", "online")), "completed-online"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY.replace("completed 100% remotely", "fully virtual")), "virtual"),
    ("REJECT_HOURS_UNKNOWN", dict(description_html=body("A 20-hour project with a $400 stipend and the possibility of a "
                                                        "full-time offer.")), "hours-in-a-conversion-sentence"),
    ("REJECT_HOURS_UNKNOWN", dict(description_html=body("No more than 20 hours of work; $400 stipend.")), "cap"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>Build long-term skills for your career.</p>"), "long-term-skills"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>Great micro-interns may be invited to future projects.</p>"),
     "future-projects-maybe"),
    ("REJECT_UNPAID", dict(description_html=BASE_BODY + "<p>Work beyond 20 hours is not compensated.</p>"), "beyond-hours"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Paid by direct deposit. Cost: nothing to you.</p>"),
     "direct-deposit-cost-nothing"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY.replace("$400 stipend", "$400 stipend per student")),
     "stipend-per-student"),    ("REJECT_FULL_TIME", dict(salary_min=400, salary_max=400, salary_currency="USD", salary_unit="YEAR"),
     "fee-in-a-yearly-salary-field"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY.replace("$400 stipend upon successful completion",
                                                                 "Salary: $400")), "fee-on-a-salary-line"),
    ("REJECT_NOT_FOR_STUDENTS", dict(description_html=BASE_BODY + "<p>You must have a valid driving licence.</p>"),
     "driving-licence"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>We are a boutique firm. Employee benefits include medical, "
                                                           "dental and vision coverage and a 401(k) match.</p>"), "staff-benefits"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Also hiring at Portage: Senior Product Manager (full-time, "
                                                           "Ottawa).</p>"), "also-hiring-list"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Other openings at Northlake</p><ul><li>Senior Risk Analyst – "
                                                           "Toronto (full-time, permanent)</li><li>Branch Manager – Hamilton "
                                                           "(full-time)</li></ul>"), "other-openings-list-items"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY.replace("completed 100% remotely", "for you") +
                               "<p>10 hours, £150, from home.</p>"), "bare-from-home"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY.replace("completed 100% remotely", "for you") +
                               "<p>About 20 hours £250 fee from home - everything is on SharePoint.</p>"), "fee-from-home"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>About us: Zestbox is a full-time, in-office team of 22.</p>"),
     "full-time-team"),
    ("REJECT_UNPAID", dict(description_html=BASE_BODY + "<p>Students don't pay a fee to apply.</p>"), "students-dont-pay-a-fee"),
    ("REJECT_FULL_TIME", dict(title="People Team Micro-Internship: Parental Leave Benchmarking",
                              description_html=BASE_BODY + "<p>We are reviewing our parental leave policy.</p>"), "benefit-as-subject"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>Our process: a short call, then you start the paid "
                                                                "project.</p>"), "process-then-the-work"),
    # the employer's staff and offices, named their own way
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Employees at Northstar receive equity, a 401(k) match and hybrid "
                                                           "work from our Atlanta office.</p>"), "employees-at-x-receive"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Full-time Mesa Verde employees receive health benefits.</p>"),
     "full-time-named-employees"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>Our headquarters in Grand Rapids operates on a hybrid "
                                                            "schedule.</p>"), "headquarters-hybrid"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>Our consultants enjoy a hybrid schedule and 25 days of "
                                                            "vacation.</p>"), "consultants-enjoy-hybrid"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>Store and office team members enjoy a hybrid schedule.</p>"),
     "team-members-enjoy-hybrid"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>Tidewater's consultants enjoy parental leave and flexible hybrid "
                                                            "arrangements in Boston.</p>"), "firms-consultants-enjoy"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY + "<p>For Informatik-Studierende ab 3. Semester.</p>"),
     "from-the-third-semester"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY + "<p>BS CS students (5th semester+) and fresh graduates.</p>"),
     "fifth-semester-plus"),
    # what this project is set against, said before it
    ("REJECT_UNPAID", dict(description_html=BASE_BODY + "<p>Unlike a free job simulation, our case sprint is real work, and we "
                                                        "pay you for it.</p>"), "unlike-a-free-job-simulation"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY + "<p>Build experience without committing to a full semester.</p>"),
     "without-committing-to-a-semester"),
    ("REJECT_NOT_REMOTE", dict(description_html=BASE_BODY + "<p>Remote: nothing needs to be done in person.</p>"),
     "nothing-in-person"),
    ("REJECT_INTERVIEW_TASK", dict(description_html=BASE_BODY + "<p>No hiring test involved: this is the work itself.</p>"),
     "no-hiring-test"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Topics: budgeting, saving for a deposit, a first tax bill.</p>"),
     "saving-for-a-deposit"),
    ("REJECT_FULL_TIME", dict(description_html=BASE_BODY + "<p>Open to: full-time or part-time college and university "
                                                           "students.</p>"), "full-or-part-time-students"),
    ("REJECT_ONGOING", dict(title="Werkstudent-Projekt: Nutzerumfrage (12 Std.)"), "werkstudent-projekt"),
    ("REJECT_UNPAID", dict(description_html=BASE_BODY + "<p>Too many ‘virtual internships’ in media are unpaid and open-ended. "
                                                        "Ours is neither.</p>"), "curly-quoted-others"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY + "<p>Help us plan our January–March content.</p>"), "span-of-the-subject"),
    ("REJECT_STUDENT_PAYS", dict(description_html=BASE_BODY + "<p>Tamarind Tutors (tuition centre, Tampines) is looking for a "
                                                              "student.</p>"), "a-tuition-centre"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>Paid on invoice or as a Minijob-Abrechnung.</p>"),
     "minijob-as-payroll"),
    # the hiring's pace, the applicant's year, the product, a piece rate denied, the work's pace
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>Applications considered on a rolling basis.</p>"),
     "applications-on-a-rolling-basis"),
    ("REJECT_ONGOING", dict(description_html=BASE_BODY + "<p>Interviews take place on a rolling basis.</p>"),
     "interviews-on-a-rolling-basis"),
    ("REJECT_TOO_LONG", dict(description_html=BASE_BODY + "<p>For students enrolled in the 2026-27 academic year.</p>"),
     "enrolled-in-the-academic-year"),
    ("REJECT_PER_PIECE", dict(title="Chemistry Rubric Project for an AI Tutor"), "for-an-ai-tutor"),
    ("REJECT_PER_PIECE", dict(description_html=BASE_BODY + "<p>This is no annotation queue: you won't be paid per item.</p>"),
     "not-paid-per-item"),
    ("REJECT_PER_PIECE", dict(description_html=BASE_BODY + "<p>Transcription takes about 4 hours of work per recorded hour.</p>"),
     "work-per-recorded-hour"),
    # a posting that comes through a programme and quotes its pitch to employers
    ("REJECT_NOT_A_POSTING", dict(description_html="<p>This opportunity is offered through the State Career Launch Program, "
                                                   "which matches employers with students for short paid projects.</p>"
                                                   + BASE_BODY), "offered-through-a-programme"),
]


@pytest.mark.parametrize("code,changes", [(c, ch) for c, ch, _ in PASSES], ids=[f"{c}-{i}" for c, _, i in PASSES])
def test_rule_lets_near_miss_through(code, changes):
    d = decide(rec(**{"description_html": BASE_BODY, **changes}))
    assert d.reason != code
    assert (d.keep, d.reason) == (True, "KEPT_MICRO"), d.detail


# ---- remote said of the company, or as a possibility, is not the role's -----------------------

NOT_SAID = BASE_BODY.replace(", completed 100% remotely", "")


@pytest.mark.parametrize("words", [
    "We are a remote-friendly studio.", "Acme is a remote-first company.", "Remote OK for the right candidate.",
    "Flexible location.", "We're open to remote applicants.", "Remote work is possible for the right candidate.",
    "Our team is partly remote.",
])
def test_remote_said_of_the_company_or_as_a_possibility_alone_goes_to_review(words):
    d = decide(rec(NOT_SAID + f"<p>{words}</p>", location="Chicago, IL"))
    assert (d.outcome, d.reason) == ("review", "REVIEW_REMOTE_UNSTATED"), d.detail
    assert d.facts["remote"] is None and d.facts["remote_by"] == curation._WEAK_BY
    assert "never that this role is done remotely" in d.detail


@pytest.mark.parametrize("words", [
    "We are remote-first, but this is a hybrid role.",
    "A remote-friendly company; you will work in our Leeds office 2 days a week.",
    "We are a hybrid-remote team.",  # "hybrid" is what is left
])
def test_weak_remote_with_on_site_work_is_rejected(words):
    d = decide(rec(NOT_SAID + f"<p>{words}</p>"))
    assert (d.outcome, d.reason) == ("reject", "REJECT_NOT_REMOTE"), d.detail


@pytest.mark.parametrize("words", [
    "We are a remote-first company, and this project is done entirely online.",
    "Remote-friendly team; the micro-internship itself is remote.",
    "Flexible location: work from home or anywhere.",
    "Remote possible from anywhere in the EU.",
])
def test_weak_remote_beside_a_remote_statement_of_the_role_is_kept(words):
    d = decide(rec(NOT_SAID + f"<p>{words}</p>"))
    assert (d.outcome, d.reason, d.facts["remote"]) == ("keep", "KEPT_MICRO", True), d.detail


def test_weak_remote_does_not_outweigh_a_remote_field():
    d = decide(rec(NOT_SAID + "<p>We are remote-first.</p>", remote=True))
    assert (d.outcome, d.facts["remote_by"]) == ("keep", "field")


def test_every_rule_is_tested_and_described():
    tested = {c for c, _, _ in REJECTS}
    assert {r.code for r in RULES} <= tested
    assert {r.code for r in RULES} | {"REJECT_EXPIRED", "REJECT_INVALID"} <= set(REASONS)
    assert {c for c, _, _ in REVIEWS} == {c for c in REASONS if c.startswith("REVIEW_")}
    assert all(r.description for r in RULES)


# ---- per-source options ------------------------------------------------------------------------


def test_source_may_assume_remote_and_drop_the_audience_rule():
    plain = rec(description_html="<p>A 20-hour project. $400 stipend.</p>", title="Competitive Analysis Project")
    assert decide(plain).reason == "REJECT_NOT_REMOTE"
    relaxed = replace(SRC, curation={"assume_remote": True, "require_students": False})
    assert decide(plain, relaxed).reason == "KEPT_MICRO"


def test_source_may_disable_rules_but_not_the_safety_ones():
    src = replace(SRC, curation={"disable": ["REJECT_NOT_FOR_STUDENTS", "REJECT_BAD_URL"]})
    no_audience = rec(description_html="<p>Remote. A 20-hour project. $400 stipend.</p>", title="Analysis Project")
    assert decide(no_audience, src).keep
    assert decide(rec(url="javascript:x", apply_url=None), src).reason == "REJECT_BAD_URL"


def test_link_back_and_jsonld_terms_reach_the_entry():
    src = replace(SRC, link_back=False, jsonld=False)
    e = decide(rec(), src).entry
    assert e.source.url is None and e.source.jsonld is False and e.source.attribution == "Test board"


# ---- curation.toml ------------------------------------------------------------------------------


def write(tmp_path, text):
    path = tmp_path / "curation.toml"
    path.write_text(text, encoding="utf-8")
    return load_rules(path)


def test_shipped_curation_file_loads():
    """Every row of the shipped file becomes a rule (a row silently dropped would pass an isinstance check)."""
    assert DEFAULT_PATH.is_file()
    rules, data = load_rules(), tomllib.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    for section in ("include", "exclude", "hide"):
        assert len(getattr(rules, section)) == len(data.get(section, [])), section
    assert load_rules(DEFAULT_PATH) == rules
    assert load_rules("/nonexistent/curation.toml") == CurationRules()


def test_exclude_by_organization_wins_over_include(tmp_path):
    rules = write(tmp_path, '[[exclude]]\norganization = "ACME analytics"\nreason = "asked to be left out"\n'
                            '[[include]]\nid = "test-board:42"\nreason = "x"\n')
    d = decide(rec(), rules=rules)
    assert (d.keep, d.reason, d.detail) == (False, "EXCLUDED_BY_CURATION", "asked to be left out")


def test_exclude_by_source_and_by_url(tmp_path):
    assert decide(rec(), rules=write(tmp_path, '[[exclude]]\nsource = "test-board"\n')).reason == "EXCLUDED_BY_CURATION"
    rules = write(tmp_path, '[[exclude]]\nurl = "https://JOBS.acme.example/42/apply/"\n')
    assert decide(rec(), rules=rules).reason == "EXCLUDED_BY_CURATION"
    assert decide(rec(apply_url="https://jobs.acme.example/43"), rules=rules).reason == "KEPT_MICRO"


def test_hide_until_a_date(tmp_path):
    future = (NOW + timedelta(days=10)).date().isoformat()
    past = (NOW - timedelta(days=10)).date().isoformat()
    hidden = write(tmp_path, f'[[hide]]\nid = "test-board:42"\nuntil = {future}\nreason = "checking pay"\n')
    d = decide(rec(), rules=hidden)
    assert (d.reason, d.keep) == ("HIDDEN_BY_CURATION", False) and "checking pay" in d.detail
    expired = write(tmp_path, f'[[hide]]\nid = "test-board:42"\nuntil = {past}\n')
    assert decide(rec(), rules=expired).reason == "KEPT_MICRO"


def test_force_include_supplies_hours_and_pay(tmp_path):
    vague = rec(description_html="<p>Help us with a research sprint.</p>", title="Research Sprint")
    assert not decide(vague).keep
    rules = write(tmp_path, '[[include]]\nid = "test-board:42"\nhours = [15, 20]\n'
                            'pay = { min = 400, currency = "usd" }\nreason = "verified with employer"\n')
    d = decide(vague, rules=rules)
    assert (d.keep, d.reason, d.detail) == (True, "FORCED_INCLUDE", "verified with employer")
    assert (d.entry.hours.min, d.entry.hours.max, d.entry.compensation.currency) == (15, 20, "USD")


def test_force_include_still_needs_facts_a_link_and_valid_entry(tmp_path):
    no_facts = write(tmp_path, '[[include]]\nid = "test-board:42"\n')
    assert decide(rec(description_html="<p>Help.</p>"), rules=no_facts).reason == "REJECT_HOURS_UNKNOWN"
    assert decide(rec(url="javascript:alert(1)", apply_url=None), rules=no_facts).reason == "REJECT_BAD_URL"
    cheap = write(tmp_path, '[[include]]\nid = "test-board:42"\nhours = [30, 40]\npay = { min = 50, currency = "USD" }\n')
    d = decide(rec(description_html="<p>Help.</p>"), rules=cheap)
    assert d.reason == "REJECT_INVALID" and "floor" in d.detail


@pytest.mark.parametrize("text,message", [
    ('[[exclude]]\nreason = "no selector"\n', "needs at least one of"),
    ('[[exclude]]\norganisation = "typo"\n', "unknown key"),
    ('[[include]]\nid = "a:b"\nhours = [15]\n', "hours must be"),
    ('[[include]]\nid = "a:b"\npay = { min = 5, currency = "XXQ" }\n', "unknown currency"),
    ('[[block]]\nid = "a:b"\n', "unknown section"),
])
def test_curation_file_mistakes_are_reported(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        write(tmp_path, text)


def test_explain_line():
    assert curation.explain(decide(rec())).startswith("keep KEPT_MICRO: 20-20 h")


# ---- "kr": whose krone, from the other evidence, never a guess --------------------------------

KRONER_POLICY = Policy(pay_floors={"USD": 15, "EUR": 13, "GBP": 12, "SEK": 140, "NOK": 150, "DKK": 110})


def kr_decide(pay: str, **kw):
    d = curate(rec(body(f"A 20-hour project. {pay}"), **kw), SRC, CurationRules(), KRONER_POLICY, NOW)
    assert d.reason in REASONS
    return d


@pytest.mark.parametrize("pay,changes,amount,currency", [
    ("Stipend: 5.000 kr.", dict(location="Stockholm, Sweden"), 5000, "SEK"),
    ("Fee: kr 4 500 on completion.", dict(location="Oslo"), 4500, "NOK"),
    ("Honorar: 4 500 kr. on completion.", dict(location="Aarhus, Denmark"), 4500, "DKK"),
    ("Honorar 4.500,- for the project.", dict(location="København"), 4500, "DKK"),  # ",-" without "kr"
    ("Arvode: 4 500:- för projektet.", {}, 4500, "SEK"),  # Swedish words, ":-"
    ("SEK 4,500 on completion.", {}, 4500, "SEK"),
    ("4 500 kr stipend (paid in NOK).", dict(location="Stockholm"), 4500, "NOK"),  # the code beats the place
    ("4 500 kr stipend.", dict(apply_url="https://jobb.fjordline.no/apply/1"), 4500, "NOK"),  # the domain
    ("4 500 kr stipend.", dict(countries=["DK"]), 4500, "DKK"),  # the country field
    ("Stipend 4 500kr.", dict(location="Trondheim"), 4500, "NOK"),  # "kr" glued to the amount
    ("Fee: 4 500 kroner.", dict(location="Oslo"), 4500, "NOK"),
    ("Fee: 4 500 kronor.", {}, 4500, "SEK"),  # "kronor" is Swedish
])
def test_kr_amount_takes_its_krone_from_the_evidence(pay, changes, amount, currency):
    d = kr_decide(pay, **changes)
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail
    assert (d.entry.compensation.min, d.entry.compensation.currency) == (amount, currency)
    if "SEK 4,500" not in pay:
        assert d.evidence["kroner"].startswith(f"kr is {currency}")


@pytest.mark.parametrize("pay,changes", [
    ("Stipend: 5.000 kr.", {}),  # nothing names a country
    ("Stipend: 5.000 kr. For students in Sweden and Norway.", {}),  # two crowns: a conflict
    ("Stipend: 5.000 kr. Det er nok.", {}),  # "nok" as a word ("enough") is not the code
])
def test_kr_amount_of_an_unknown_krone_goes_to_review(pay, changes):
    d = kr_decide(pay, **changes)
    assert (d.outcome, d.reason, d.facts["pay"]) == ("review", "REVIEW_PAY_UNSTATED", None), d.detail
    assert "whose krone" in d.detail and "5.000 kr" in d.evidence["pay"]


@pytest.mark.parametrize("rate", ["300 kr per timme", "300 kr/tim", "300 kr/t", "300 kr pr. time", "300 kr i timen"])
def test_kr_hourly_rate_in_the_writers_language(rate):
    d = kr_decide(f"Pay: {rate}.", location="Stockholm")
    assert d.keep and (d.entry.compensation.min, d.entry.compensation.unit) == (300, "hour"), d.detail


def test_kr_amount_meets_the_floor_of_its_own_krone():
    low = kr_decide("120 kr per hour.", location="Bergen, Norway")  # NOK's floor is 150
    assert (low.outcome, low.reason) == ("reject", "REJECT_BELOW_PAY_FLOOR"), low.detail
    assert kr_decide("160 kr per hour.", location="Bergen, Norway").keep


def test_kr_salary_field_takes_its_krone_from_the_record():
    d = curate(rec(body("A 20-hour project."), location="Oslo", salary_min=4000, salary_max=4000, salary_currency="kr",
                   salary_unit="PROJECT"), SRC, CurationRules(), KRONER_POLICY, NOW)
    assert d.keep and (d.entry.compensation.min, d.entry.compensation.currency) == (4000, "NOK")


def test_kroner_evidence_tiers_and_pay_mentions():
    assert extract.kroner_currency("pay 4 500 kr", ["oslo"], ["https://x.se/1"]) == ("NOK", "'oslo' in the location")
    assert extract.kroner_currency("4 500 kr (sek)", ["oslo"], []) == ("SEK", "SEK in the text")
    assert extract.kroner_currency("4 500 kr", [""], ["https://jobs.example.dk/1"])[0] == "DKK"
    assert extract.kroner_currency("4 500 kr, lønn etter avtale", [""], [])[0] == "NOK"
    assert extract.kroner_currency("4 500 kr in stockholm or copenhagen", [""], []) is None
    assert extract.kroner_currency("4 500 kr", ["remote - europe"], ["https://apply.workable.com/j/1"]) is None
    assert extract.pay_mentions("a fee of 4 500 kr.") == []  # no krone given: the amount is not read
    [p] = extract.pay_mentions("a fee of 4 500 kr.", kroner="SEK")
    assert (p.low, p.currency, p.unit) == (4500, "SEK", "total")
    assert [(p.low, p.currency) for p in extract.pay_mentions("€ 650,- or 500,- €")] == [(650, "EUR"), (500, "EUR")]
    assert extract.kroner_amount("about 20 hours, kr 4 500 when done") == "about 20 hours, kr 4 500 when done"


# ---- a closing date said in prose becomes the entry's deadline --------------------------------
# NOW is 1 August 2026; rec() is posted on 20 July 2026.


@pytest.mark.parametrize("sentence,deadline", [
    ("Applications close 15 January 2027.", "2027-01-15"),
    ("Please apply by Jan 15.", "2027-01-15"),  # no year: the first 15 January after the posting day
    ("Deadline: 2026-09-15", "2026-09-15"),
    ("Closing date: 20/09/2026", "2026-09-20"),  # 20 cannot be a month
    ("Application deadline: 3rd September 2026.", "2026-09-03"),
    ("Applications are accepted until August 30.", "2026-08-30"),
    ("Apply by 1 August 2026.", "2026-08-01"),  # today: still open until the day ends
    ("Submit your application by 15 January 2027.", "2027-01-15"),
    ("Applications must be received by September 1, 2026.", "2026-09-01"),
    ("Applications close at noon on Friday 4 September 2026.", "2026-09-04"),  # a time of day before the date
    ("Applications close at 5pm BST on 4 September 2026.", "2026-09-04"),
    ("Inscrições até 24/09/2026.", "2026-09-24"),  # "until" in the writer's language
    ("Candidatures jusqu'au 24/09/2026.", "2026-09-24"),
    ("Bewerbungen bis zum 2026-09-24.", "2026-09-24"),
    ("Send your CV and a short note by 15 September 2026.", "2026-09-15"),  # what the applicant sends, by when
    ("Last date to apply: 15th September 2026", "2026-09-15"),
    ("Postulaciones: hasta el 18 de septiembre de 2026.", "2026-09-18"),  # month names in the writer's language
    ("Candidatures jusqu'au 3 septembre 2026.", "2026-09-03"),
    ("Termin zgłoszeń: 20 września 2026.", "2026-09-20"),
    ("Zgłoszenia do 21.09.2026.", "2026-09-21"),
    ("Jelentkezési határidő: 2026. szeptember 20.", "2026-09-20"),  # the year first
    ("応募締切：2026年9月20日", "2026-09-20"),
    ("Applications close 30 days after this listing goes live.", "2026-08-19"),  # counted from the posting day
    ("Recibimos postulaciones hasta el viernes 18 de septiembre de 2026.", "2026-09-18"),  # a weekday in the writer's language
    ("Hạn nhận hồ sơ: 15/09/2026.", "2026-09-15"),
    ("Please send a short cover note by midnight on Friday 18 September 2026.", "2026-09-18"),
    ("Batas akhir pendaftaran: 15/09/2026.", "2026-09-15"),
    ("Applications close Fri 18 September; the project starts the Monday after.", "2026-09-18"),  # abbreviated weekday, no year
    ("Plazo de inscripción: del 3 al 18 de septiembre de 2026.", "2026-09-18"),  # a window: its last day
    ("Deadline: from 3 to 18 September 2026.", "2026-09-18"),
    ("We read applications as they arrive and stop accepting them at midnight on Sunday 20 September 2026.", "2026-09-20"),
])
def test_prose_closing_date_becomes_the_entry_deadline(sentence, deadline):
    d = decide(rec(BASE_BODY + f"<p>{sentence}</p>"))
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail
    assert d.entry.apply_by.isoformat() == f"{deadline}T23:59:59+00:00"
    assert d.facts["deadline"] == deadline and d.evidence["deadline"]


@pytest.mark.parametrize("sentence,why", [
    ("Closing date: 05/09/2026", "not firm"),  # 5 September or 9 May: not expired, not published either
    ("This project ends on September 30, 2026.", "not firm"),  # the work's end
    ("Applications close 15 January 2029.", "out of bounds"),  # more than a year ahead of the clock
    ("Please apply by 15/09.", None),  # a numeric date without a year is not read at all
    ("Deliverables are due September 10, 2026.", None),  # not a closing date
    ("Submit your final report by 10 September 2026.", None),  # a delivery date, not the application's
    ("Deadline: outline 2 pages, then draft.", None),  # a word that starts like a month is no month
])
def test_prose_date_that_is_not_a_firm_deadline_is_not_published(sentence, why):
    d = decide(rec(BASE_BODY + f"<p>{sentence}</p>"))
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail
    assert d.entry.apply_by is None and d.facts["deadline"] is None
    if why:
        assert why in curation.Facts(rec(BASE_BODY + f"<p>{sentence}</p>"), SRC, POLICY, NOW).deadline.by


def test_prose_deadline_before_the_posting_day_is_not_published():
    f = curation.Facts(rec(BASE_BODY + "<p>Deadline: 2026-08-20</p>", posted="2026-08-25T09:00:00Z"), SRC, POLICY,
                       NOW.replace(day=1, month=8))
    assert f.deadline.value is None and "out of bounds" in f.deadline.by


def test_deadline_field_wins_over_the_prose_and_a_passed_prose_date_still_expires():
    field = decide(rec(BASE_BODY + "<p>Applications close 15 January 2027.</p>", valid_through="2026-09-01"))
    assert field.keep and field.entry.apply_by.date().isoformat() == "2026-09-01" and field.facts["deadline"] is None
    passed = decide(rec(BASE_BODY + "<p>Applications closed on July 30, 2026.</p>"))
    assert (passed.outcome, passed.reason) == ("reject", "REJECT_EXPIRED")


# ---- pay and audience in the writer's own money and words --------------------------------------

#: The floors of the currencies these formats are in (board.toml's), so that a twin below them fails.
WORLD_POLICY = Policy(pay_floors={"USD": 15, "EUR": 13, "GBP": 12, "CHF": 25, "JPY": 1200, "INR": 250})


def world_decide(sentences: str, **kw):
    d = curate(rec(body(sentences), **kw), SRC, CurationRules(), WORLD_POLICY, NOW)
    assert d.reason in REASONS
    return d


@pytest.mark.parametrize("words, total", [
    ("Five short deliverables at roughly three hours apiece. $75 per deliverable.", 375),
    ("Four workshops of about 4 hours each, £90 per workshop.", 360),
])
def test_a_rate_per_piece_times_the_pieces_stated_is_the_total(words, total):
    d = decide(rec(body(words)))
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail
    assert (d.entry.compensation.min, d.entry.compensation.unit) == (total, "total")


@pytest.mark.parametrize("words", ["We pay $40 per article, about 10 articles a month.", "$20 per task."])
def test_a_rate_per_piece_with_no_fixed_count_stays_per_piece(words):
    from scrapers import extract
    text = extract.prepare(words)
    assert extract.piece_total(text, extract.pay_mentions(text)) is None


@pytest.mark.parametrize("pay,amount,currency,unit", [
    ("時給2,000円、合計20時間。", 2000, "JPY", "hour"),  # 時給: the hourly wage said before the amount
    ("A 20-hour project. 時給 ¥1,500.", 1500, "JPY", "hour"),
    ("A 20-hour project. 1500 yen per hour.", 1500, "JPY", "hour"),
    ("A 20-hour project. 시급 15,000원.", 15000, "KRW", "hour"),  # KRW has no floor: a won rate is not a salary
    ("A 15-hour project. 보수: 총 450,000원.", 450000, "KRW", "total"),
    ("A 20-hour project. S/ 25 por hora.", 25, "PEN", "hour"),  # the Peruvian sol
    ("A 30-hour project. Honorarios: S/1,500 en total.", 1500, "PEN", "total"),
    ("A 20-hour project. ARS 15.000 la hora.", 15000, "ARS", "hour"),
    ("A 20-hour project. $ 5.000 ARS por hora.", 5000, "ARS", "hour"),
    ("A 20-hour project. Pago: 600.000 pesos argentinos.", 600000, "ARS", "total"),
    ("A 20-hour project. CLP 7.000/hora.", 7000, "CLP", "hour"),
    ("A 20-hour project. € 20,- bruto per uur.", 20, "EUR", "hour"),  # a price's ",-" and "gross" before the unit
    ("A 20-hour project. CHF 40.– pro Stunde.", 40, "CHF", "hour"),
    ("A 24-hour project. 25 €/Std. brutto.", 25, "EUR", "hour"),
    ("A 20-hour project, ₹1.2 lakh stipend.", 120000, "INR", "total"),  # a lakh is 100,000
    ("A 20-hour project. 30 $ CA de l'heure.", 30, "CAD", "hour"),  # French: the country after the sign
    ("A 20-hour project. 500 $ US pour le projet.", 500, "USD", "total"),
    ("A 20-hour project. 18 € brutos por hora.", 18, "EUR", "hour"),  # "gross" in the plural before the unit
    ("A 20-hour project. Compensation GH₵ 1,500 via mobile money.", 1500, "GHS", "total"),  # the cedi's sign
    ("A 20-hour project. KSh 12,000 on completion.", 12000, "KES", "total"),  # the shilling's abbreviation
    ("12 saat, saatlik 180 TL.", 180, "TRY", "hour"),  # Turkish says the hourly unit before the amount
])
def test_pay_in_local_formats_is_read(pay, amount, currency, unit):
    d = world_decide(pay)
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail
    assert (d.entry.compensation.min, d.entry.compensation.currency, d.entry.compensation.unit) == (amount, currency, unit)


@pytest.mark.parametrize("pay", [
    "時給1,000円、合計20時間。",  # JPY's floor is 1,200 an hour
    "A 20-hour project. € 10,- bruto per uur.",  # €10/h, not "€10 for the project" nor €0.50/h
    "A 20-hour project. CHF 20.– pro Stunde.",
    "A 24-hour project. 10 €/Std. brutto.",
    "A 20-hour project, ₹2,000 stipend.",  # ₹100/h: a lakh's twin without the lakh
])
def test_pay_in_local_formats_below_the_floor_is_rejected(pay):
    d = world_decide(pay)
    assert (d.outcome, d.reason) == ("reject", "REJECT_BELOW_PAY_FLOOR"), d.detail


def test_multiplier_words_and_daily_wages_in_pay_mentions():
    assert [(p.low, p.currency) for p in extract.pay_mentions("₹1.2 lakh")] == [(120000, "INR")]
    assert [(p.low, p.unit) for p in extract.pay_mentions("日給8,000円")] == [(8000, "day")]
    assert extract.pay_mentions("it takes 3 hours/s 25 times") == []  # no sol without "s/" before the number


#: Japanese and Korean only, no English word for students: "for university students", or pupils.
_CJK_BODY = "<p>Completed 100% remotely. A 20-hour project, $400 stipend.</p><p>{}</p>"


@pytest.mark.parametrize("words", ["大学生・大学院生歓迎。", "学生の方にお願いしたいです。", "대학(원) 재학생 및 졸업예정자 환영",
                                   "대학생 대상"])
def test_students_in_japanese_and_korean_are_read(words):
    d = decide(rec(_CJK_BODY.format(words), title="Competitive Analysis Micro-Project"))
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail


@pytest.mark.parametrize("words,outcome,hours", [
    ("週5時間 × 3週間、時給1,500円。", "keep", 15),  # the week said first, then the weeks: 15 hours
    ("주 10시간, 3주. 시급 15,000원.", "keep", 30),
    ("Haftada 5 saat, 4 hafta boyunca. Saatlik ücret 200 TL.", "keep", 20),  # Turkish says the week first too
    ("期間・時間: 週10時間 × 6週間。報酬: 時給1,500円。", "reject", 60),  # 60 hours: too long
])
def test_weekly_hours_said_week_first_in_japanese_and_korean(words, outcome, hours):
    d = decide(rec(body(words)))
    assert d.outcome == outcome, d.detail
    assert d.facts["hours"] == [hours, hours] if outcome == "keep" else "60-60 total hours" in d.detail


@pytest.mark.parametrize("words", ["Perfil: graduandos em Agronomia ou formados em 2026.", "Für Studierende der Informatik.",
                                   "Untuk mahasiswa aktif.", "Pour les étudiants en master.", "Per studenti universitari.",
                                   "Dla studenci informatyki.", "Tik studentams.", "Pentru studenți.", "Egyetemisták számára.",
                                   "Для студентів.", "Για φοιτητές.", "للطلاب والطلبة الجامعيين", "Terbuka kepada pelajar universiti.",
                                   "Daehaksaeng ttoneun jolyeopsaeng.", "Taishō: daigakusei.", "Yaoqiu: zaidu benke sheng.",
                                   "Passar dig som läser ekonomi på högskola/universitet.", "Opiskelijoille ja vastavalmistuneille.",
                                   "Dành cho sinh viên năm cuối.", "Kwa wanafunzi wa vyuo vikuu.", "เปิดรับนักศึกษาและบัณฑิตจบใหม่",
                                   "हिंदी माध्यम के कॉलेज छात्र"])
def test_students_in_the_writers_language_are_read(words):
    d = decide(rec(_CJK_BODY.format(words), title="Competitive Analysis Micro-Project"))
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail


@pytest.mark.parametrize("words", ["小学生向けの教材を作ります。", "中学生の学習アプリ。", "고등학생 학습 앱."])
def test_pupils_in_japanese_and_korean_are_not_students(words):
    d = decide(rec(_CJK_BODY.format(words), title="Competitive Analysis Micro-Project"))
    assert (d.outcome, d.reason) == ("reject", "REJECT_NOT_FOR_STUDENTS"), d.detail


@pytest.mark.parametrize("title,where,outcome", [
    ("Práctica profesional - Data (híbrido, Santiago)", "Santiago, Chile", "reject"),
    ("Práctica profesional - Data (100% remoto)", "Santiago, Chile", "keep"),
])
def test_hybrid_in_spanish_is_not_remote(title, where, outcome):
    d = decide(rec("<p>Proyecto de práctica de 30 horas para estudiantes. CLP 210.000 en total.</p>", title=title,
                   location=where))
    assert d.outcome == outcome, d.detail
    assert outcome == "keep" or d.reason == "REJECT_NOT_REMOTE"


@pytest.mark.parametrize("words", [
    "Inscripción: USD 49 (incluye certificado).",  # a price line in Spanish or Portuguese
    "Inscripción: 49 USD.",
    "Matrícula: R$ 150.",
    "Membership €19/month, cancel anytime.",  # a membership with its price
    "Membership fee of $29.",
    "Enrol in our virtual internship experience (€199).",  # the price in brackets after what is enrolled in
])
def test_price_the_student_pays_in_a_label_or_brackets(words):
    d = decide(rec(body(f"A 20-hour project, $400 stipend. {words}")))
    assert (d.outcome, d.reason) == ("reject", "REJECT_STUDENT_PAYS"), d.detail


@pytest.mark.parametrize("words", [
    "Inscripción: hasta el 15 de enero.",  # a date, not a price
    "Inscrição: 100% online.",  # a share, not a price
    "Membership of our Slack community is free.",
    "Sign up for the project ($400 stipend).",  # the pay in brackets
    "Enrol by May 1 (we reply within a week).",
])
def test_price_labels_without_a_price_are_not_a_fee(words):
    d = decide(rec(body(f"A 20-hour project, $400 stipend. {words}")))
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail


#: Hours, weeks and durations in Czech, Polish, Ukrainian, Turkish and Romanian (amounts in euros, so
#: only the words under test differ from the kept base case).
@pytest.mark.parametrize("words", [
    "Rozsah: 18 hodin celkem. Odměna: €400.",  # Czech total
    "Łącznie 24 godziny pracy, €450 za cały projekt.",  # Polish total
    "Всього 15 годин, €300 за проєкт.",  # Ukrainian total
    "Toplam 20 saat, €350 proje ücreti.",  # Turkish total
    "Bir 25 saatlik proje, €500.",  # Turkish "a 25-hour project"
    "6 godzin tygodniowo przez 3 tygodnie, €360 łącznie.",  # Polish weekly x weeks
    "8 ore pe săptămână, timp de 3 săptămâni, €400 în total.",  # Romanian weekly x weeks
])
def test_hours_in_central_and_eastern_european_and_turkish_wording_are_read(words):
    d = decide(rec(body(words)))
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail


@pytest.mark.parametrize("words, reason", [
    ("15 hodin týdně po dobu 12 týdnů, €25 za hodinu.", "REJECT_TOO_LONG"),  # 180 h: a weekly rate, not a total
    ("10 godzin tygodniowo przez 6 miesięcy, €20 za godzinę.", "REJECT_TOO_LONG"),
    ("10 godzin tygodniowo, €20 za godzinę.", "REJECT_WEEKLY_OPEN_ENDED"),  # weekly with no end
])
def test_weekly_rates_in_those_languages_are_not_totals(words, reason):
    d = decide(rec(body(words)))
    assert d.outcome == "reject" and d.reason == reason, d.detail


_OFFICE_BODY = "<p>Paid 20-hour micro-internship for university students, €400 in total.</p><p>{}</p>"


@pytest.mark.parametrize("words", [
    "İstanbul'da set üzerinde, yerinde çalışma.",  # Turkish: on-site work
    "Çalışma ofisimizde yapılır.",
    "Praca na miejscu, w biurze w Gdańsku.",  # Polish
    "Práce probíhá v kanceláři v Brně.",  # Czech
    "Lucrul se face la birou, în Cluj.",  # Romanian
    "Робота в офісі у Львові.",  # Ukrainian
])
def test_on_site_in_those_languages_is_not_remote(words):
    d = decide(rec(_OFFICE_BODY.format(words)))
    assert (d.outcome, d.reason) == ("reject", "REJECT_NOT_REMOTE"), d.detail


@pytest.mark.parametrize("words", ["Tamamen uzaktan çalışma.", "Praca zdalna.", "Práce na dálku.",
                                   "Lucru de la distanță.", "Робота віддалено.", "Дистанційна робота."])
def test_remote_in_those_languages_is_read(words):
    d = decide(rec(_OFFICE_BODY.format(words)))
    assert (d.outcome, d.reason) == ("keep", "KEPT_MICRO"), d.detail


@pytest.mark.parametrize("words, outcome", [
    ("Our process: a paid 4-hour test project (€150), then interviews for the junior role.", "reject"),
    ("Hiring for a junior analyst: candidates do a paid short trial task before the final interview.", "reject"),
    ("The project: write a paid 20-hour test plan for our app, then hand it over.", "keep"),  # a test plan is the work
])
def test_a_paid_test_project_with_words_between_is_a_hiring_step(words, outcome):
    d = decide(rec(body(f"A 20-hour project, $400 stipend. {words}")))
    assert d.outcome == outcome, d.detail
    assert outcome == "keep" or d.reason == "REJECT_INTERVIEW_TASK"


@pytest.mark.parametrize("words, outcome", [
    ("Toplam 20 saat. Saatlik ücret: €20.", "keep"),  # Turkish "hourly wage: €20": 20 an hour, not €1 an hour
    ("Łącznie 20 godzin. Stawka godzinowa: €18.", "keep"),  # Polish "hourly rate"
    ("Toplam 20 saat. Saatlik ücret: €2.", "reject"),  # below the floor, read as an hourly rate
])
def test_an_hourly_wage_said_before_the_amount_in_turkish_and_polish(words, outcome):
    d = decide(rec(body(words)))
    assert d.outcome == outcome, d.detail
    assert outcome == "keep" or d.reason == "REJECT_BELOW_PAY_FLOOR"


def test_a_currency_the_rates_do_not_quote_has_a_scraped_floor():
    """An employer cannot post in naira (the board could not convert it); a scraped naira stipend is
    still judged against board.toml's [scraped_pay_floor]."""
    from board.policy import load_policy

    policy = load_policy()
    assert policy.pay_floor("NGN") is None and policy.scraped_pay_floor("NGN") > 0
    assert policy.scraped_pay_floor("USD") == policy.pay_floor("USD")
    low = curate(rec(body("About 30 hours. Stipend: ₦5,000 to cover data.")), SRC, CurationRules(), policy, NOW)
    assert (low.outcome, low.reason) == ("reject", "REJECT_BELOW_PAY_FLOOR"), low.detail
    fair = curate(rec(body("About 20 hours. Stipend: ₦60,000 on completion.")), SRC, CurationRules(), policy, NOW)
    assert fair.keep, fair.detail


# ---- blind batches b52-b54: wording families the rules did not read -----------------------------

@pytest.mark.parametrize("words, outcome, reason", [
    # a piece rate said "for every" / "for each" with a state before the noun
    ("Most contributors spend about 10 hours in total. $3 for every clip that passes our quality check.",
     "reject", "REJECT_PER_PIECE"),
    ("The pilot batch is about 20 hours of work overall. $2 for each rated conversation, paid every Friday.",
     "reject", "REJECT_PER_PIECE"),
    # reviewing a chatbot's answers for one fee and a stated amount of work is one project, not AI rating by the item
    ("Review 200 chatbot answers for clarity and tone. Estimated effort: 12 hours in total. $300 for the whole project.",
     "keep", "KEPT_MICRO"),
    ("Rate AI responses for our model: 12 hours in total, $2 per response.", "reject", "REJECT_PER_PIECE"),
    # the interview is where the amount is told, not what the project is a step of
    ("About 12 hours of work in total. Paid project - you'll receive an honorarium; the amount is shared during the interview.",
     "review", "REVIEW_PAY_UNSTATED"),
    # the project in an interview's place
    ("About 8 hours, $200. This mini-project replaces a traditional interview: it is the assessment stage for our Junior "
     "UX Researcher opening.", "reject", "REJECT_INTERVIEW_TASK"),
    # the hours word as a label before the number, in the writer's language; a count's unit is no label
    ("Ore previste: circa 18 in tutto. Compenso: 350 $ lordi per l'intero progetto.", "keep", "KEPT_MICRO"),
    ("Jumla ya saa: takriban 16. Malipo: $320 kwa mradi mzima.", "keep", "KEPT_MICRO"),
    ("Hours are flexible but total 20, any time before January 15. $450 stipend.", "keep", "KEPT_MICRO"),
    ("Mission d'environ 20 heures : 30 appels et une synthèse. Honoraires forfaitaires : 400 $.", "keep", "KEPT_MICRO"),
    # office hours are no amount of work
    ("Hours: 9-17 CET. $400 stipend.", "review", "REVIEW_HOURS_UNSTATED"),
    # "à 100 %" ends in a sign: still remote
    ("Télétravail à 100 %. 20 heures au total. Rémunération : 400 $.", "keep", "KEPT_MICRO"),
    # a hiring step said as who is paid, what it feeds, or in German
    ("Around 8 hours, over one week. £240 for every candidate who submits.", "reject", "REJECT_INTERVIEW_TASK"),
    ("Around 8 hours, $240. Your dashboard becomes the basis of the final-round panel interview.", "reject",
     "REJECT_INTERVIEW_TASK"),
    ("Bezahlte Fallstudie statt eines Assessment-Centers: alle, die nach dem ersten Telefoninterview in die engere Auswahl "
     "kommen, bearbeiten sie: etwa 20 Stunden Aufwand, 400 $ Honorar.", "reject", "REJECT_INTERVIEW_TASK"),
    # a profession's register; a semester's break is when the work is done, not its term
    ("20 hours in total, $400 fee. Reviewers must be registered with the State Pharmacy Council and currently practising.",
     "reject", "REJECT_NOT_FOR_STUDENTS"),
    ("Untuk proyek liburan semester ini: total 20 jam kerja. Honor $400.", "keep", "KEPT_MICRO"),
    ("A semester break project: 20 hours in total, $400.", "keep", "KEPT_MICRO"),
    # weekly hours between two dates: the dates bound them (when to apply is no span of work)
    ("About 5 hours a week from January 4 to January 29. $400 stipend.", "keep", "KEPT_MICRO"),
    ("5 hours every week from Monday 4th January to Friday 29th January. $400 stipend.", "keep", "KEPT_MICRO"),
    ("Roughly 6 hours per week, 11 January - 2 April 2027. $1,800 in total.", "reject", "REJECT_TOO_LONG"),
    ("Spring term (4 weeks), roughly 5 h a week. $400 stipend.", "keep", "KEPT_MICRO"),
    ("Applications open 1-20 November. About 5 hours a week. $400.", "reject", "REJECT_WEEKLY_OPEN_ENDED"),
    # "one-off" is "1-off" once prepared, still a fee's hint; a day rate in the writer's language; dinars
    ("About 15 hours across 10 days. $450 one-off payment (we add $10 for data).", "keep", "KEPT_MICRO"),
    ("Vergütung: 120 € pro Tag, also 480 € für die 4 Tage. Etwa 30 Stunden.", "keep", "KEPT_MICRO"),
    ("About 20 hours in total. JOD 300 project fee.", "keep", "KEPT_MICRO"),
    # the same work again and again
    ("Around 6 hours for each issue, $25/hour. Stay with us issue after issue and let it become a regular thing.",
     "reject", "REJECT_ONGOING"),
])
def test_blind_batch_wording(words, outcome, reason):
    html = "<p>Micro-internship for college students and recent graduates.</p>" + (
        f"<p>{words}</p>" if "télétravail" in words.lower() else f"<p>Completed 100% remotely.</p><p>{words}</p>")
    d = decide(rec(html))
    assert (d.outcome, d.reason) == (outcome, reason), d.detail
