# Exercises report banners with '=' fill alignment in f-strings, %-formatting of objects, !a conversions and sign-aware padding.
class Amount:
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        sign = "-" if self.cents < 0 else ""
        return f"{sign}{abs(self.cents) // 100}.{abs(self.cents) % 100:02d}"

    def __repr__(self):
        return f"Amount({self.cents})"

entries = [("Coffee", -450), ("Salary", 250000), ("Rent", -120000), ("Café au lait", -375), ("Refund", 1299)]
title = "Monthly Statement"
width = 36
print(f"{title:=^{width}}")
print(f"{'':=<{width}}")
balance = 0
for name, cents in entries:
    balance += cents
    amt = Amount(cents)
    print("%-14s %10s %10s" % (name, amt, Amount(balance)))
print(f"{'':-^{width}}")
print("closing balance: %s" % Amount(balance))
print("as repr: %r" % Amount(balance))
print("entries: %d, largest: %s" % (len(entries), max(entries, key=lambda e: abs(e[1]))[0]))
for name, cents in entries:
    print(f"{name!a:<20}|{cents:=+10}|{cents / 100:=+10.2f}|")
label = "total"
print(f"{label:=>12}{balance:=12}")
print(f"{label:*^12}|{label:=<12}|")
stats = {"min": min(c for _, c in entries), "max": max(c for _, c in entries)}
for key, val in stats.items():
    print(f"{key:>5}: {val:=+12,}")
section = "Breakdown"
print(f"{section:=^{width}}")
debits = [c for _, c in entries if c < 0]
credits = [c for _, c in entries if c > 0]
print("debits  %s (%d)" % (Amount(sum(debits)), len(debits)))
print("credits %s (%d)" % (Amount(sum(credits)), len(credits)))
ratio = -sum(debits) / sum(credits)
print(f"{'spend ratio':<14}{ratio:=10.1%}")
print(f"{' end ':=^{width}}")
