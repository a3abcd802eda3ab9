"""The one error the rules raise for bad input."""


class InputError(ValueError):
    """Input that breaks a rule's preconditions or contradicts itself. ``field`` names the field
    as the ``daihoi tally`` JSON contract spells it (e.g. "candidates[2].id"), so the command line
    and the web forms can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
