"""Regular-expression keywords of watchlists: `/…/` on a line of its own (Python `re`, Latin
letters ignoring case), and the literal text a pattern cannot match without, so that the library
pass asks the search index for candidates and runs the pattern only on those.

A pattern is no use to the index as it is: the index holds the pairs of characters of every item,
not its text. `required_literals` walks the parsed pattern (`re._parser`, the parser `re.compile`
itself uses) and keeps the runs of plain characters every match must contain: `宁德(时代|汽车)`
needs 宁德 and one of 时代, 汽车. A candidate set built from them is never smaller than the real
one, since each run is in every match; the pattern then decides.
"""

from __future__ import annotations

import re
import re._constants as sre  # the opcodes of the parser below
import re._parser as sre_parse  # the parser re.compile uses

from telereader.core.query import fold_case

FLAGS = re.IGNORECASE

# Letters that IGNORECASE matches to a character whose lower case is not themselves (ı, İ, K
# the Kelvin sign, ſ): the index's folded text could miss them, so they never narrow.
_UNSAFE = frozenset("iks")

Requirement = tuple[tuple[str, ...], ...]  # every group must occur; any one text of a group


# Python's words for what is wrong with a pattern (Python 3.11 `re`), in Chinese; by prefix.
_REASONS_ZH = (
    ("missing ), unterminated subpattern", "缺少右括号 )，括号没有闭合"),
    ("unbalanced parenthesis", "多了一个右括号 )"),
    ("nothing to repeat", "* + ? 或 {} 前面没有可以重复的内容"),
    ("multiple repeat", "重复符号连在了一起"),
    ("unterminated character set", "方括号 [ 没有闭合"),
    ("bad escape", "无效的转义（反斜杠 \\ 后的字符）"),
    ("bad character range", "方括号里的字符范围无效"),
    ("look-behind requires fixed-width pattern", "向后查找 (?<=…) 只能是固定长度"),
    ("min repeat greater than max repeat", "重复次数的下限大于上限"),
    ("the repetition number is too large", "重复次数太大"),
    ("invalid group reference", "引用了不存在的分组"),
    ("unknown group name", "引用了不存在的分组名"),
    ("unknown extension", "无法识别的 (? 写法"),
    ("longer than", "太长"),
)


class KeywordError(ValueError):
    """A keyword line that cannot be used: `reason` says why (the `re` error, in English),
    `position` where in the line (1-based, the leading slash counted) when `re` knows."""

    def __init__(self, line: str, reason: str, position: int | None = None):
        super().__init__(f"{line}: {reason}")
        self.line = line
        self.reason = reason
        self.position = position + 2 if position is not None else None

    def reasons(self) -> tuple[str, str]:
        """What is wrong, (Chinese, English), with the place in the line when known."""
        chinese = next(
            (zh for prefix, zh in _REASONS_ZH if self.reason.startswith(prefix)),
            f"Python 报告：{self.reason}",
        )
        english = self.reason
        if self.position is not None:
            chinese += f"（第 {self.position} 个字符处）"
            english += f" (at character {self.position})"
        return chinese, english


def is_regex_line(line: str) -> bool:
    """`/…/`: a line that starts and ends with a slash and holds something between."""
    return len(line) >= 3 and line.startswith("/") and line.endswith("/")


def compile_regex(line: str) -> re.Pattern[str]:
    """The pattern of a `/…/` line; KeywordError when Python's `re` refuses it."""
    try:
        return re.compile(line[1:-1], FLAGS)
    except re.error as error:
        raise KeywordError(line, error.msg, error.pos) from error
    except (OverflowError, RecursionError, ValueError) as error:  # huge repeats, deep nesting
        raise KeywordError(line, str(error) or type(error).__name__) from error


def _safe(code: int) -> bool:
    char = chr(code)
    if char.isascii():
        return char.lower() not in _UNSAFE
    return char.lower() == char.upper()  # caseless: CJK, digits, punctuation


def required_literals(pattern: re.Pattern[str]) -> Requirement:
    """Runs of plain text every match of `pattern` contains, case-folded; () when none."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an odd parser change: no narrowing
        return ()
    return tuple(group for group in _sequence(list(parsed)) if group)


def is_plain_text(pattern: re.Pattern[str]) -> bool:
    """A pattern of plain characters only (`/黄金/`): the index decides it as it decides 黄金."""
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an odd parser change: a pattern like any other
        return False
    return bool(parsed) and all(op is sre.LITERAL and _safe(value) for op, value in parsed)


def _sequence(items: list) -> list[tuple[str, ...]]:
    groups: list[tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            groups.append((fold_case("".join(run)),))
            run.clear()

    for op, value in items:
        if op is sre.LITERAL and _safe(value):
            run.append(chr(value))
            continue
        if op is sre.AT:
            continue  # an anchor takes no character: the run goes on across it
        flush()
        if op is sre.SUBPATTERN:
            groups += _sequence(list(value[-1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            groups += _sequence(list(value[2]))
        elif op is sre.ATOMIC_GROUP:
            groups += _sequence(list(value))
        elif op is sre.BRANCH:
            groups += _branch(value[1])
    flush()
    return groups


def _branch(alternatives: list) -> list[tuple[str, ...]]:
    """One group of the longest text each alternative needs; none when some needs nothing."""
    chosen = []
    for alternative in alternatives:
        texts = [group[0] for group in _sequence(list(alternative)) if len(group) == 1]
        if not texts:
            return []
        chosen.append(max(texts, key=len))
    return [tuple(dict.fromkeys(chosen))]
