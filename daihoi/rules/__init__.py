"""The election rules as pure Python: no Django, no database, usable from the web app, the command
line (``daihoi tally``) and other programs. See docs/rules.md for the rule-by-rule map."""
