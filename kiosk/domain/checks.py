"""The predicates that rules name in their "check" field, with the parameters each one takes.

A check looks at a ``CheckInput`` and returns its findings: one per thing that is wrong (or,
for an exemption, one saying whether the claim was accepted). Every threshold, date and CN code
list comes from the rule's params; nothing here is dated.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kiosk.domain.bundle import CertificateUse
from kiosk.domain.countries import ISO_3166_ALPHA2
from kiosk.domain.identifiers import classify_as, parse_kp_number, seal_key
from kiosk.domain.models import (
    GRAMS_PER_CARAT,
    Declaration,
    Exemption,
    G7Certificate,
    Identifier,
    IdentifierKind,
    KpCertificate,
    Outcome,
    Photo,
    ScreeningHit,
    StoneBand,
    WeightReading,
    WeightState,
)


@dataclass(frozen=True, slots=True)
class CheckInput:
    """Everything the checks look at for one parcel on one date.

    ``kp_certificate`` is the register's record for the presented number (``None`` = not
    found); ``kp_number`` the number presented. ``authorisations`` are the numbers of the
    Article 3p(7) authorisations in force (R16); it is an addition with a default.
    ``g7_certificate`` is the G7 register's record for the declared or scanned G7 number
    (``None`` = none declared or not in the register); also an addition with a default.
    ``data_stale_why`` says why the data is out of date (for K3's message);
    ``certificate_uses`` are earlier presentations, at other posts, of the KP and G7
    certificates of this parcel (from the hub's bundle; K5).
    """

    at: date
    declaration: Declaration | None = None
    identifiers: tuple[Identifier, ...] = ()
    reading: WeightReading | None = None
    kp_certificate: KpCertificate | None = None
    kp_number: str | None = None
    kp_participants: frozenset[str] = frozenset()
    sanction_hits: tuple[ScreeningHit, ...] = ()
    photo: Photo | None = None
    carat_tolerance_ct: Decimal = Decimal("0")
    parcel_count_tolerance: int = 0
    data_stale: bool = False
    authorisations: frozenset[str] = frozenset()
    g7_certificate: G7Certificate | None = None
    data_stale_why: str = ""
    certificate_uses: tuple[CertificateUse, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One firing of a check: the data behind it, and an outcome when not the rule's own.

    ``outcome`` is ``None`` when the rule's outcome applies (for an exemption: the claim was
    accepted); a check sets it from its params, e.g. to HOLD when an exemption is refused.
    """

    details: tuple[tuple[str, str], ...]
    outcome: Outcome | None = None


class ParamKind(enum.Enum):
    """The types a rule parameter may have in the JSON."""

    DATE = "an ISO date such as 2024-09-01"
    DECIMAL = 'a decimal number such as "0.5"'
    INT = "a whole number"
    BOOL = "true or false"
    STR = "a text"
    STR_LIST = "a list of texts"
    OUTCOME = "one of CLEAR, EXEMPT, HOLD, REFUSE"
    EXEMPTION = "one of " + ", ".join(e.value for e in Exemption)


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One parameter a check takes; ``required=False`` parameters may be absent or null."""

    kind: ParamKind
    required: bool = True


ParamValue = date | Decimal | int | bool | str | tuple[str, ...] | Outcome | Exemption | None


@dataclass(frozen=True, slots=True)
class Params:
    """A rule's parsed parameters, read with typed getters."""

    values: Mapping[str, ParamValue] = field(default_factory=dict)

    def _get(self, name: str, kind: type) -> object:
        value = self.values.get(name)
        if not isinstance(value, kind):
            raise KeyError(f"parameter {name!r} is not a {kind.__name__}")
        return value

    def date(self, name: str) -> date:
        """A date parameter."""
        value = self._get(name, date)
        assert isinstance(value, date)
        return value

    def decimal(self, name: str) -> Decimal:
        """A decimal parameter."""
        value = self._get(name, Decimal)
        assert isinstance(value, Decimal)
        return value

    def optional_decimal(self, name: str) -> Decimal | None:
        """A decimal parameter that may be absent."""
        return None if self.values.get(name) is None else self.decimal(name)

    def integer(self, name: str) -> int:
        """A whole-number parameter."""
        value = self._get(name, int)
        assert isinstance(value, int)
        return value

    def flag(self, name: str) -> bool:
        """A true/false parameter."""
        value = self._get(name, bool)
        assert isinstance(value, bool)
        return value

    def text(self, name: str) -> str:
        """A text parameter."""
        value = self._get(name, str)
        assert isinstance(value, str)
        return value

    def texts(self, name: str) -> tuple[str, ...]:
        """A list-of-texts parameter (empty when absent)."""
        value = self.values.get(name)
        return value if isinstance(value, tuple) else ()

    def outcome(self, name: str) -> Outcome:
        """An outcome parameter."""
        value = self._get(name, Outcome)
        assert isinstance(value, Outcome)
        return value

    def exemption(self, name: str) -> Exemption:
        """An exemption parameter."""
        value = self._get(name, Exemption)
        assert isinstance(value, Exemption)
        return value


CheckFunction = Callable[[CheckInput, Params], list[Finding]]


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A registered check: its function, the params it takes and the detail keys it gives.

    A ``policy`` check is not evaluated against a parcel (R18 governs overrides).
    """

    name: str
    function: CheckFunction
    params: Mapping[str, ParamSpec]
    details: frozenset[str]
    policy: bool = False


CHECKS: dict[str, CheckSpec] = {}


def _register(
    name: str,
    params: Mapping[str, ParamSpec],
    details: Iterable[str],
    *,
    policy: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    def decorate(function: CheckFunction) -> CheckFunction:
        CHECKS[name] = CheckSpec(name, function, dict(params), frozenset(details), policy)
        return function

    return decorate


def _finding(outcome: Outcome | None = None, **details: object) -> Finding:
    return Finding(tuple((k, _text(v)) for k, v in details.items()), outcome)


def _carats_text(value: Decimal) -> str:
    """Carats as a balance shows them: at least three decimals ("512.750 ct")."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -3:
        value = value.quantize(Decimal("0.001"))
    return f"{value:f} ct"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, set | frozenset):
        return ", ".join(sorted(str(v) for v in value))
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


# ---- Facts derived from the input ---------------------------------------------------------------

_REQ = ParamSpec
_DECIMAL = _REQ(ParamKind.DECIMAL)
_STRS = _REQ(ParamKind.STR_LIST)
_OPTIONAL_STRS = _REQ(ParamKind.STR_LIST, required=False)


def _digits(code: str) -> str:
    return re.sub(r"\D", "", code)


def cn_code_of(inp: CheckInput) -> str | None:
    """The CN/HS code of the goods as digits: the declaration's, else the KP certificate's."""
    if inp.declaration is not None and _digits(inp.declaration.cn_code):
        return _digits(inp.declaration.cn_code)
    if inp.kp_certificate is not None and _digits(inp.kp_certificate.hs_code):
        return _digits(inp.kp_certificate.hs_code)
    return None


def _in(cn: str | None, prefixes: Iterable[str]) -> bool:
    return cn is not None and any(cn.startswith(_digits(p)) for p in prefixes)


def presented_kp_number(inp: CheckInput) -> str | None:
    """The KP certificate number presented: as entered, else the declaration's, else scanned."""
    if inp.kp_number:
        return inp.kp_number
    if inp.declaration is not None and inp.declaration.kp_number:
        return inp.declaration.kp_number
    for ident in reversed(inp.identifiers):
        if ident.kind is IdentifierKind.KP_CERTIFICATE and ident.valid:
            return ident.value
    return None


def _is_rough(inp: CheckInput, rough_prefixes: Iterable[str]) -> bool:
    cn = cn_code_of(inp)
    if cn is not None:
        return _in(cn, rough_prefixes)
    return presented_kp_number(inp) is not None or inp.kp_certificate is not None


def stable_carats(inp: CheckInput) -> Decimal | None:
    """The measured weight in carats, when the reading is stable; else ``None``."""
    if inp.reading is None or inp.reading.state is not WeightState.STABLE:
        return None
    return inp.reading.carats


def _scanned_seals(inp: CheckInput) -> set[str]:
    return {seal_key(i.value) for i in inp.identifiers if i.kind is IdentifierKind.SEAL and i.valid}


def _declared_seals(inp: CheckInput) -> set[str]:
    if inp.declaration is None:
        return set()
    return {seal_key(s) for s in inp.declaration.seal_numbers if seal_key(s)}


def has_g7_certificate(inp: CheckInput) -> bool:
    """True when a well-formed G7 certificate number was declared or scanned."""
    decl = inp.declaration
    if decl is not None and decl.g7_certificate:
        declared = classify_as(decl.g7_certificate, IdentifierKind.G7_CERTIFICATE)
        if declared.valid:
            return True
    return any(i.kind is IdentifierKind.G7_CERTIFICATE and i.valid for i in inp.identifiers)


def threshold_ct(params: Params) -> Decimal:
    """The per-stone threshold in carats: the lower of ``threshold_ct`` and ``threshold_g``."""
    limit = params.decimal("threshold_ct")
    grams = params.optional_decimal("threshold_g")
    if grams is not None:
        limit = min(limit, grams / GRAMS_PER_CARAT)
    return limit


def _threshold_label(params: Params) -> str:
    label = f"{_text(params.decimal('threshold_ct'))} ct"
    grams = params.optional_decimal("threshold_g")
    return label if grams is None else f"{label} or {_text(grams)} g"


def _band_label(band: StoneBand) -> str:
    if band.max_ct is None:
        return f"{band.stones} stones of {_text(band.min_ct)} ct and up"
    return f"{band.stones} stones of {_text(band.min_ct)} to under {_text(band.max_ct)} ct"


def bands_reaching(stones: Iterable[StoneBand], limit_ct: Decimal) -> list[StoneBand]:
    """The declared bands that may hold a stone of ``limit_ct`` or more (max is exclusive)."""
    return [b for b in stones if b.stones > 0 and (b.max_ct is None or b.max_ct > limit_ct)]


def _average_ct(inp: CheckInput) -> Decimal | None:
    """The measured average stone weight, from a stable reading and the declared stone count."""
    carats = stable_carats(inp)
    if carats is None or inp.declaration is None:
        return None
    count = sum(b.stones for b in inp.declaration.stones)
    return carats / count if count > 0 else None


def _stone_evidence(inp: CheckInput, limit_ct: Decimal) -> str | None:
    """Why some stone reaches ``limit_ct``: a declared band or the measured average, else None."""
    assert inp.declaration is not None
    reaching = bands_reaching(inp.declaration.stones, limit_ct)
    if reaching:
        return "declared " + "; ".join(_band_label(b) for b in reaching)
    average = _average_ct(inp)
    if average is not None and average >= limit_ct:
        return f"measured average {_text(average.quantize(Decimal('0.001')))} ct per stone"
    return None


def _russian_inputs(decl: Declaration, countries: tuple[str, ...]) -> list[str]:
    return [c for c in decl.origin_countries if c in countries]


def _processed_abroad(decl: Declaration, countries: tuple[str, ...]) -> bool:
    return decl.processed_in is not None and decl.processed_in not in countries


# ---- Article 3p (R1-R7) -------------------------------------------------------------------------


@_register("outside_annex", {"annex_cn_prefixes": _STRS}, ["cn_code"])
def _outside_annex(inp: CheckInput, params: Params) -> list[Finding]:
    cn = cn_code_of(inp)
    if cn is None or _in(cn, params.texts("annex_cn_prefixes")):
        return []
    return [_finding(cn_code=cn)]


@_register("russian_link", {"countries": _STRS}, ["evidence", "countries"])
def _russian_link(inp: CheckInput, params: Params) -> list[Finding]:
    countries = params.texts("countries")
    evidence: list[str] = []
    decl = inp.declaration
    if decl is not None:
        if not _processed_abroad(decl, countries):
            evidence += [f"mining origin {c}" for c in _russian_inputs(decl, countries)]
        if decl.processed_in in countries:
            evidence.append(f"processed in {decl.processed_in}")
        if decl.export_country in countries:
            evidence.append(f"exported from {decl.export_country}")
        evidence += [f"transited {c}" for c in decl.route if c in countries]
    cert = inp.kp_certificate
    if cert is not None:
        if cert.issuing_country in countries:
            evidence.append(f"KP certificate issued by {cert.issuing_country}")
        if cert.provenance_country in countries:
            evidence.append(f"KP provenance {cert.provenance_country}")
        evidence += [f"KP origin {c}" for c in cert.origin_countries if c in countries]
    number = presented_kp_number(inp)
    if number is not None and number.strip().upper()[:2] in countries:
        evidence.append(f"KP certificate number {number.strip().upper()}")
    if not evidence:
        return []
    unique = list(dict.fromkeys(evidence))
    return [_finding(evidence="; ".join(unique), countries=countries)]


_PROCESSED_PARAMS = {
    "cn_prefixes": _STRS,
    "countries": _STRS,
    "threshold_ct": _DECIMAL,
    "threshold_g": _REQ(ParamKind.DECIMAL, required=False),
}


@_register(
    "processed_over_threshold",
    _PROCESSED_PARAMS,
    ["cn_code", "processed_in", "origins", "threshold", "evidence"],
)
def _processed_over_threshold(inp: CheckInput, params: Params) -> list[Finding]:
    decl = inp.declaration
    countries = params.texts("countries")
    cn = cn_code_of(inp)
    if decl is None or not _in(cn, params.texts("cn_prefixes")):
        return []
    russian = _russian_inputs(decl, countries)
    if not russian or not _processed_abroad(decl, countries):
        return []
    evidence = _stone_evidence(inp, threshold_ct(params))
    if evidence is None:
        return []
    return [
        _finding(
            cn_code=cn,
            processed_in=decl.processed_in,
            origins=tuple(russian),
            threshold=_threshold_label(params),
            evidence=evidence,
        )
    ]


def _plausibility_problems(inp: CheckInput) -> list[str]:
    """Contradictions between the declared stone bands and the declared or measured carats."""
    decl = inp.declaration
    assert decl is not None
    tolerance = inp.carat_tolerance_ct
    problems: list[str] = []
    for band in decl.stones:
        low = band.min_ct * band.stones
        if band.carats + tolerance < low or (
            band.max_ct is not None and band.carats - tolerance >= band.max_ct * band.stones
        ):
            problems.append(f"band {_band_label(band)} cannot weigh {_text(band.carats)} ct")
    band_total = sum((b.carats for b in decl.stones), Decimal(0))
    if abs(band_total - decl.declared_carats) > tolerance:
        problems.append(
            f"stone bands add up to {_text(band_total)} ct, "
            f"declared {_text(decl.declared_carats)} ct"
        )
    measured = stable_carats(inp)
    if measured is not None:
        count = sum(b.stones for b in decl.stones)
        low = sum((b.min_ct * b.stones for b in decl.stones), Decimal(0))
        uppers = [b.max_ct * b.stones for b in decl.stones if b.max_ct is not None]
        high = sum(uppers, Decimal(0)) if len(uppers) == len(decl.stones) else None
        if measured + tolerance < low or (high is not None and measured - tolerance >= high):
            average = (measured / count).quantize(Decimal("0.001")) if count else Decimal(0)
            span = f"{_text(low)}-{_text(high)}" if high is not None else f"at least {_text(low)}"
            problems.append(
                f"measured {_text(measured)} ct (average {_text(average)} ct per stone) cannot be "
                f"{count} stones of the declared sizes ({span} ct)"
            )
    return problems


@_register(
    "stone_sizes_evidenced",
    {
        "cn_prefixes": _STRS,
        "threshold_ct": _DECIMAL,
        "threshold_g": _REQ(ParamKind.DECIMAL, required=False),
    },
    ["cn_code", "threshold", "problem"],
)
def _stone_sizes_evidenced(inp: CheckInput, params: Params) -> list[Finding]:
    decl = inp.declaration
    cn = cn_code_of(inp)
    if decl is None or not _in(cn, params.texts("cn_prefixes")):
        return []
    label = _threshold_label(params)
    if not decl.stones:
        problem = "no stone sizes declared (packing list), so no stone is shown to be below it"
        return [_finding(cn_code=cn, threshold=label, problem=problem)]
    problems = _plausibility_problems(inp)
    if not decl.origin_evidence:
        reaching = bands_reaching(decl.stones, threshold_ct(params))
        if reaching:
            stones = sum(b.stones for b in reaching)
            problems.append(f"{stones} stones may reach it and their origin is not evidenced")
    return [_finding(cn_code=cn, threshold=label, problem=p) for p in problems]


@_register(
    "part_c_processed",
    {"active": _REQ(ParamKind.BOOL), "cn_prefixes": _STRS, "countries": _STRS},
    ["cn_code", "processed_in", "origins"],
)
def _part_c_processed(inp: CheckInput, params: Params) -> list[Finding]:
    decl = inp.declaration
    cn = cn_code_of(inp)
    if not params.flag("active") or decl is None or not _in(cn, params.texts("cn_prefixes")):
        return []
    russian = _russian_inputs(decl, params.texts("countries"))
    if not russian or not _processed_abroad(decl, params.texts("countries")):
        return []
    return [_finding(cn_code=cn, processed_in=decl.processed_in, origins=tuple(russian))]


@_register(
    "traceability_evidence",
    {
        "cn_prefixes": _STRS,
        "threshold_ct": _DECIMAL,
        "threshold_g": _REQ(ParamKind.DECIMAL, required=False),
        "sunrise_end": _REQ(ParamKind.DATE),
    },
    ["cn_code", "threshold", "sunrise_end"],
)
def _traceability_evidence(inp: CheckInput, params: Params) -> list[Finding]:
    decl = inp.declaration
    cn = cn_code_of(inp)
    if decl is None or inp.at <= params.date("sunrise_end"):
        return []
    if not _in(cn, params.texts("cn_prefixes")) or has_g7_certificate(inp):
        return []
    if decl.stones and _stone_evidence(inp, threshold_ct(params)) is None:
        return []
    return [
        _finding(
            cn_code=cn, threshold=_threshold_label(params), sunrise_end=params.date("sunrise_end")
        )
    ]


# ---- Kimberley Process (R8-R11) -----------------------------------------------------------------


@_register("kp_certificate_valid", {"rough_cn_prefixes": _STRS}, ["kp_number", "problem"])
def _kp_certificate_valid(inp: CheckInput, params: Params) -> list[Finding]:
    if not _is_rough(inp, params.texts("rough_cn_prefixes")):
        return []
    number = presented_kp_number(inp)
    if number is None:
        return [_finding(kp_number="none", problem="no KP certificate was presented")]
    parsed = parse_kp_number(number)
    shown = parsed[0] if parsed is not None else number.strip().upper()
    problems: list[str] = []
    if parsed is None:
        problems.append("not a KP certificate number")
    elif parsed[1] is not None:
        problems.append(parsed[1])
    cert = inp.kp_certificate
    if cert is None:
        problems.append("not in the KP certificate register")
    else:
        if inp.at > cert.expires_on:
            problems.append(f"expired on {cert.expires_on.isoformat()}")
        if inp.at < cert.issued_on:
            problems.append(f"issued on {cert.issued_on.isoformat()}, after the inspection date")
        if cert.issuing_country not in inp.kp_participants:
            problems.append(f"issuer {cert.issuing_country} is not a KP participant")
        if parsed is not None and shown[:2] != cert.issuing_country:
            problems.append(
                f"number prefix {shown[:2]} is not the issuing country {cert.issuing_country}"
            )
    decl = inp.declaration
    if decl is not None and decl.kp_number and parsed is not None:
        declared = parse_kp_number(decl.kp_number)
        if declared is not None and declared[0] != shown:
            problems.append(f"the declaration names certificate {declared[0]}")
    return [_finding(kp_number=shown, problem=p) for p in problems]


@_register("seals_match", {"rough_cn_prefixes": _STRS}, ["problem", "declared", "scanned"])
def _seals_match(inp: CheckInput, params: Params) -> list[Finding]:
    if inp.declaration is None or not _is_rough(inp, params.texts("rough_cn_prefixes")):
        return []
    declared, scanned = _declared_seals(inp), _scanned_seals(inp)
    problems: list[str] = []
    if not declared:
        problems.append("the documents give no seal number")
    elif not scanned:
        problems.append("no seal was scanned")
    else:
        if declared - scanned:
            problems.append(f"seal {_text(declared - scanned)} not found on the parcel")
        if scanned - declared:
            problems.append(f"seal {_text(scanned - declared)} is not in the documents")
    return [_finding(problem=p, declared=declared, scanned=scanned) for p in problems]


@_register(
    "mixed_certificate_origins",
    {"rough_cn_prefixes": _STRS},
    ["kp_number", "origins"],
)
def _mixed_certificate_origins(inp: CheckInput, params: Params) -> list[Finding]:
    cert = inp.kp_certificate
    if cert is None or not cert.mixed or not _is_rough(inp, params.texts("rough_cn_prefixes")):
        return []
    named = [c for c in cert.origin_countries if c in ISO_3166_ALPHA2]
    if named and len(named) == len(cert.origin_countries):
        return []
    if has_g7_certificate(inp):
        return []
    origins = cert.origin_countries or ("none named",)
    return [_finding(kp_number=cert.number, origins=origins)]


@_register(
    "quantities_match",
    {"cn_prefixes": _OPTIONAL_STRS},
    ["problem", "found", "expected", "difference", "tolerance"],
)
def _quantities_match(inp: CheckInput, params: Params) -> list[Finding]:
    prefixes = params.texts("cn_prefixes")
    if prefixes and not _in(cn_code_of(inp), prefixes):
        return []
    findings: list[Finding] = []
    tolerance = inp.carat_tolerance_ct
    measured = stable_carats(inp)
    cert, decl = inp.kp_certificate, inp.declaration

    def carats(problem: str, found: Decimal, expected: Decimal) -> None:
        difference = found - expected
        if abs(difference) > tolerance:
            findings.append(
                _finding(
                    problem=problem,
                    found=_carats_text(found),
                    expected=_carats_text(expected),
                    difference=f"{'+' if difference > 0 else ''}{_carats_text(difference)}",
                    tolerance=_carats_text(tolerance),
                )
            )

    if measured is not None and cert is not None:
        carats("weight differs from the KP certificate", measured, cert.carats)
    if measured is not None and decl is not None:
        carats("weight differs from the declaration", measured, decl.declared_carats)
    if cert is not None and decl is not None:
        carats("declared carats differ from the KP certificate", decl.declared_carats, cert.carats)
        difference = decl.parcel_count - cert.parcel_count
        if abs(difference) > inp.parcel_count_tolerance:
            findings.append(
                _finding(
                    problem="parcel count differs from the KP certificate",
                    found=f"{decl.parcel_count} parcels",
                    expected=f"{cert.parcel_count} parcels",
                    difference=f"{'+' if difference > 0 else ''}{difference}",
                    tolerance=str(inp.parcel_count_tolerance),
                )
            )
    return findings


# ---- Sanctions (R12) ----------------------------------------------------------------------------


@_register(
    "sanctions_listed",
    {
        "min_score": _DECIMAL,
        "review_min_score": _REQ(ParamKind.DECIMAL, required=False),
        "review_outcome": _REQ(ParamKind.OUTCOME, required=False),
    },
    ["role", "party", "list", "list_id", "listed_name", "matched_name", "score", "explanation"],
)
def _sanctions_listed(inp: CheckInput, params: Params) -> list[Finding]:
    findings: list[Finding] = []
    review = params.optional_decimal("review_min_score")
    for hit in inp.sanction_hits:
        score = Decimal(str(hit.score))
        if score >= params.decimal("min_score"):
            outcome = None
        elif review is not None and score >= review and "review_outcome" in params.values:
            outcome = params.outcome("review_outcome")
        else:
            continue
        findings.append(
            _finding(
                outcome,
                role=hit.party_role,
                party=hit.party_name,
                list=hit.listed.list_name,
                list_id=hit.listed.list_id,
                listed_name=hit.listed.name,
                matched_name=hit.matched_name,
                score=f"{hit.score:.2f}",
                explanation=hit.explanation,
            )
        )
    return findings


# ---- Exemptions and transit (R13-R17) -----------------------------------------------------------

_EXEMPTION_DETAILS = ["exemption", "evidence", "problem", "status"]


def _status(problem: str) -> str:
    return f"refused, {problem}" if problem else "accepted"


def _claimed(inp: CheckInput, exemption: Exemption) -> Declaration | None:
    decl = inp.declaration
    return decl if decl is not None and decl.exemption is exemption else None


@_register(
    "exemption_claimed",
    {
        "exemption": _REQ(ParamKind.EXEMPTION),
        "cn_prefixes": _OPTIONAL_STRS,
        "evidence_required": _REQ(ParamKind.BOOL),
        "fallback_outcome": _REQ(ParamKind.OUTCOME),
    },
    _EXEMPTION_DETAILS,
)
def _exemption_claimed(inp: CheckInput, params: Params) -> list[Finding]:
    exemption = params.exemption("exemption")
    decl = _claimed(inp, exemption)
    if decl is None:
        return []
    evidence = (decl.exemption_evidence or "").strip()
    prefixes = params.texts("cn_prefixes")
    problem = ""
    if prefixes and not _in(cn_code_of(inp), prefixes):
        problem = f"not available for CN {cn_code_of(inp) or 'unknown'}"
    elif params.flag("evidence_required") and not evidence:
        problem = "no evidence given"
    outcome = params.outcome("fallback_outcome") if problem else None
    return [
        _finding(
            outcome,
            exemption=exemption.value,
            evidence=evidence,
            problem=problem,
            status=_status(problem),
        )
    ]


_ISO_DATE_PREFIX = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")


@_register(
    "grandfathering",
    {
        "rough_cn_prefixes": _STRS,
        "rough_before": _REQ(ParamKind.DATE),
        "other_before": _REQ(ParamKind.DATE),
        "fallback_outcome": _REQ(ParamKind.OUTCOME),
    },
    [*_EXEMPTION_DETAILS, "ban_date"],
)
def _grandfathering(inp: CheckInput, params: Params) -> list[Finding]:
    decl = _claimed(inp, Exemption.GRANDFATHERED)
    if decl is None:
        return []
    rough = _in(cn_code_of(inp), params.texts("rough_cn_prefixes"))
    ban = params.date("rough_before" if rough else "other_before")
    evidence = (decl.exemption_evidence or "").strip()
    match = _ISO_DATE_PREFIX.match(evidence)
    problem = ""
    try:
        evidenced = date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        evidenced = None
    if evidenced is None:
        problem = "the evidence must start with the date the goods were outside Russia (YYYY-MM-DD)"
    elif evidenced >= ban:
        problem = f"evidence dated {evidenced.isoformat()} does not predate {ban.isoformat()}"
    outcome = params.outcome("fallback_outcome") if problem else None
    return [
        _finding(
            outcome,
            exemption=Exemption.GRANDFATHERED.value,
            evidence=evidence,
            problem=problem,
            status=_status(problem),
            ban_date=ban,
        )
    ]


@_register("authorisation", {"fallback_outcome": _REQ(ParamKind.OUTCOME)}, _EXEMPTION_DETAILS)
def _authorisation(inp: CheckInput, params: Params) -> list[Finding]:
    decl = _claimed(inp, Exemption.AUTHORISATION)
    if decl is None:
        return []
    evidence = (decl.exemption_evidence or "").strip()
    problem = ""
    if not evidence:
        problem = "no authorisation number given"
    elif evidence.upper() not in {a.upper() for a in inp.authorisations}:
        problem = "not in the register of authorisations"
    outcome = params.outcome("fallback_outcome") if problem else None
    return [
        _finding(
            outcome,
            exemption=Exemption.AUTHORISATION.value,
            evidence=evidence,
            problem=problem,
            status=_status(problem),
        )
    ]


@_register("declared_transit", {"fallback_outcome": _REQ(ParamKind.OUTCOME)}, _EXEMPTION_DETAILS)
def _declared_transit(inp: CheckInput, params: Params) -> list[Finding]:
    decl = _claimed(inp, Exemption.TRANSIT)
    if decl is None:
        return []
    declared, scanned = _declared_seals(inp), _scanned_seals(inp)
    problem = ""
    if not declared:
        problem = "the documents give no seal number, so the container cannot be shown intact"
    elif declared != scanned:
        problem = "the seals on the container do not match the documents"
    outcome = params.outcome("fallback_outcome") if problem else None
    return [
        _finding(
            outcome,
            exemption=Exemption.TRANSIT.value,
            evidence=_text(scanned),
            problem=problem,
            status=_status(problem),
        )
    ]


# ---- Kiosk procedure (K1-K4) and the override policy (R18) --------------------------------------


@_register("stable_weight", {}, ["state"])
def _stable_weight(inp: CheckInput, params: Params) -> list[Finding]:
    if inp.reading is None:
        return [_finding(state="no reading")]
    if inp.reading.state is not WeightState.STABLE:
        return [_finding(state=inp.reading.state.value)]
    return []


@_register("photo_taken", {}, [])
def _photo_taken(inp: CheckInput, params: Params) -> list[Finding]:
    return [] if inp.photo is not None else [_finding()]


@_register("reference_data_current", {}, ["why"])
def _reference_data_current(inp: CheckInput, params: Params) -> list[Finding]:
    if not inp.data_stale:
        return []
    return [_finding(why=inp.data_stale_why or "no current reference data")]


@_register("certificate_used_elsewhere", {}, ["kind", "number", "post", "date", "inspection"])
def _certificate_used_elsewhere(inp: CheckInput, params: Params) -> list[Finding]:
    return [
        _finding(
            kind=use.kind.upper(),
            number=use.number,
            post=use.post,
            date=use.used_on.isoformat(),
            inspection=use.inspection_id,
        )
        for use in inp.certificate_uses
    ]


@_register("declaration_found", {}, ["identifiers"])
def _declaration_found(inp: CheckInput, params: Params) -> list[Finding]:
    if inp.declaration is not None:
        return []
    shown = tuple(f"{i.kind.value} {i.value}" for i in inp.identifiers if i.valid)
    return [_finding(identifiers=shown or ("none",))]


@_register(
    "override_policy",
    {
        "overridable": _STRS,
        "never_on": _OPTIONAL_STRS,
        "two_person": _REQ(ParamKind.BOOL),
    },
    [],
    policy=True,
)
def _override_policy(inp: CheckInput, params: Params) -> list[Finding]:
    return []
