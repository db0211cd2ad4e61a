"""Run every benchmark in bench/ and print their reports (make eval)."""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SCRIPTS = ["entities_gum.py", "quotes_polnear.py", "events_plover.py", "events_realnews.py", "petrarch_suite.py", "speed.py"]

failed = []
for name in SCRIPTS:
    path = HERE / name
    if not path.exists():
        continue
    print(f"\n===== {name} =====", flush=True)
    if subprocess.run([sys.executable, str(path)]).returncode != 0:
        failed.append(name)
if failed:
    sys.exit(f"failed: {', '.join(failed)}")
