"""The method finder: ranks methods by how many of the visitor's criteria they meet.

Each question of the GET form is one criterion. A method meets it, misses it, or its data
do not say (counted as not met, shown as "not known"). Methods with the same score are
ordered by how closely they fit the numbers asked for (group size, time, budget), then by
title. Every method that meets all criteria or all but one is shown; the rest of the partial
matches follow behind "show more". When no method meets every criterion, the finder names
pairs of criteria no method meets together and the criterion whose relaxation lets most
methods meet all others.
"""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, F, Max, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from home.caching import cached_per_generation
from home.params import MultipleOptionField, NumberField, OptionField, vocabulary

from .choices import (
    DURATION_ORDER,
    EFFORT_ORDER,
    Duration,
    Effort,
    Format,
    ParticipationLevel,
    ProjectPhase,
    Purpose,
)
from .models.cases import CasePage
from .models.taxonomies import TargetGroup

MAX_PEOPLE = 1_000_000
CASES_PER_METHOD = 3
# Weaker partial matches (two or more criteria missed) shown behind "show more" at most.
MAX_WEAK_RESULTS = 15
# What the finder's case links need: pageurl reads url_path (plus the page's own id).
CASE_FIELDS = ("title", "url_path", "is_example", "locale_id")

MET, UNMET, UNKNOWN = "met", "unmet", "unknown"


@dataclass
class Check:
    key: str
    label: str
    state: str
    detail: str = ""
    chosen: str = ""  # the visitor's answer, as shown: "Zielgruppe: Jugendliche"
    # How far the method is from the answer, 0 = exact fit (group size, time, budget).
    distance: float = 0.0


@dataclass
class Result:
    method: object
    checks: list = field(default_factory=list)
    cases: list = field(default_factory=list)
    case_count: int = 0

    @property
    def score(self):
        return sum(check.state == MET for check in self.checks)

    @property
    def met(self):
        return [c for c in self.checks if c.state == MET]

    @property
    def unmet(self):
        return [c for c in self.checks if c.state != MET]

    @property
    def distance(self):
        """Closeness of fit over the numeric criteria the method meets (smaller is closer)."""
        return sum(c.distance for c in self.checks if c.state == MET)

    @property
    def total(self):
        return len(self.checks)


class FinderParams(
    vocabulary("target_group", level=ParticipationLevel.choices, format=Format.choices)
):
    """The finder's questions; the target groups' options come per request (a snippet)."""

    purpose = MultipleOptionField(label=_("Purpose"), choices=Purpose.choices)
    phase = OptionField(label=_("Project phase"), choices=ProjectPhase.choices)
    time = OptionField(label=_("Available time"), choices=Duration.choices)
    budget = OptionField(label=_("Budget"), choices=Effort.choices)
    people = NumberField(label=_("Number of people"), min_value=1, max_value=MAX_PEOPLE)
    field_order = ["purpose", "phase", "target_group", "level", "format", "time", "budget"]


class MethodFinder:
    def __init__(self, params, methods, locale, request=None):
        self.locale = locale
        self.request = request
        self.target_groups = cached_per_generation(  # a snippet: edits bump the generation
            "finder:target_groups",
            [getattr(locale, "pk", locale)],
            lambda: list(TargetGroup.objects.filter(locale=locale).order_by("name")),
        )
        self.form = FinderParams(
            params, choices={"target_group": [(t.slug, t.name) for t in self.target_groups]}
        )
        values = {name: self.form.value(name) for name in self.form.fields}
        self.criteria = {name: value for name, value in values.items() if value}
        self.ignored = self.form.ignored
        self.labels = {name: field.label for name, field in self.form.fields.items()}
        self._methods = methods
        self._results = None

    # Form options for the template ---------------------------------------
    def questions(self):
        return {name: field.choices for name, field in self.form.fields.items() if name != "people"}

    @property
    def is_active(self):
        return bool(self.criteria)

    # Matching --------------------------------------------------------------
    def _check(self, method, key, wanted, target_group_keys):
        label = self.labels[key]
        if key == "purpose":
            missing = [p for p in wanted if p not in (method.purposes or [])]
            if not method.purposes:
                return Check(key, label, UNKNOWN)
            names = ", ".join(str(Purpose(p).label) for p in missing)
            return Check(key, label, UNMET if missing else MET, names)
        if key == "phase":
            if not method.phases:
                return Check(key, label, UNKNOWN)
            return Check(key, label, MET if wanted in method.phases else UNMET)
        if key == "target_group":
            tk = next((t.translation_key for t in self.target_groups if t.slug == wanted), None)
            return Check(
                key, label, MET if tk in target_group_keys.get(method.pk, set()) else UNMET
            )
        if key == "level":
            if not method.levels:
                return Check(key, label, UNKNOWN)
            return Check(key, label, MET if wanted in method.levels else UNMET)
        if key == "format":
            formats = method.formats or []
            if not formats:
                return Check(key, label, UNKNOWN)
            ok = wanted in formats or (
                wanted == Format.HYBRID and {Format.ON_SITE, Format.ONLINE} <= set(formats)
            )
            return Check(key, label, MET if ok else UNMET)
        if key == "people":
            low, high = method.participants_min, method.participants_max
            if low is None and high is None:
                return Check(key, label, UNKNOWN)
            ok = (low is None or wanted >= low) and (high is None or wanted <= high)
            # Fit: how far (in orders of magnitude) the answer is from the middle of the range.
            middle = math.sqrt((low or high or wanted) * (high or low or wanted))
            distance = abs(math.log10(wanted) - math.log10(middle))
            return Check(
                key, label, MET if ok else UNMET, method.participants_text(), distance=distance
            )
        if key == "time":
            if not method.duration:
                return Check(key, label, UNKNOWN)
            gap = DURATION_ORDER.index(wanted) - DURATION_ORDER.index(method.duration)
            return Check(
                key,
                label,
                MET if gap >= 0 else UNMET,
                method.get_duration_display(),
                distance=gap / len(DURATION_ORDER),
            )
        if key == "budget":
            if not method.cost:
                return Check(key, label, UNKNOWN)
            gap = EFFORT_ORDER.index(wanted) - EFFORT_ORDER.index(method.cost)
            return Check(
                key,
                label,
                MET if gap >= 0 else UNMET,
                method.get_cost_display(),
                distance=gap / len(EFFORT_ORDER),
            )
        raise ValueError(key)  # pragma: no cover

    def _evaluate(self, methods, criteria):
        through = type(methods[0]).target_groups.through if methods else None
        target_group_keys = {}
        if methods and "target_group" in criteria:
            for method_id, tk in through.objects.filter(
                methodpage_id__in=[m.pk for m in methods]
            ).values_list("methodpage_id", "targetgroup__translation_key"):
                target_group_keys.setdefault(method_id, set()).add(tk)
        chosen = {key: self.chosen_label(key) for key in criteria}
        results = []
        for method in methods:
            checks = []
            for key, wanted in criteria.items():
                check = self._check(method, key, wanted, target_group_keys)
                check.chosen = chosen[key]
                checks.append(check)
            results.append(Result(method, checks))
        return results

    def chosen_label(self, key):
        """The visitor's answer to one question in words ("Jugendliche", "40")."""
        value = self.criteria[key]
        if key == "people":
            return str(value)
        options = dict(self.questions()[key])
        if key == "purpose":
            return ", ".join(str(options[v]) for v in value)
        return str(options.get(value, value))

    @property
    def chosen(self):
        """The criteria as [(label, answer)] for the summary above the results."""
        return [(self.labels[key], self.chosen_label(key)) for key in self.criteria]

    @property
    def results(self):
        if self._results is None:
            if not self.is_active:
                self._results = []
            else:
                methods = list(self._methods)
                self.all_results = self._evaluate(methods, self.criteria)
                ranked = sorted(
                    self.all_results, key=lambda r: (-r.score, r.distance, r.method.title)
                )
                total = len(self.criteria)
                # Never cut off a method that misses at most one criterion.
                strong = [r for r in ranked if r.score > 0 and r.score >= total - 1]
                weak = [r for r in ranked if 0 < r.score < total - 1][:MAX_WEAK_RESULTS]
                self._results = strong + weak
                self._attach_cases(self._results)
        return self._results

    @property
    def full_matches(self):
        return [r for r in self.results if not r.unmet]

    @property
    def partial_matches(self):
        """Shown behind "show more": everything that misses at least one criterion."""
        return [r for r in self.results if r.unmet]

    def conflicts(self):
        """Pairs of criteria that methods meet one at a time but none together, e.g.
        co-decision with 500 people in one evening: [{"a", "b", "count_a", "count_b"}]."""
        if not self.is_active or self.full_matches or len(self.criteria) < 2:
            return []
        self.results  # noqa: B018 - evaluates all_results
        met = {
            key: {
                r.method.pk
                for r in self.all_results
                for c in r.checks
                if c.key == key and c.state == MET
            }
            for key in self.criteria
        }
        keys = list(self.criteria)
        found = []
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if met[a] and met[b] and not met[a] & met[b]:
                    found.append(
                        {
                            "a": f"{self.labels[a]}: {self.chosen_label(a)}",
                            "b": f"{self.labels[b]}: {self.chosen_label(b)}",
                            "count_a": len(met[a]),
                            "count_b": len(met[b]),
                        }
                    )
        return found[:3]

    def relax_suggestion(self):
        """When nothing meets every criterion: the criterion whose removal gives the most
        full matches, with the link that drops it."""
        if not self.is_active or self.full_matches or len(self.criteria) < 2:
            return None
        self.results  # noqa: B018 - evaluates all_results
        best = None
        for key in self.criteria:
            count = sum(
                all(c.state == MET for c in r.checks if c.key != key) for r in self.all_results
            )
            if count and (best is None or count > best[1]):
                best = (key, count)
        if best is None:
            return None
        return {
            "label": self.labels[best[0]],
            "count": best[1],
            "url": "?" + self.querystring(without=best[0]),
        }

    def querystring(self, without=None):
        items = []
        for key, value in self.criteria.items():
            if key == without:
                continue
            for item in value if isinstance(value, list) else [value]:
                items.append((key, item))
        return urlencode(items)

    def _attach_cases(self, results):
        """Up to three Saxon cases per method and their count: the per-method figures come
        from `method_case_stats`, the cases from `method_cases` (both cached)."""
        if not results:
            return
        stats = method_case_stats(self.locale)
        wanted = {r.method.translation_key: stats.get(r.method.translation_key) for r in results}
        cases = method_cases(self.locale, self.request)
        for result in results:
            count, case_ids = wanted[result.method.translation_key] or (0, [])
            result.case_count = count
            result.cases = [cases[pk] for pk in case_ids if pk in cases]


def method_case_stats(locale):
    """{method translation_key: (number of live cases, ids of the newest three)} for the
    cases of one locale (a Locale or its id).

    Every finder answer needs these figures and they do not depend on the answers, so they
    are computed once per page-cache generation (any publish bumps it, home/caching) in one
    narrow query: cases are deduplicated per method, ranked by start date in the database,
    and only ids leave it.
    """
    locale_id = getattr(locale, "pk", locale)
    return cached_per_generation(
        "finder:method_cases", [locale_id], lambda: _method_case_stats(locale_id)
    )


def method_cases(locale, request=None):
    """{id: case} for every case `method_case_stats` names, with just the fields the finder
    shows (title, example badge) and its URL as `finder_url`; cached like the figures
    themselves. The URL depends on the site, hence the host in the key."""
    locale_id = getattr(locale, "pk", locale)
    host = request.get_host() if request is not None else ""

    def build():
        ids = {pk for _count, case_ids in method_case_stats(locale_id).values() for pk in case_ids}
        cases = CasePage.objects.only(*CASE_FIELDS).in_bulk(ids) if ids else {}
        for case in cases.values():
            case.finder_url = case.get_url(request)
        return cases

    return cached_per_generation("finder:cases", [locale_id, host], build)


def _method_case_stats(locale_id):
    live_cases = CasePage.objects.live().public().filter(locale_id=locale_id).values("pk")
    method_key = F("methodpage__translation_key")
    rows = (
        CasePage.methods.through.objects.filter(casepage_id__in=live_cases)
        .values("casepage_id", method=method_key)
        .annotate(start=Max("casepage__start_date"))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("method"),
                order_by=[F("start").desc(nulls_last=True), F("casepage_id").asc()],
            ),
            n=Window(Count("*"), partition_by=F("method")),
        )
        .filter(rank__lte=CASES_PER_METHOD)
        .order_by("method", "rank")
        .values_list("method", "casepage_id", "n")
    )
    stats = {}
    for method, case_id, count in rows:
        stats.setdefault(method, (count, []))[1].append(case_id)
    return stats
