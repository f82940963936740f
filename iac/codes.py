"""Every diagnostic code with its short description: the one table SARIF rules, the
docs (docs/errors.md, one anchor per code) and the tests read.

A test fails when a code used anywhere in `iac/` has no entry here, or when
docs/errors.md does not match this table (`IAC_UPDATE_GOLDEN=1` rewrites it).
"""

from __future__ import annotations

DOCS_PAGE = "docs/errors.md"  # in the repository; one anchor per code

CODES: dict[str, str] = {
    # syntax (parser and loader)
    "E001": "Nesting too deep",
    "E002": "Unterminated string",
    "E003": "Unexpected character",
    "E004": "Bracket never closed",
    "E005": "Unexpected token",
    "E006": "Not a statement",
    "E007": "Unknown unit",
    "E008": "Unknown escape in a string",
    "E009": "Bad interpolation",
    "E010": "File is not valid UTF-8",
    "E011": "Binary file",
    "E012": "Program too large",
    "E013": "Number out of range",
    "E014": "Unknown workflow step",
    "E015": "`else` or `catch` on its own line",
    "E016": "Unknown HTTP method",
    # code paths (functions' `code`)
    "E020": "Code path cannot be read",
    "E021": "Code folder holds a special file",
    "E022": "Link points outside the code folder",
    "E023": "Dangling or looping link",
    "E024": "Code folder too large",
    # names, types and rules (checker)
    "E101": "Unknown resource kind",
    "E102": "Unknown attribute",
    "E103": "Declared or set twice",
    "E104": "Logical ID collision",
    "E105": "Name not declared",
    "E106": "Reference needs an attribute",
    "E107": "Value must be a literal",
    "E108": "Value out of range or not a valid choice",
    "E109": "Required setting missing",
    "E110": "Code path does not exist",
    "E111": "Unknown event",
    "E112": "Invalid event or route target",
    "E113": "Unknown operation",
    "E114": "Queue visibility timeout shorter than the function timeout",
    "E115": "Route declared twice",
    "E116": "Schedule needs exactly one of rate and cron",
    "E117": "Invalid Fargate cpu and memory pair",
    "E118": "Workflow step targets the wrong kind",
    "E119": "Invalid condition",
    "E120": "Table has no stream",
    "E121": "Program declares no resources",
    "E122": "Invalid name",
    "E123": "Function needs a handler",
    "E124": "More than one app block",
    "E125": "Unknown param type",
    "E126": "Bad --param value",
    "E127": "Block holds the wrong kind of item",
    "E128": "Invalid character in a tag",
    "E129": "allow where there is no role",
    "E130": "Item not valid in this kind",
    "E131": "Invalid API route",
    "E132": "Invalid cron expression",
    "E133": "Workflow attribute after a step",
    "E134": "Unknown or invalid event filter",
    "E136": "Circular reference",
    "E137": "Event edge declared twice",
    "E138": "Invalid or reserved Lambda environment key",
    "E139": "Lambda environment too large",
    "E140": "Invalid physical name",
    "E141": "FIFO delivery that SNS or EventBridge cannot make",
    "E142": "Invalid queue batch for Lambda",
    "E143": "Index key redeclared with another type",
    "E144": "Not allowed in an Express workflow",
    "E145": "Circular reference between names",
    "E150": "Destination of the wrong kind",
    "E151": "Dead-letter queue name taken",
    "E152": "FIFO dead-letter queue for EventBridge",
    "E153": "Dead-letter queue type differs from the topic's",
    "E154": "Function is its own destination",
    # api authentication, CORS, route options, secret params (language 1.1)
    "E170": "Synchronous route to a standard workflow",
    "E171": "Route option not valid for its target",
    "E172": "Message group on a route to a standard queue",
    "E173": "Invalid api or route `auth`",
    "E174": "Invalid JWT authorizer",
    "E175": "Invalid CORS configuration",
    "E176": "Event source reserved by AWS",
    "E177": "Secret param with a compile-time value",
    "E178": "Output shows a secret param",
    "E179": "Secret value that is not a secret param",
    "E180": "Unknown context object path",
    "E181": "A workflow writes to the context object",
    "E182": "Task token outside a callback task",
    "E183": "Invalid Step Functions error name",
    "E184": "Task option not valid for this target",
    "E185": "Value a workflow can't build",
    "E186": "Heartbeat not shorter than the timeout",
    "E187": "Invalid timestamp",
    "E188": "Empty try, or a catch that is never reached",
    # language 1.1: filters and functions (funcs)
    "E190": "Event filter on a field the service can't filter",
    "E191": "Event filter test the service can't express",
    "E192": "Function URL attribute without a URL",
    "E193": "Invalid Lambda layer",
    "E194": "Overlapping event filters",
    "E195": "Alarm topic that CloudWatch can't notify",
    "E196": "FIFO option on a standard queue",
    # output (plan and targets)
    "E200": "Target cannot express this",
    "E201": "Logical ID collision in the output",
    "E202": "Code changed between the check and the packaging",
    # the stateful guard (iac.lock)
    "E301": "Stateful resource would be replaced",
    "E302": "Stateful resource would be removed",
    "E303": "Unreadable iac.lock",
    # warnings
    "W001": "Unused param",
    "W002": "Unused resource",
    "W003": "Unused network",
    "W004": "Deprecated Lambda runtime",
    "W030": "Undeliverable events dropped (no dead-letter queue)",
    "W031": "Queue without max_receives feeds a function",
    "W040": "Route opened on an api without auth",
    "W041": "Secret param written in clear",
    "W042": "Invoke grant on an api without SigV4 routes",
    "W020": "Code folder holds the program's own files",
    "W050": "Callback task without a timeout",
    "W051": "Callback that nothing may answer",
    "W052": "Error caught twice",
    "W053": "Try block that can't fail",
    "W054": "Callback grant on a workflow without callback tasks",
    "W060": "Rule matches every event on the default bus",
}


def describe(code: str) -> str:
    """The short description; a code missing from the table still gets a name."""
    return CODES.get(code, f"Diagnostic {code}")


def docs_anchor(code: str) -> str:
    """`docs/errors.md#e114`: where the code is explained."""
    return f"{DOCS_PAGE}#{code.lower()}"
