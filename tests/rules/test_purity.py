"""The rules core imports no Django: the web app, the CLI and other programs share it."""
import subprocess
import sys


def test_rules_package_never_imports_django():
    code = (
        "import sys, pkgutil, importlib, daihoi.rules as r\n"
        "for m in pkgutil.iter_modules(r.__path__): importlib.import_module('daihoi.rules.' + m.name)\n"
        "sys.exit('django' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_current_rule_set_is_190():
    from daihoi.rules.ruleset import CURRENT

    assert CURRENT.name == "190-QĐ/TW"
