"""Believable text for the content benchmark, in English and Chinese, from a seeded random generator.

Words are drawn with a skewed frequency (the first words of each list are common, the last rare), so a
search for a common word matches a large share of the corpus and one for a rare word a handful, as in a
real community. Chinese sentences are written without spaces, as people write them: the index must
segment them (content.segmentation) to find their words.
"""

import random

EN_WORDS = [
    "light",
    "photo",
    "camera",
    "lens",
    "shot",
    "frame",
    "colour",
    "portrait",
    "street",
    "landscape",
    "shadow",
    "exposure",
    "focus",
    "subject",
    "composition",
    "morning",
    "evening",
    "sky",
    "people",
    "city",
    "mountain",
    "river",
    "window",
    "door",
    "tree",
    "road",
    "night",
    "sunset",
    "contrast",
    "texture",
    "pattern",
    "detail",
    "moment",
    "story",
    "edit",
    "crop",
    "raw",
    "preset",
    "film",
    "grain",
    "tripod",
    "flash",
    "reflector",
    "aperture",
    "shutter",
    "sensor",
    "bokeh",
    "histogram",
    "highlights",
    "midtones",
    "vignette",
    "panorama",
    "silhouette",
    "backlight",
    "telephoto",
    "wide-angle",
    "polarizer",
    "timelapse",
    "astrophotography",
    "macro",
    "infrared",
    "monochrome",
    "cyanotype",
    "daguerreotype",
    "anamorphic",
    "tilt-shift",
]
EN_GLUE = [
    "the",
    "a",
    "of",
    "in",
    "and",
    "with",
    "for",
    "on",
    "at",
    "my",
    "your",
    "this",
    "that",
    "how",
    "why",
    "when",
    "we",
    "i",
    "it",
    "is",
    "was",
    "to",
]

ZH_WORDS = [
    "光线",
    "照片",
    "相机",
    "镜头",
    "构图",
    "色彩",
    "人像",
    "街拍",
    "风光",
    "阴影",
    "曝光",
    "对焦",
    "主体",
    "早晨",
    "傍晚",
    "天空",
    "城市",
    "山峰",
    "河流",
    "窗户",
    "树木",
    "道路",
    "夜景",
    "日落",
    "对比",
    "质感",
    "图案",
    "细节",
    "瞬间",
    "故事",
    "后期",
    "裁剪",
    "胶片",
    "颗粒",
    "三脚架",
    "闪光灯",
    "反光板",
    "光圈",
    "快门",
    "传感器",
    "焦外",
    "直方图",
    "高光",
    "暗部",
    "暗角",
    "全景",
    "剪影",
    "逆光",
    "长焦",
    "广角",
    "偏振镜",
    "延时",
    "星空",
    "微距",
    "红外",
    "黑白",
    "蓝晒",
    "银版",
    "宝丽来",
]
ZH_GLUE = [
    "的",
    "在",
    "和",
    "我们",
    "如何",
    "可以",
    "这个",
    "一个",
    "使用",
    "拍摄",
    "觉得",
    "今天",
    "因为",
    "所以",
    "还是",
    "比较",
    "非常",
]


def _word(rng: random.Random, words: list[str]) -> str:
    """A word with a skewed frequency: index ~ n * u^3, so early words are common and the last rare."""
    return words[min(len(words) - 1, int(len(words) * rng.random() ** 3))]


def sentence(rng: random.Random, language: str, length: int) -> str:
    if language == "zh":
        parts = [_word(rng, ZH_WORDS) if rng.random() < 0.6 else rng.choice(ZH_GLUE) for _ in range(length)]
        return "".join(parts) + "。"
    parts = [_word(rng, EN_WORDS) if rng.random() < 0.5 else rng.choice(EN_GLUE) for _ in range(length)]
    return " ".join(parts).capitalize() + "."


def title(rng: random.Random, language: str) -> str:
    return sentence(rng, language, rng.randint(4, 8)).rstrip(".。")


def body(rng: random.Random, language: str, sentences: int) -> str:
    """Markdown paragraphs of `sentences` sentences."""
    paragraphs, left = [], sentences
    while left > 0:
        count = min(left, rng.randint(1, 3))
        joiner = "" if language == "zh" else " "
        paragraphs.append(joiner.join(sentence(rng, language, rng.randint(6, 14)) for _ in range(count)))
        left -= count
    return "\n\n".join(paragraphs)
