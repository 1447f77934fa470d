CURRENCY = "$"

def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{CURRENCY}{cents // 100:,}.{cents % 100:02d}"

def table(rows):
    width = max(len(str(r[0])) for r in rows)
    return "\n".join(f"{str(a):<{width}} | {b}" for a, b in rows)
