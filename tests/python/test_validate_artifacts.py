"""Self-tests for validate_artifacts.py: each check must pass on a good artifact and fail on a
broken one. Run: `python3 -m unittest discover -s tests/python -v` (needs Debian's hatchling)."""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import coremeta  # noqa: E402

VALIDATOR = os.path.join(HERE, "validate_artifacts.py")
FLAT = os.path.join(HERE, "..", "fixtures", "flat")
EPOCH = (2020, 2, 2, 0, 0, 0)
MTIME = 1580601600


def rhash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def write_wheel(path: str, files: dict[str, bytes], *, mode: int = 0o644, fix_record: bool = True,
                stamps: dict[str, tuple] | None = None, extra_dirs: tuple[str, ...] = ()) -> None:
    """Writes files in the given order; RECORD is regenerated (last) unless fix_record is False."""
    di = next(n.split("/")[0] for n in files if n.split("/")[0].endswith(".dist-info"))
    files = dict(files)
    if fix_record:
        files.pop(f"{di}/RECORD", None)
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        for n, d in files.items():
            w.writerow([n, rhash(d), len(d)])
        w.writerow([f"{di}/RECORD", "", ""])
        files[f"{di}/RECORD"] = buf.getvalue().encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for d in extra_dirs:
            zi = zipfile.ZipInfo(d, EPOCH)
            zi.external_attr = (0o40755 << 16) | 0x10
            zf.writestr(zi, b"")
        for n, data in files.items():
            zi = zipfile.ZipInfo(n, (stamps or {}).get(n, EPOCH))
            zi.external_attr = mode << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)


def write_sdist(path: str, files: dict[str, bytes], *, fmt=tarfile.PAX_FORMAT, uname: str = "",
                mtimes: dict[str, int] | None = None, gzip_mtime: int = MTIME, fname: bool = False) -> None:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=fmt) as tf:
        for n, data in files.items():
            ti = tarfile.TarInfo(n)
            ti.size, ti.mode, ti.mtime, ti.uname, ti.gname = len(data), 0o644, (mtimes or {}).get(n, MTIME), uname, ""
            tf.addfile(ti, io.BytesIO(data))
    with open(path, "wb") as f:
        with gzip.GzipFile(filename=os.path.basename(path) if fname else "", mode="wb", fileobj=f,
                           mtime=gzip_mtime) as gz:
            gz.write(raw.getvalue())


class ValidatorTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="validator-tests-")
        out = os.path.join(cls.tmp, "hatch")
        r = subprocess.run(["/usr/bin/python3", "-c",
                            "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]));"
                            "print(b.build_sdist(sys.argv[1]))", out],
                           cwd=FLAT, capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": str(MTIME)})
        if r.returncode:
            raise unittest.SkipTest("Debian hatchling cannot build the flat fixture: " + r.stderr[-500:])
        wheel, sdist = r.stdout.split()
        cls.wheel, cls.sdist = os.path.join(out, wheel), os.path.join(out, sdist)
        with zipfile.ZipFile(cls.wheel) as zf:
            cls.files = {n: zf.read(n) for n in zf.namelist()}
        with tarfile.open(cls.sdist) as tf:
            cls.members = {m.name: tf.extractfile(m).read() for m in tf.getmembers()}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_validator(self, *args: str) -> dict:
        r = subprocess.run([sys.executable, VALIDATOR, "--json", *args], capture_output=True, text=True)
        report = json.loads(r.stdout)
        self.assertEqual(r.returncode, 0 if report["ok"] else 1)
        return report

    def path(self, name: str) -> str:
        d = tempfile.mkdtemp(dir=self.tmp)
        return os.path.join(d, name)

    def assertFails(self, report: dict, *checks: str):
        self.assertFalse(report["ok"])
        for c in checks:
            self.assertIn(c, report["failed"], json.dumps([c for c in report["checks"] if not c["ok"]], indent=1))

    def test_hatchling_artifacts_pass_with_install_and_script(self):
        rep = self.run_validator("--wheel", self.wheel, "--sdist", self.sdist, "--import", "flat_pkg.util",
                                 "--script", "flat-cli", "--script-output", "flat ok")
        self.assertTrue(rep["ok"], rep["failed"])
        names = {c["name"] for c in rep["checks"]}
        self.assertIn("install.script[flat-cli].output", names)
        self.assertIn("install.record_matches_files", names)

    def test_wrong_script_output_and_missing_module_fail(self):
        rep = self.run_validator("--wheel", self.wheel, "--import", "no_such_mod", "--script", "flat-cli",
                                 "--script-output", "something else")
        self.assertFails(rep, "install.script[flat-cli].output", "install.import[no_such_mod]")

    def test_rebuilt_good_wheel_passes_strict_checks(self):
        # Our writer sorts nothing, so give it hatchling's (already sorted) order.
        p = self.path(os.path.basename(self.wheel))
        write_wheel(p, self.files)
        rep = self.run_validator("--wheel", p, "--no-install", "--no-twine")
        self.assertTrue(rep["ok"], rep["failed"])

    def test_tampered_file_fails_record_hash(self):
        files = dict(self.files)
        files["flat_pkg/util.py"] += b"# changed\n"
        p = self.path(os.path.basename(self.wheel))
        write_wheel(p, files, fix_record=False)
        self.assertFails(self.run_validator("--wheel", p, "--no-install", "--no-twine"), "wheel.record_hashes_sizes")

    def test_directory_entry_mode_and_timestamps_fail(self):
        p = self.path(os.path.basename(self.wheel))
        write_wheel(p, self.files, mode=0o600, extra_dirs=("flat_pkg/",),
                    stamps={"flat_pkg/cli.py": (2021, 1, 1, 0, 0, 0)})
        rep = self.run_validator("--wheel", p, "--no-install", "--no-twine")
        self.assertFails(rep, "wheel.no_directory_entries", "wheel.modes_644_755", "wheel.timestamps_equal",
                         "wheel.record_each_entry_once")

    def test_record_not_last_and_bad_wheel_tag_fail(self):
        di = "flat_pkg-1.0.0.dist-info"
        files = dict(self.files)
        files[f"{di}/WHEEL"] = files[f"{di}/WHEEL"].replace(b"py3-none-any", b"py2-none-any")
        p = self.path(os.path.basename(self.wheel))
        write_wheel(p, files)
        with zipfile.ZipFile(p, "a") as zf:
            zi = zipfile.ZipInfo("flat_pkg/zz.py", EPOCH)
            zi.external_attr = 0o644 << 16
            zf.writestr(zi, b"")
        rep = self.run_validator("--wheel", p, "--no-install", "--no-twine")
        self.assertFails(rep, "wheel.wheel_file_fields", "wheel.record_last", "wheel.dist_info_last")

    def test_wrong_file_name_fails(self):
        p = self.path("Flat.Pkg-1.0.0-py3-none-any.whl")
        write_wheel(p, self.files)
        self.assertFails(self.run_validator("--wheel", p, "--no-install", "--no-twine"), "wheel.filename_pep427")

    def test_expected_payload(self):
        payload = ",".join(n for n in self.files if ".dist-info/" not in n)
        rep = self.run_validator("--wheel", self.wheel, "--no-install", "--no-twine", "--wheel-expect-payload", payload)
        self.assertTrue(rep["ok"], rep["failed"])
        rep = self.run_validator("--wheel", self.wheel, "--no-install", "--no-twine",
                                 "--wheel-expect-payload", payload + ",flat_pkg/static/app.css")
        self.assertFails(rep, "wheel.expected_payload")

    def test_good_sdist_rebuilt_passes_and_expected_members(self):
        p = self.path(os.path.basename(self.sdist))
        write_sdist(p, self.members)
        rel = ",".join(n.split("/", 1)[1] for n in self.members)
        rep = self.run_validator("--sdist", p, "--no-twine", "--sdist-expect-members", rel)
        self.assertTrue(rep["ok"], rep["failed"])
        rep = self.run_validator("--sdist", p, "--no-twine", "--sdist-expect-members", rel + ",extra.txt")
        self.assertFails(rep, "sdist.expected_members")

    def test_gnu_sdist_fname_owner_and_mtime_fail(self):
        members = dict(self.members)
        members["flat_pkg-1.0.0/" + "d" * 120 + ".txt"] = b"long"
        p = self.path(os.path.basename(self.sdist))
        write_sdist(p, members, fmt=tarfile.GNU_FORMAT, uname="builder", fname=True, gzip_mtime=MTIME + 5)
        rep = self.run_validator("--sdist", p, "--no-twine")
        self.assertFails(rep, "sdist.raw_headers_ustar_pax", "sdist.gzip_no_fname", "sdist.owner_root_unnamed",
                         "sdist.gzip_mtime_matches")

    def test_sdist_without_pyproject_and_mixed_mtimes_fail(self):
        members = {n: d for n, d in self.members.items() if not n.endswith("/pyproject.toml")}
        p = self.path(os.path.basename(self.sdist))
        write_sdist(p, members, mtimes={next(iter(members)): MTIME + 10})
        rep = self.run_validator("--sdist", p, "--no-twine")
        self.assertFails(rep, "sdist.pyproject_present", "sdist.mtimes_equal")


def meta_failures(text: str, kind: str = "METADATA", strict: bool = True) -> list[str]:
    failed = []

    def add(name, ok, detail="", warn_only=False):
        if not ok and not warn_only:
            failed.append(name)
        return ok

    coremeta.check_metadata(text, kind, strict, add)
    return failed


GOOD = "Metadata-Version: 2.1\nName: My.App\nVersion: 1.2.0rc1\nRequires-Dist: flask>=3.0\n"


class CoreMetadataTests(unittest.TestCase):
    def test_good_metadata_has_no_failures(self):
        self.assertEqual(meta_failures(GOOD), [])
        self.assertEqual(meta_failures(GOOD.replace("2.1", "2.2"), "PKG-INFO"), [])
        self.assertEqual(meta_failures("Metadata-Version: 2.4\nName: a\nVersion: 1\nLicense-Expression: MIT\n\n"
                                       "# Body\n"), [])

    def test_unknown_repeated_and_missing_fields(self):
        self.assertIn("metadata.known_fields_only", meta_failures(GOOD + "X-Thing: 1\n"))
        self.assertIn("metadata.single_use_fields_once", meta_failures(GOOD + "Summary: a\nSummary: b\n"))
        self.assertIn("metadata.required_fields", meta_failures("Metadata-Version: 2.1\nName: a\n"))

    def test_lowest_metadata_version_only_in_strict_mode(self):
        text = GOOD.replace("2.1", "2.3")
        self.assertIn("metadata.metadata_version_is_lowest", meta_failures(text))
        self.assertNotIn("metadata.metadata_version_is_lowest", meta_failures(text, strict=False))
        self.assertIn("pkg_info.metadata_version_at_least_2_2", meta_failures(GOOD, "PKG-INFO"))
        pep639 = GOOD.replace("2.1", "2.3") + "License-Expression: MIT\n"
        self.assertIn("metadata.fields_allowed_by_metadata_version", meta_failures(pep639))
        self.assertIn("metadata.metadata_version_2_4_iff_pep639", meta_failures(pep639))

    def test_name_and_version_rules(self):
        self.assertIn("metadata.name_valid", meta_failures(GOOD.replace("My.App", "-bad")))
        self.assertIn("metadata.version_canonical", meta_failures(GOOD.replace("1.2.0rc1", "1.2.0-RC1")))
        self.assertIn("metadata.version_pep440", meta_failures(GOOD.replace("1.2.0rc1", "1.0-final.x")))

    def test_requirements_extras_urls_license(self):
        self.assertIn("metadata.requires_dist_parse", meta_failures(GOOD + "Requires-Dist: requests >>= 2\n"))
        self.assertIn("metadata.provides_extra_normalized", meta_failures(GOOD + "Provides-Extra: Dev_Tools\n"))
        self.assertIn("metadata.requires_dist_extras_declared",
                      meta_failures(GOOD + "Requires-Dist: pytest; extra == 'test'\n"))
        self.assertIn("metadata.project_url", meta_failures(GOOD + "Project-URL: " + "L" * 33 + ", https://x.org\n"))
        self.assertIn("metadata.license_xor_license_expression",
                      meta_failures("Metadata-Version: 2.4\nName: a\nVersion: 1\nLicense: MIT\nLicense-Expression: MIT\n"))

    def test_raw_line_breaks_and_description_header(self):
        self.assertIn("metadata.no_raw_line_break_in_header", meta_failures(GOOD + "Summary: a\rInjected: b\n"))
        self.assertIn("metadata.no_unfoldable_continuation", meta_failures(GOOD + "Summary: a\n  b\n"))
        self.assertNotIn("metadata.no_unfoldable_continuation", meta_failures(GOOD + "License: a\n  b\n"))
        self.assertIn("metadata.description_in_body", meta_failures(GOOD + "Description: text\n"))
        self.assertIn("metadata.body_present_for_content_type",
                      meta_failures(GOOD + "Description-Content-Type: text/markdown\n"))

    def test_canonical_version_spec_examples(self):
        cases = {"1.0": "1.0", "v1.0": "1.0", "1.0-1": "1.0.post1", "1.2a": "1.2a0", "1.2.alpha.3": "1.2a3",
                 "1.0c1": "1.0rc1", "1.0.preview2": "1.0rc2", "1.0-r4": "1.0.post4", "1.0dev": "1.0.dev0",
                 "0!1.0": "1.0", "1.0+Ubuntu-1": "1.0+ubuntu.1", "09000.01": "9000.1", "1.0+abc.007": "1.0+abc.7",
                 "1.0.0": "1.0.0"}
        for given, want in cases.items():
            self.assertEqual(coremeta.canonical_version(given), want, given)
        for bad in ("1.0-", "1..0", "one", "1.0+", "1.0+a..b"):
            self.assertIsNone(coremeta.canonical_version(bad), bad)

    def test_escape_name(self):
        self.assertEqual(coremeta.escape_name("Acme.Shop--Web_app"), "acme_shop_web_app")


if __name__ == "__main__":
    unittest.main()
