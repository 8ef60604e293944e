"""Synthetic daily digests made from the sample day, for benchmarks and large-library tests.

Every day is rendered from the sample's own titles and bodies, recombined, with numbers, company
names and datelines varied, so that a year of files looks like a year of real telegraphs to the
parser (headers, windows, teasers, attributions, shared minutes, one update per day) while every
day's items get ids of their own.

A day depends only on (seed, date): generating ten years reproduces the first year byte for byte,
so a test can ask for a few days of a corpus someone else benchmarked.

    python benchmarks/synth.py --days 365 --out /tmp/corpus [--start 2016-01-01] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

# Bump when the output changes for the same arguments, so that saved corpora are remade.
VERSION = 1
SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "cls-telegraph-2026-01-14.md"
DEFAULT_START = dt.date(2016, 1, 1)
ITEMS_PER_DAY = 300  # 365 days ≈ 110k items ≈ 52 MB, the size DESIGN.md §4 measured against
UPDATES_PER_DAY = 1  # lines that extend an earlier line of their minute, folded away on import
BOUNDARY = 5 * 60 + 30  # the digest window opens at 05:30
MINUTES_PER_DAY = 24 * 60

# Names found in the sample; each occurrence becomes a slot filled from COMPANY_POOL.
SAMPLE_COMPANIES = (
    "拉卡拉", "君正集团", "同花顺", "诺思格", "普蕊斯", "德美化工", "科大国创", "华林证券",
    "湘财股份", "中银证券", "东方财富", "杭钢股份", "数据港", "通源石油", "科力股份", "潜能恒信",
    "万丰奥威", "莱斯信息", "宏景科技", "润泽科技", "腾景科技", "光迅科技", "诺和诺德", "速腾聚创",
    "德邦基金", "同泰基金", "东财基金", "摩根大通", "阿斯麦", "澳新银行", "视觉中国", "日东纺",
    "谷歌", "苹果", "高通", "阿里云", "荣耀",
)  # fmt: skip
COMPANY_POOL = (
    *SAMPLE_COMPANIES,
    "宁德时代", "比亚迪", "贵州茅台", "中芯国际", "寒武纪", "工业富联", "中际旭创", "新易盛",
    "紫金矿业", "山东黄金", "北方稀土", "中国平安", "招商银行", "隆基绿能", "阳光电源", "迈瑞医疗",
    "恒瑞医药", "药明康德", "海康威视", "立讯精密", "京东方A", "三一重工", "中国船舶", "长江电力",
    "英伟达", "特斯拉", "微软", "亚马逊", "台积电", "三星电子", "小米集团", "腾讯控股",
)  # fmt: skip

_ITEM_LINE = re.compile(r"^\*\*\[(\d{2}):(\d{2})\]\*\* (.*)$", re.MULTILINE)
_TEASER = re.compile(r"^【【(?P<column>[^】]+)】(?P<title>[^】]*)】(?P<body>.*)$")
_TITLED = re.compile(r"^【(?P<title>[^】]*)】(?P<body>.*)$")
_DATELINE = re.compile(r"^(?P<outlet>财联社|《[^》]{1,16}》)(?:\d{1,2}月)?\d{1,2}日(?:电|讯)，")
_ATTRIBUTION = re.compile(r"(?P<source> ?[（(][^()（）]{1,24}[)）])$")
# Numbers that are amounts (not dates, years or clock times) vary; dates become the item's date.
_SLOT = re.compile(
    r"(?P<date>\d{1,2}月\d{1,2}日)"
    rf"|(?P<company>{'|'.join(sorted(SAMPLE_COMPANIES, key=len, reverse=True))})"
    r"|(?<![\d.:：,])(?P<number>\d+(?:\.\d+)?)(?![\d:：年月日号时,])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")

# A template is literal text interleaved with slots: ("n", digits, decimals), ("c",), ("d",).
Piece = str | tuple
Template = tuple[Piece, ...]


@dataclass(frozen=True)
class Pools:
    titles: tuple[Template, ...]
    titled_bodies: tuple[tuple[str | None, Template], ...]  # (outlet or None, body)
    flash_bodies: tuple[tuple[str | None, Template], ...]
    teasers: tuple[tuple[str, Template, Template], ...]  # (column, title, body)
    sources: tuple[str, ...]
    # "titled", "flash" or "teaser", once per sample item: drawing from it keeps the sample's mix.
    shapes: tuple[str, ...]


def _template(text: str) -> Template:
    pieces: list[Piece] = []
    last = 0
    for match in _SLOT.finditer(text):
        if match.start() > last:
            pieces.append(text[last : match.start()])
        if match["date"]:
            pieces.append(("d",))
        elif match["company"]:
            pieces.append(("c",))
        elif _YEAR.fullmatch(match["number"]):
            pieces.append(match["number"])  # 2026调仓 stays a year, not a random amount
        else:
            whole, _, decimals = match["number"].partition(".")
            pieces.append(("n", len(whole), len(decimals)))
        last = match.end()
    if last < len(text):
        pieces.append(text[last:])
    return tuple(pieces)


def _split_body(body: str) -> tuple[str | None, str, str | None]:
    """(outlet of the dateline, body without dateline and attribution, attribution)."""
    outlet = None
    if dateline := _DATELINE.match(body):
        outlet = dateline["outlet"]
        body = body[dateline.end() :]
    source = None
    if attribution := _ATTRIBUTION.search(body):
        source = attribution["source"]
        body = body[: attribution.start()]
    return outlet, body, source


@lru_cache(maxsize=4)
def load_pools(sample: Path = SAMPLE) -> Pools:
    """Cut the sample day into recombinable parts (cached: every day draws from the same pools)."""
    titles: list[Template] = []
    titled_bodies: list[tuple[str | None, Template]] = []
    flash_bodies: list[tuple[str | None, Template]] = []
    teasers: list[tuple[str, Template, Template]] = []
    sources: list[str] = []
    shapes: list[str] = []
    seen: set[str] = set()
    for match in _ITEM_LINE.finditer(sample.read_text(encoding="utf-8")):
        content = match[3].strip()
        if content in seen:
            continue
        seen.add(content)
        if teaser := _TEASER.match(content):
            teasers.append(
                (teaser["column"], _template(teaser["title"]), _template(teaser["body"]))
            )
            shapes.append("teaser")
            continue
        titled = _TITLED.match(content)
        outlet, body, source = _split_body(titled["body"] if titled else content)
        if source:
            sources.append(source)
        if titled:
            titles.append(_template(titled["title"]))
            titled_bodies.append((outlet, _template(body)))
            shapes.append("titled")
        else:
            flash_bodies.append((outlet, _template(body)))
            shapes.append("flash")
    return Pools(
        tuple(titles),
        tuple(titled_bodies),
        tuple(flash_bodies),
        tuple(teasers),
        tuple(sources),
        tuple(shapes),
    )


# Telegraph traffic by hour of the clock (05:30 window start): busy in trading hours, thin at night.
_HOURLY_WEIGHT = (1, 1, 1, 1, 1, 2, 4, 6, 10, 14, 14, 12, 8, 12, 14, 10, 7, 6, 6, 6, 6, 5, 4, 2)
_CUM_WEIGHTS = tuple(
    accumulate(
        _HOURLY_WEIGHT[((BOUNDARY + offset) % MINUTES_PER_DAY) // 60]
        for offset in range(MINUTES_PER_DAY)
    )
)
_OFFSETS = range(MINUTES_PER_DAY)


class _Renderer:
    """Renders one day's templates; holds the day's random stream and dates."""

    def __init__(self, rng: random.Random, day: dt.date):
        self.rng = rng
        self.day = day
        self.next_day = day + dt.timedelta(days=1)

    def render(self, template: Template, date: dt.date) -> str:
        rng = self.rng
        out: list[str] = []
        for piece in template:
            if isinstance(piece, str):
                out.append(piece)
            elif piece[0] == "n":
                digits, decimals = piece[1], piece[2]
                whole = rng.randrange(10 ** (digits - 1) if digits > 1 else 0, 10**digits)
                if decimals:
                    out.append(f"{whole}.{rng.randrange(10**decimals):0{decimals}d}")
                else:
                    out.append(str(whole))
            elif piece[0] == "c":
                out.append(rng.choice(COMPANY_POOL))
            else:
                out.append(f"{date.month}月{date.day}日")
        return "".join(out)


def _dateline(outlet: str | None, date: dt.date) -> str:
    if outlet is None:
        return ""
    if outlet == "财联社":
        return f"财联社{date.month}月{date.day}日电，"
    return f"{outlet}{date.day}日讯，"


def _letters(text: str) -> str:
    return "".join(char for char in text if char.isalnum())


def render_day(
    day: dt.date,
    seed: int = 1,
    items: int = ITEMS_PER_DAY,
    updates: int = UPDATES_PER_DAY,
    pools: Pools | None = None,
) -> str:
    """One digest file's text: `items` distinct items plus `updates` extending lines."""
    pools = pools or load_pools()
    # A string seed is hashed with SHA-512 by `random`, so it is stable across runs and machines.
    rng = random.Random(f"telereader-synth:{seed}:{day.isoformat()}")
    renderer = _Renderer(rng, day)
    offsets = sorted(rng.choices(_OFFSETS, cum_weights=_CUM_WEIGHTS, k=items))
    lines: list[tuple[int, str]] = []
    taken: set[tuple[int, str]] = set()
    flash_lines: list[int] = []
    for offset in offsets:
        clock = (BOUNDARY + offset) % MINUTES_PER_DAY
        # Items after midnight happened on the next calendar day, and their datelines say so.
        date = renderer.next_day if BOUNDARY + offset >= MINUTES_PER_DAY else day
        # Ids come from day + minute + title (or the body's opening words): re-draw until this
        # minute has no item with the same key, so that no two items share an id by accident.
        for _ in range(50):
            content, key = _draw(pools, renderer, date)
            if (clock, key) not in taken:
                break
        taken.add((clock, key))
        if not content.startswith("【") and content.endswith("。"):
            flash_lines.append(len(lines))
        lines.append((clock, content))
    # An update: the same telegraph captured again with more text (the sample's 稀土 → 手机 case).
    # Highest index first, so that inserting a line does not move the ones still to extend.
    for index in sorted(rng.sample(flash_lines, min(updates, len(flash_lines))), reverse=True):
        clock, content = lines[index]
        extra = renderer.render(rng.choice(pools.flash_bodies)[1], day)
        lines.insert(index + 1, (clock, f"{content.rstrip('。')}；{extra}"))
    header = (
        f"# 财联社【普通】电报 - {day.isoformat()}\n"
        f"> 统计周期：{day.isoformat()} 05:30 至次日 05:30\n\n---\n\n"
    )
    body = "\n\n".join(f"**[{clock // 60:02d}:{clock % 60:02d}]** {text}" for clock, text in lines)
    return header + body + "\n"


def _draw(pools: Pools, renderer: _Renderer, date: dt.date) -> tuple[str, str]:
    """(content, identity key) of one item of a shape drawn like the sample's."""
    rng = renderer.rng
    shape = rng.choice(pools.shapes)
    if shape == "teaser":
        column, title, body = rng.choice(pools.teasers)
        title_text = renderer.render(title, date)
        content = f"【【{column}】{title_text}】{renderer.render(body, date)}"
        return content, "t:" + _letters(title_text)
    outlet, body = rng.choice(pools.titled_bodies if shape == "titled" else pools.flash_bodies)
    body_text = renderer.render(body, date)
    # Attributions are rarer than in the sample's morning (10 in 94) but always present.
    if pools.sources and rng.random() < 0.06 and body_text.endswith("。"):
        body_text += rng.choice(pools.sources)
    text = _dateline(outlet, date) + body_text
    if shape == "titled":
        title_text = renderer.render(rng.choice(pools.titles), date)
        return f"【{title_text}】{text}", "t:" + _letters(title_text)
    # The importer treats untitled items of one minute opening with the same 8 letters as one
    # story edited between captures, so keys of untitled items compare that much.
    return text, "o:" + _letters(body_text)[:8]


def file_name(day: dt.date) -> str:
    return f"cls-telegraph-{day.isoformat()}.md"


def generate(
    out_dir: Path | str,
    days: int,
    start: dt.date = DEFAULT_START,
    seed: int = 1,
    *,
    items: int = ITEMS_PER_DAY,
    updates: int = UPDATES_PER_DAY,
) -> list[Path]:
    """Write `days` digest files, one per calendar day from `start`, and return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pools = load_pools()
    paths = []
    for number in range(days):
        day = start + dt.timedelta(days=number)
        path = out / file_name(day)
        path.write_bytes(render_day(day, seed, items, updates, pools).encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, required=True, help="how many daily files")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them to")
    parser.add_argument("--start", type=dt.date.fromisoformat, default=DEFAULT_START)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--items", type=int, default=ITEMS_PER_DAY, help="items per day")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    paths = generate(args.out, args.days, args.start, args.seed, items=args.items)
    size = sum(path.stat().st_size for path in paths)
    print(
        f"wrote {len(paths)} files, {size / 1e6:.1f} MB, to {args.out} "
        f"in {time.perf_counter() - began:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
