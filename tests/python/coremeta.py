"""Strict core-metadata checks (METADATA / PKG-INFO), written against the PyPA specs.

Specs: https://packaging.python.org/specifications/core-metadata/ (fields, versions),
https://packaging.python.org/specifications/name-normalization/ and
https://packaging.python.org/specifications/version-specifiers/ (PEP 440 normal form).
Stdlib only; Requires-Dist parsing uses `packaging` (or pip's vendored copy) when present.
"""

from __future__ import annotations

import email.parser
import email.policy
import re

# Field name -> (metadata version that introduced it, multiple-use?).
FIELDS: dict[str, tuple[tuple[int, int], bool]] = {
    "Metadata-Version": ((1, 0), False),
    "Name": ((1, 0), False),
    "Version": ((1, 0), False),
    "Platform": ((1, 0), True),
    "Summary": ((1, 0), False),
    "Description": ((1, 0), False),
    "Keywords": ((1, 0), False),
    "Home-page": ((1, 0), False),
    "Author": ((1, 0), False),
    "Author-email": ((1, 0), False),
    "License": ((1, 0), False),
    "Supported-Platform": ((1, 1), True),
    "Classifier": ((1, 1), True),
    "Download-URL": ((1, 1), False),
    "Requires": ((1, 1), True),
    "Provides": ((1, 1), True),
    "Obsoletes": ((1, 1), True),
    "Maintainer": ((1, 2), False),
    "Maintainer-email": ((1, 2), False),
    "Requires-Dist": ((1, 2), True),
    "Requires-Python": ((1, 2), False),
    "Requires-External": ((1, 2), True),
    "Project-URL": ((1, 2), True),
    "Provides-Dist": ((1, 2), True),
    "Obsoletes-Dist": ((1, 2), True),
    "Description-Content-Type": ((2, 1), False),
    "Provides-Extra": ((2, 1), True),
    "Dynamic": ((2, 2), True),
    "License-Expression": ((2, 4), False),
    "License-File": ((2, 4), True),
}
# The lowercase spelling is what the spec's table uses for Home-page; writers use both.
CANONICAL_FIELD = {name.lower(): name for name in FIELDS}
SUPPORTED_VERSIONS = {(2, 1), (2, 2), (2, 3), (2, 4)}
# Fields whose value may legitimately span folded lines.
FOLDABLE = {"License", "Description"}
NEVER_DYNAMIC = {"Name", "Version", "Metadata-Version"}

NAME_RE = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])\Z", re.IGNORECASE)
EXTRA_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
# Every boundary str.splitlines() honours, except the '\n' we split headers on.
LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

# PEP 440 permissive form (version-specifiers appendix), used to compute the normal form.
_VERSION_RE = re.compile(
    r"""^\s*v?
    (?:(?P<epoch>[0-9]+)!)?
    (?P<release>[0-9]+(?:\.[0-9]+)*)
    (?:[-_.]?(?P<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?P<pre_n>[0-9]+)?)?
    (?:(?:-(?P<post_n1>[0-9]+))|(?:[-_.]?(?P<post_l>post|rev|r)[-_.]?(?P<post_n2>[0-9]+)?))?
    (?:[-_.]?(?P<dev_l>dev)[-_.]?(?P<dev_n>[0-9]+)?)?
    (?:\+(?P<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
    \s*\Z""",
    re.VERBOSE | re.IGNORECASE,
)
_PRE_SPELLING = {"alpha": "a", "a": "a", "beta": "b", "b": "b", "c": "rc", "pre": "rc", "preview": "rc", "rc": "rc"}


def normalize_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def escape_name(name: str) -> str:
    return normalize_name(name).replace("-", "_")


def canonical_version(text: str) -> str | None:
    """The PEP 440 normal form of `text`, or None when it is not a valid version."""
    m = _VERSION_RE.match(text)
    if not m:
        return None
    out = ""
    if m["epoch"] is not None and int(m["epoch"]) != 0:
        out += f"{int(m['epoch'])}!"
    out += ".".join(str(int(p)) for p in m["release"].split("."))
    if m["pre_l"]:
        out += _PRE_SPELLING[m["pre_l"].lower()] + str(int(m["pre_n"] or 0))
    if m["post_n1"] is not None:
        out += f".post{int(m['post_n1'])}"
    elif m["post_l"]:
        out += f".post{int(m['post_n2'] or 0)}"
    if m["dev_l"]:
        out += f".dev{int(m['dev_n'] or 0)}"
    if m["local"]:
        parts = re.split(r"[-_.]", m["local"].lower())
        out += "+" + ".".join(str(int(p)) if p.isdigit() else p for p in parts)
    return out


def _requirement_class():
    try:
        from packaging.requirements import Requirement  # type: ignore
        return Requirement
    except ImportError:
        pass
    try:
        from pip._vendor.packaging.requirements import Requirement  # type: ignore
        return Requirement
    except ImportError:
        return None


def parse_metadata(text: str):
    """(headers as list of (name, value), body, email.message) parsed with compat32."""
    parser = email.parser.Parser(policy=email.policy.compat32)
    msg = parser.parsestr(text)
    return list(msg.items()), msg.get_payload(), msg


def check_metadata(text: str, kind: str, strict_version: bool, add) -> dict:
    """Runs every check on one METADATA/PKG-INFO text. `add(name, ok, detail, warn_only=False)`.

    kind is "METADATA" or "PKG-INFO". Returns the parsed fields (name -> list of values).
    """
    p = kind.lower().replace("-", "_")
    fields: dict[str, list[str]] = {}

    # Raw-line checks first: email.parser silently accepts some things we want to reject.
    raw_lines = text.split("\n")
    bad_breaks, bad_cont, bad_lines = [], [], []
    current = None
    header_count = 0
    for no, line in enumerate(raw_lines, 1):
        if line == "":
            break
        if LINE_BREAKS.search(line):
            bad_breaks.append(f"line {no}: {line[:60]!r}")
        if line[0] in " \t":
            if current not in FOLDABLE:
                bad_cont.append(f"line {no}: continuation of {current!r} (only License/Description may fold)")
            continue
        key, sep, _ = line.partition(":")
        if not sep or not key or key != key.strip():
            bad_lines.append(f"line {no}: not a 'Name: value' header: {line[:60]!r}")
            current = None
            continue
        header_count += 1
        current = CANONICAL_FIELD.get(key.lower(), key)
    add(f"{p}.utf8_text", "\ufffd" not in text, "text contains U+FFFD (was it valid UTF-8?)")
    add(f"{p}.no_raw_line_break_in_header", not bad_breaks, "; ".join(bad_breaks))
    add(f"{p}.no_unfoldable_continuation", not bad_cont, "; ".join(bad_cont))
    add(f"{p}.header_lines_well_formed", not bad_lines, "; ".join(bad_lines))

    items, body, msg = parse_metadata(text)
    add(f"{p}.compat32_parse_no_defects", not msg.defects, "; ".join(type(d).__name__ for d in msg.defects))
    add(f"{p}.compat32_header_count", len(items) == header_count,
        f"parser saw {len(items)} headers, raw scan saw {header_count}")

    unknown, wrong_case = [], []
    for key, value in items:
        canon = CANONICAL_FIELD.get(key.lower())
        if canon is None:
            unknown.append(key)
            continue
        if key != canon and not (canon == "Home-page" and key == "Home-Page"):
            wrong_case.append(f"{key} (spec spelling {canon})")
        fields.setdefault(canon, []).append(value)
    add(f"{p}.known_fields_only", not unknown, "unknown fields: " + ", ".join(unknown))
    add(f"{p}.field_spelling", not wrong_case, ", ".join(wrong_case), warn_only=True)

    repeated = [k for k, v in fields.items() if len(v) > 1 and not FIELDS[k][1]]
    add(f"{p}.single_use_fields_once", not repeated, "repeated single-use fields: " + ", ".join(repeated))
    missing = [k for k in ("Metadata-Version", "Name", "Version") if k not in fields]
    add(f"{p}.required_fields", not missing, "missing: " + ", ".join(missing))

    in_value_breaks = [k for k, vs in fields.items() for v in vs
                       if k not in FOLDABLE and ("\n" in v or LINE_BREAKS.search(v))]
    add(f"{p}.single_line_values", not in_value_breaks, "multi-line values in: " + ", ".join(in_value_breaks))

    # Metadata-Version: supported, fields belong to it, and (strict) the lowest that covers them.
    mv_text = (fields.get("Metadata-Version") or [""])[0].strip()
    mv_match = re.fullmatch(r"(\d+)\.(\d+)", mv_text)
    mv = (int(mv_match[1]), int(mv_match[2])) if mv_match else None
    add(f"{p}.metadata_version_supported", mv in SUPPORTED_VERSIONS,
        f"Metadata-Version {mv_text!r} is not one of 2.1, 2.2, 2.3, 2.4")
    if mv is not None:
        too_new = [k for k in fields if FIELDS[k][0] > mv]
        # Pre-PEP 639 hatchling (1.12) writes License-Expression/License-File under 2.1. That is not
        # spec-valid, so strict mode fails it; the lenient mode used for reference backends warns.
        pep639_only = bool(too_new) and set(too_new) <= {"License-Expression", "License-File"}
        add(f"{p}.fields_allowed_by_metadata_version", not too_new,
            f"fields newer than {mv_text}: " + ", ".join(too_new), warn_only=pep639_only and not strict_version)
        floor = (2, 2) if kind == "PKG-INFO" else (2, 1)
        needed = max([floor] + [FIELDS[k][0] for k in fields])
        needed_text = f"{needed[0]}.{needed[1]}"
        if kind == "PKG-INFO":
            add("pkg_info.metadata_version_at_least_2_2", mv >= (2, 2),
                f"sdist PKG-INFO must be Metadata-Version >= 2.2, got {mv_text}", warn_only=not strict_version)
        add(f"{p}.metadata_version_is_lowest", mv == needed,
            f"Metadata-Version {mv_text} but the fields need exactly {needed_text}", warn_only=not strict_version)
        has_pep639 = "License-Expression" in fields or "License-File" in fields
        add(f"{p}.metadata_version_2_4_iff_pep639", (mv == (2, 4)) == has_pep639,
            f"Metadata-Version {mv_text} with License-Expression/License-File present={has_pep639}",
            warn_only=not strict_version)

    name = (fields.get("Name") or [""])[0]
    add(f"{p}.name_valid", bool(NAME_RE.match(name)), f"invalid Name {name!r}")
    version = (fields.get("Version") or [""])[0]
    canon = canonical_version(version)
    add(f"{p}.version_pep440", canon is not None, f"Version {version!r} is not PEP 440")
    add(f"{p}.version_canonical", canon == version, f"Version {version!r}, canonical form {canon!r}")

    req_cls = _requirement_class()
    bad_reqs, marker_extras = [], set()
    for value in fields.get("Requires-Dist", []):
        if req_cls is None:
            break
        try:
            req = req_cls(value)
        except Exception as e:  # packaging raises InvalidRequirement
            bad_reqs.append(f"{value!r}: {e}")
            continue
        if req.marker is not None:
            marker_extras.update(re.findall(r"extra\s*==\s*['\"]([^'\"]*)['\"]", str(req.marker)))
    add(f"{p}.requires_dist_parse", req_cls is not None and not bad_reqs,
        "no packaging library available" if req_cls is None else "; ".join(bad_reqs))
    extras = fields.get("Provides-Extra", [])
    bad_extras = [e for e in extras if not EXTRA_RE.match(e)]
    add(f"{p}.provides_extra_normalized", not bad_extras, "not normalized: " + ", ".join(bad_extras))
    add(f"{p}.provides_extra_unique", len(set(extras)) == len(extras), "duplicate Provides-Extra")
    undeclared = sorted(marker_extras - set(extras))
    add(f"{p}.requires_dist_extras_declared", not undeclared, "extras used in markers but not provided: "
        + ", ".join(undeclared))

    bad_urls = []
    for value in fields.get("Project-URL", []):
        label, sep, url = value.partition(",")
        if not sep or not url.strip():
            bad_urls.append(f"{value!r}: expected 'label, url'")
        elif len(label) > 32:
            bad_urls.append(f"{value!r}: label longer than 32 characters")
    add(f"{p}.project_url", not bad_urls, "; ".join(bad_urls))

    add(f"{p}.license_xor_license_expression",
        not ("License" in fields and "License-Expression" in fields), "both License and License-Expression")
    dyn_bad = [d for d in fields.get("Dynamic", []) if CANONICAL_FIELD.get(d.lower()) in NEVER_DYNAMIC
               or d.lower() not in CANONICAL_FIELD]
    add(f"{p}.dynamic_fields_valid", not dyn_bad, "invalid Dynamic values: " + ", ".join(dyn_bad))

    add(f"{p}.description_in_body", "Description" not in fields,
        "description written as a Description header instead of the message body")
    if "Description-Content-Type" in fields:
        add(f"{p}.body_present_for_content_type", bool(body and body.strip()),
            "Description-Content-Type set but the body is empty")
    return fields
