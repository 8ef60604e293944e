"""argparse's own words (usage:, options, its errors) in the reader's language.

argparse writes them through gettext, which looks for a catalogue of the default domain on
disk: none ships with Python or with Debian, so a Chinese reader got English words around
Chinese help, and every command line paid for the look (locale imported, ~1.2 ms; issue 19).
This table says them in Chinese; in English argparse's own text stands.
"""

from __future__ import annotations

import argparse

from telereader.core.messages import current_language

CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选 %(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "not allowed with argument %s": "不能与参数 %s 同用",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可指 %(matches)s",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
# ngettext's messages: one form in Chinese
CHINESE_COUNTED = {("expected %s argument", "expected %s arguments"): "需要 %s 个值"}


def chinese(message: str) -> str:
    return CHINESE.get(message, message)


def chinese_counted(singular: str, plural: str, count: int) -> str:
    translated = CHINESE_COUNTED.get((singular, plural))
    if translated is not None:
        return translated
    return singular if count == 1 else plural


def english(message: str) -> str:
    return message


def english_counted(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def speak_the_readers_language() -> None:
    """Have argparse say its words in the reader's language (it reads its `_` and `ngettext`
    each time it calls them)."""
    if current_language() == "en":
        argparse._ = english  # type: ignore[attr-defined]
        argparse.ngettext = english_counted  # type: ignore[attr-defined]
    else:
        argparse._ = chinese  # type: ignore[attr-defined]
        argparse.ngettext = chinese_counted  # type: ignore[attr-defined]
