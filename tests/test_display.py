"""An X11 display whose Qt libraries are missing: one clear line, not Qt's abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app import x11_problem

ROOT = Path(__file__).resolve().parent.parent


def _plugin_needing(tmp_path: Path, missing: str) -> Path:
    """A real shared library named like Qt's X11 plugin, linked to ``missing`` (then deleted)."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build a library with a missing dependency")
    build = tmp_path / "build"
    build.mkdir()
    (build / "dep.c").write_text("int kiosk_dep(void) { return 1; }\n")
    (build / "plugin.c").write_text(
        "int kiosk_dep(void);\nint plugin(void) { return kiosk_dep(); }\n"
    )
    subprocess.run(
        [
            cc,
            "-shared",
            "-fPIC",
            "-o",
            str(build / missing),
            str(build / "dep.c"),
            f"-Wl,-soname,{missing}",
        ],
        check=True,
    )
    platforms = tmp_path / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    subprocess.run(
        [
            cc,
            "-shared",
            "-fPIC",
            "-o",
            str(platforms / "libqxcb.so"),
            str(build / "plugin.c"),
            str(build / missing),
        ],
        check=True,
    )
    shutil.rmtree(build)  # the dependency is gone, as on a desktop without the package
    return tmp_path / "plugins"


def _on_display(display: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python *args`` with X11 ``display`` set (no offscreen, no Wayland), in ``home``."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, HOME=str(home), XDG_STATE_HOME=str(home / "state"))
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's X11 plugin is Linux's")
def test_a_missing_x11_library_is_named(tmp_path: Path) -> None:
    plugins = _plugin_needing(tmp_path, "libkiosk-xcb-missing.so.1")
    assert x11_problem(plugins) == "libkiosk-xcb-missing.so.1 is not installed"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's X11 plugin is Linux's")
def test_no_plugin_file_is_left_to_qt(tmp_path: Path) -> None:
    assert x11_problem(tmp_path) is None


def test_kiosk_run_on_such_a_display_says_what_to_install_in_one_line(tmp_path: Path) -> None:
    # The check itself is the test above; here the command's answer when it finds a problem.
    script = (
        "import kiosk.app as app\n"
        "app.x11_problem = lambda plugins=None: 'libxcb-icccm.so.4 is not installed'\n"
        "from kiosk.cli import main\n"
        "raise SystemExit(main(['run']))\n"
    )
    done = _on_display(":99", tmp_path, "-c", script)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("kiosk: the display :99 cannot be used")
    assert "libxcb-icccm.so.4 is not installed" in lines[0]
    assert "make system-deps" in lines[0]
    assert "libxcb-cursor0" in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's here")
def test_kiosk_run_on_a_display_nobody_serves_says_so_in_one_line(tmp_path: Path) -> None:
    if x11_problem() is not None:
        pytest.skip(f"Qt's X11 libraries are not installed here: {x11_problem()}")
    # A display number no X server uses (its socket does not exist).
    number = next(n for n in range(250, 300) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    done = _on_display(f":{number}", tmp_path, "-m", "kiosk.cli", "run")
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (
        f"kiosk: the display :{number} cannot be reached: no X server answers there (is the "
        "desktop session running, and DISPLAY set to it?)"
    )
