"""fielder.compiler: a read questionnaire (`Document`) → Survey IR, with clarifying questions.

Pure: no HTTP, no database. `compile_document` gives the survey and the open questions;
`clarify` yields the clarifying questions one by one.
"""

from fielder.compiler.compile import CompileResult, clarify, compile_document
from fielder.compiler.diagnostics import Clarification

__all__ = ["Clarification", "CompileResult", "clarify", "compile_document"]
