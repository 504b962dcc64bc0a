"""Small synthetic inputs shared by the bad-input tests of the reader and the CLI."""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
PROSE_ONLY = (
    "= Battle of Nowhere =\n\n"
    "On March 3, 2015, rebels attacked the town of Nowhere.\n\n"
    "== Aftermath ==\n"
    "The army said that 12 soldiers were killed and 30 were wounded.\n"
)
GARBAGE_LINES = (
    "= Battle of Garbage =\n\nInfobox\n- Conflict: Battle of Garbage\n- Date: 99/99/9999\n"
    "- Combatant1: ((per per\n- Casualties1: ((per per 10^999 killed\n"
    "- Casualties2: 10^999 killed (per ((\n"
)
