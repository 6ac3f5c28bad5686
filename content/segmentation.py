"""Words out of text in any of the UI's languages, for full-text search.

Chinese is written without spaces, so PostgreSQL's parser sees a whole sentence as one "word" and a
search for 构图 never finds 摄影构图的基础. jieba segments Chinese into words: documents are segmented in
its search mode (every word and the shorter words inside long ones: 摄影构图 gives 摄影, 构图 and 摄影构图),
queries in its precise mode (the words a person meant), so a query's words are always among a matching
document's. Latin text is lowercased and split on non-word characters; the two mix freely.

The output is words joined by spaces: PostgreSQL indexes it with the `simple` configuration (no
stemming, no stop words: the segmentation is already done), SQLite searches it with LIKE.
"""

import logging
import re
from functools import cache

import jieba

WORD = re.compile(r"\w+")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MAX_QUERY_WORDS = 12

jieba.setLogLevel(logging.WARNING)


@cache
def _tokenizer() -> jieba.Tokenizer:
    """jieba's dictionary, loaded once per process (about a second) on first use."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _words(text: str, *, for_query: bool) -> list[str]:
    words = []
    for chunk in WORD.findall(text.lower()):
        if not HAN.search(chunk):
            words.append(chunk)
            continue
        pieces = _tokenizer().cut(chunk) if for_query else _tokenizer().cut_for_search(chunk)
        words.extend(piece for piece in pieces if WORD.fullmatch(piece))
    return words


def document_words(text: str) -> str:
    """`text` as the words the index holds, joined by spaces."""
    return " ".join(_words(text, for_query=False))


def query_words(text: str) -> list[str]:
    """The distinct words of a search, in order, at most MAX_QUERY_WORDS: each one is a `\\w+` word,
    safe to put in a tsquery."""
    return list(dict.fromkeys(_words(text, for_query=True)))[:MAX_QUERY_WORDS]
