from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
