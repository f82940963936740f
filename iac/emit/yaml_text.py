"""YAML spelling of plain strings: quoted whenever a plain scalar could be misread."""

from __future__ import annotations

import functools
import re
from json.encoder import encode_basestring

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-/]*(?::[A-Za-z0-9_.\-/]+)*\Z")
_RESERVED = {
    "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
}  # fmt: skip
_LONGEST_RESERVED = max(map(len, _RESERVED))  # a longer plain scalar is no YAML word
# A pattern, compiled (by `re`, once) only for text that holds one of them: its ranges
# took ~0.5 ms to compile, at every start-up.
_UNSAFE = "[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]"


@functools.lru_cache(maxsize=1024)  # a few property names, spelled again and again
def yaml_key(text: str) -> str:
    """A mapping key: quoted by the same rules as any scalar, so a logical ID such as
    `On`, `No` or `Null` stays a string for YAML 1.1 readers too."""
    return yaml_str(text)


def yaml_str(text: str) -> str:
    """A YAML scalar that loads back as exactly `text`."""
    if _PLAIN.match(text) and (len(text) > _LONGEST_RESERVED or text.lower() not in _RESERVED):
        return text
    # `json.dumps(text, ensure_ascii=False)`, without making an encoder for each string.
    quoted = encode_basestring(text)
    # JSON leaves some characters raw that YAML would fold or reject: DEL and non-ASCII
    # ones (it escapes the rest below U+0020).
    if quoted.isascii() and "\x7f" not in quoted:
        return quoted
    return re.sub(_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", quoted)
