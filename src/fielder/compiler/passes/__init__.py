"""IR → IR passes of the compiler, one a module: ids, carry-forward, logic, attention."""
