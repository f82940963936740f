"""What the hostile program's strings must arrive as, in every target."""

ENV = {
    "QUOTES": "say \"hi\" and 'bye'",
    "BACKSLASH": "C:\\temp\\new",
    "NEWLINES": "line one\nline two\n\ttabbed",
    "DOLLAR": "${x} and $x and $",
    "PERCENT": "%{x} %%{y}",
    "BANG_REF": "!Ref X",
    "GETATT": "!GetAtt X.Arn",
    "MUSTACHE": "{{ x }}",
    "JINJA": "{% x %}",
    "YAML_KEY": "key: value # x",
    "STARTS": "- item",
    "ANCHOR": "&anchor *alias",
    "BOOLISH": "yes",
    "NULLISH": "null",
    "NUMERIC": "0123",
    "UNICODE": "naïve ☃ 東京 \u2028 end",
    "EMPTY": "",
    "LONG": "a" * 300,
}
# MIXED interpolates the `stage` param (default "dev").
MIXED_WITH_DEFAULT = 'dev-${literal}-"q"'
TAGS = {"owner": "key: value", "place": "été 東京 café", "mix": "a=b+c@d/e.f_g-h"}
