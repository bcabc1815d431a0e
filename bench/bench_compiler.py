"""Compiler speed: a generated 100-question and 500-question .docx, read and compiled end to end,
and worst-case text inputs (long runs on one line, many lines, many questions, a long table).

Prints one JSON line per figure (`python -m bench.bench_compiler`); aims: < 1 s and < 5 s, and a
few seconds at most for each worst case (more means a rule backtracks or loops over lines twice).
Each worst case runs in a child process stopped after `WORST_CASE_LIMIT` seconds, so that one rule
gone quadratic shows as a figure over the limit instead of holding up the whole bench.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import time

from docx import Document as new_docx
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.documents import read_document


def questionnaire_docx(questions: int) -> bytes:
    """A questionnaire of `questions` questions in a mix of types, routing and layouts."""
    doc = new_docx()
    doc.add_heading("Generated tracker", 1)
    for number in range(1, questions + 1):
        if number % 25 == 1:
            doc.add_heading(f"SECTION {number // 25 + 1}", 2)
        kind = number % 5
        if kind == 0:
            doc.add_paragraph(
                f"Q{number}.\tHow many times did you do activity {number} last month?"
            )
            doc.add_paragraph("[NUMERIC. RANGE 0-99]")
        elif kind == 1:
            doc.add_paragraph(f"Q{number}.\tWhich of these brands have you bought?  [MULTI CODE]")
            for code, label in enumerate(("Alpha", "Beta", "Gamma", "Delta"), 1):
                doc.add_paragraph(f"{label}\t{code}")
            doc.add_paragraph("None of these\t99")
        elif kind == 2:
            doc.add_paragraph(f"Q{number}.\tHow much do you agree with each statement?")
            table = doc.add_table(rows=4, cols=6)
            for col, label in enumerate(("", "Disagree", "2", "3", "4", "Agree")):
                table.cell(0, col).text = label
            for row in range(1, 4):
                table.cell(row, 0).text = f"Statement {row}"
                for col in range(1, 6):
                    table.cell(row, col).text = str(col)
        elif kind == 3:
            doc.add_paragraph(f"Q{number}.\tDo you own product {number}?")
            doc.add_paragraph("Yes\t1")
            para = doc.add_paragraph("No\t2  ")
            target = min(number + 2, questions)
            para.add_run(f"GO TO Q{target}").font.color.rgb = RGBColor(0xC0, 0, 0)
        else:
            doc.add_paragraph(f"[ASK IF Q{number - 1} = 1]")
            doc.add_paragraph(f"Q{number}.\tWhy do you say that?")
            doc.add_paragraph("[OPEN END – LARGE TEXT BOX]")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def measure(questions: int) -> dict[str, object]:
    """Seconds to read and compile a generated questionnaire of `questions` questions."""
    data = questionnaire_docx(questions)
    started, cpu_started = time.perf_counter(), time.process_time()
    survey = compile_document(read_document(data, f"q{questions}.docx")).survey
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "figure": f"compile_docx_{questions}_questions",
        "value": round(seconds, 3),
        "unit": "s",
        # CPU seconds of this process: steadier than wall time on a shared machine
        "cpu_seconds": round(cpu, 3),
        "questions_found": len(survey.questions()),
    }


def pathological_inputs() -> dict[str, tuple[str, str]]:
    """Worst-case documents by figure name: (text, file name)."""
    questions = "\n\n".join(
        f"## Q{n}. How often do you do thing {n}?\n\n- [ ] Yes\n- [ ] No" for n in range(1, 5001)
    )
    ask = "Q1. What is your name?"
    table_rows = "\n".join(f"| Row {n} | ○ | ○ | ○ |" for n in range(1, 2001))
    return {
        "line_200kb_dots": ("." * 200_000, "dots.txt"),
        "line_200kb_underscores": ("_" * 200_000, "underscores.txt"),
        "line_200kb_dashes": ("-" * 200_000, "dashes.txt"),
        "lines_20000_boxes": ("\n".join("☐ x" for _ in range(20_000)), "boxes.txt"),
        # one long line where a rule reads it (an answer, a cell before its code): patterns that
        # backtracked over a long word took minutes here
        "word_50000_under_question": (f"{ask}\n" + "a" * 50_000, "word.txt"),
        "word_50000_before_code": ("Q1. Which one?\n" + "a" * 50_000 + "\t1\nNo\t2", "cell.txt"),
        "words_50x1000_under_question": (f"{ask}\n" + " ".join(["a" * 1_000] * 50), "words.md"),
        "digits_50000_under_question": (f"{ask}\n" + "1" * 50_000, "digits.txt"),
        "boxes_20000_under_question": (f"{ask}\n" + "☐" * 20_000, "boxes.txt"),
        "dots_50000_before_code": ("Q1. Which one?\n" + "." * 50_000 + "\t1\nNo\t2", "dots.txt"),
        "tokens_20000_alternating": (f"{ask}\n" + "1 a " * 20_000, "tokens.txt"),
        "line_20000_open_brackets": ("(" * 20_000, "brackets.txt"),
        "line_20000_open_square_brackets": ("[" * 20_000, "square.md"),
        "markdown_5000_questions": (questions, "questions.md"),
        "markdown_table_2000_rows": (
            "| Item | 1 | 2 | 3 |\n|---|---|---|---|\n" + table_rows,
            "table.md",
        ),
    }


def measure_text(figure: str, text: str, name: str) -> dict[str, object]:
    """Seconds to read and compile one worst-case text document."""
    started, cpu_started = time.perf_counter(), time.process_time()
    survey = compile_document(read_document(text.encode("utf-8"), name)).survey
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "figure": f"compile_worst_{figure}",
        "value": round(seconds, 3),
        "unit": "s",
        "cpu_seconds": round(cpu, 3),
        "questions_found": len(survey.questions()),
    }


#: Seconds a worst case may take before it is stopped and reported as over the limit.
WORST_CASE_LIMIT = 120


def _measure_into(results: multiprocessing.Queue[dict[str, object]], figure: str) -> None:
    text, name = pathological_inputs()[figure]
    results.put(measure_text(figure, text, name))


def measure_limited(figure: str) -> dict[str, object]:
    """One worst case in a child process, stopped at the limit (a figure that says so)."""
    results: multiprocessing.Queue[dict[str, object]] = multiprocessing.Queue()
    child = multiprocessing.Process(target=_measure_into, args=(results, figure))
    child.start()
    child.join(WORST_CASE_LIMIT)
    if child.is_alive():
        child.terminate()
        child.join()
        return {
            "figure": f"compile_worst_{figure}",
            "value": None,
            "unit": "s",
            "error": f"stopped after {WORST_CASE_LIMIT} s",
        }
    return results.get(timeout=5)


def main() -> None:
    """Print the figures as JSON lines (after a small warm-up run, so imports are not timed)."""
    compile_document(read_document(questionnaire_docx(5), "warmup.docx"))
    for questions in (100, 500):
        print(json.dumps(measure(questions)))
    for figure in pathological_inputs():
        print(json.dumps(measure_limited(figure)), flush=True)


if __name__ == "__main__":
    main()
