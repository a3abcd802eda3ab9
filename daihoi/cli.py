"""The one command line, ``daihoi …``: Django's management commands under our name."""
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["daihoi", *sys.argv[1:]])


if __name__ == "__main__":
    main()
