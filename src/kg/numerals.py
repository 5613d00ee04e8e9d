"""Chinese numerals in one place: 六十二 <-> 62, 二〇〇四 -> 2004, 一百零五 -> 105.

>>> cn_to_int("六十二"), int_to_cn(62)
(62, '六十二')
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
# A regex character class matching one Chinese numeral character.
NUMERAL_CLASS = f"[{NUMERAL_CHARS}]"


def cn_to_int(text: str) -> int:
    """Convert a Chinese numeral (or ASCII/full-width digits) to int.

    >>> cn_to_int("一百零五"), cn_to_int("十一"), cn_to_int("二〇〇四"), cn_to_int("１２")
    (105, 11, 2004, 12)
    >>> cn_to_int("二万五千"), cn_to_int("十亿"), cn_to_int("一亿二千万")
    (25000, 1000000000, 120000000)
    """
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)  # int() understands full-width digits too
    if any(c not in DIGITS and c not in UNITS for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if not any(c in UNITS for c in text):
        # Digit-by-digit form, as in years: 二〇〇四.
        return int("".join(str(DIGITS[c]) for c in text))
    # 万 multiplies everything before it since the last 亿 (十二万 = 12 × 10000), 亿 everything before it
    yi, total, section, digit = 0, 0, 0, None
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c == "亿":
            yi += (total + section + (digit or 0) or 1) * UNITS[c]
            total, section, digit = 0, 0, None
        elif c == "万":
            total += (section + (digit or 0) or 1) * UNITS[c]
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * UNITS[c]
            digit = None
    return yi + total + section + (digit or 0)


def int_to_cn(n: int) -> str:
    """Render a positive int the way Chinese legal text numbers articles.

    >>> int_to_cn(10), int_to_cn(19), int_to_cn(105), int_to_cn(110), int_to_cn(1260), int_to_cn(12005)
    ('十', '十九', '一百零五', '一百一十', '一千二百六十', '一万二千零五')
    """
    if n <= 0:
        raise ValueError("numbers start at 1")
    names = "零一二三四五六七八九"
    if n < 10:
        return names[n]
    if n < 20:
        return "十" + (names[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return names[tens] + "十" + (names[ones] if ones else "")
    unit, name = (100, "百") if n < 1000 else (1000, "千") if n < 10000 else (10000, "万")
    head, rest = divmod(n, unit)
    head_cn = names[head] if head < 10 else int_to_cn(head)
    if rest == 0:
        return head_cn + name
    tail = int_to_cn(rest)
    # 一百零五, 一千零五十; a 十 right after the hundreds or a 零 is spoken 一十: 一百一十, 一千零一十.
    if rest < unit // 10:
        return head_cn + name + "零" + (("一" + tail) if 10 <= rest < 20 else tail)
    return head_cn + name + (("一" + tail) if rest < 20 else tail)
