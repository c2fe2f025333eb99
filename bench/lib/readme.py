"""Puts bench output into the README: the code block after each
`<!-- bench/NAME.sh -->` marker is replaced by the text in DIR/NAME.txt.

    python3 bench/lib/readme.py README.md DIR

Markers without an output file are left alone; an output file without a
marker is an error, so a renamed bench cannot silently stop updating.
"""
import pathlib
import re
import sys

readme, outputs = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
text = readme.read_text()
for out in sorted(outputs.glob("*.txt")):
    marker = f"<!-- bench/{out.stem}.sh -->"
    if marker not in text:
        sys.exit(f"bench: {readme} has no {marker} for {out}")
    block = re.compile(re.escape(marker) + r"\n```\n.*?\n```\n", re.S)
    body = out.read_text().rstrip("\n")
    text, found = block.subn(lambda _: f"{marker}\n```\n{body}\n```\n", text, count=1)
    if not found:
        sys.exit(f"bench: {marker} in {readme} is not followed by a code block")
readme.write_text(text)
