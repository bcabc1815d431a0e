"""Vietnamese routing and answer-format words read as their English equivalents.

Vietnamese forms write the skip as a sentence after the answers (`Nếu trả lời “Không”,
chuyển sang câu A6.` — if the answer is "No", move to question A6), the answer format in
brackets (`(có thể chọn nhiều đáp án)` — several answers may be chosen, `(chọn một)`) and the
write-in as `(ghi rõ)`; `glossary` puts them into the English words the instruction reader
knows, phrase by phrase.
"""

from __future__ import annotations

import re

# "câu A6", "câu hỏi 12", "phần D": the question (or part) gone to
_TARGET = r"(?:câu(?:\s+hỏi)?|phần)\s+([A-Z]{0,4}\d{1,3}[a-z]?|[A-Z])\b"

PHRASES: tuple[tuple[str, str], ...] = (
    (rf"(?:chuyển|đi|bỏ\s+qua\s+và\s+chuyển)\s+(?:sang|đến|tới|xuống)\s+{_TARGET}", r"GO TO \1"),
    (r"kết\s+thúc\s+(?:phỏng\s+vấn|khảo\s+sát|phiếu)|dừng\s+phỏng\s+vấn", "TERMINATE"),
    (r"(?:có\s+thể\s+)?chọn\s+nhiều(?:\s+(?:đáp\s+án|phương\s+án|lựa\s+chọn))?", "MULTI CODE"),
    (r"chỉ\s+chọn\s+một(?:\s+(?:đáp\s+án|phương\s+án))?|chọn\s+một", "SINGLE CODE"),
    (r"chỉ\s+hỏi\s+(?:nếu|khi)", "ASK IF"),
    (r"hỏi\s+tất\s+cả", "ASK ALL"),
    (r"ghi\s+rõ", "SPECIFY"),
    (r"khoanh\s+tròn", "CIRCLE"),
    (r"nếu\s+(?:người\s+trả\s+lời\s+|Ông/Bà\s+)?(?:trả\s+lời|chọn)", "IF YOU ANSWERED"),
    (r"\bnếu\b", "IF"),
    (r"\bhoặc\b", "OR"),
)

# the letters only Vietnamese writes (a hooked or dotted vowel, đ) and its routing words
HINT = re.compile(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]|\b(?:chuyển|câu|nếu)\b", re.I)
