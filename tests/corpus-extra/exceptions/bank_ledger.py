# Bank ledger with validation exceptions, rollback in except, exceptions carrying data, __repr__ of errors,
# exception classes defined with class attributes, and dict/list lookups failing with exact messages.
class LedgerError(Exception):
    code = "E000"

    def describe(self):
        return f"{self.code} {type(self).__name__}: {self}"


class InsufficientFunds(LedgerError):
    code = "E100"

    def __init__(self, account, needed):
        self.account = account
        self.needed = needed
        super().__init__(account, needed)

    def __str__(self):
        return f"{self.account} needs {self.needed} more"


class FrozenAccount(LedgerError):
    code = "E200"


class Ledger:
    def __init__(self, balances):
        self.balances = dict(balances)
        self.frozen = set()
        self.history = []

    def transfer(self, src, dst, amount):
        snapshot = dict(self.balances)
        try:
            if amount <= 0:
                raise ValueError(f"amount must be positive: {amount}")
            for acct in (src, dst):
                if acct in self.frozen:
                    raise FrozenAccount(acct)
            self.balances[src] -= amount
            self.balances[dst] += amount
            if self.balances[src] < 0:
                raise InsufficientFunds(src, -self.balances[src])
        except Exception:
            self.balances = snapshot
            self.history.append(("rollback", src, dst, amount))
            raise
        self.history.append(("ok", src, dst, amount))


ledger = Ledger({"ann": 100, "bob": 20, "cy": 0})
ledger.frozen.add("cy")
requests = [("ann", "bob", 30), ("bob", "ann", 80), ("ann", "cy", 5), ("ann", "zed", 1),
            ("bob", "ann", 0), ("bob", "ann", 50)]
for src, dst, amt in requests:
    try:
        ledger.transfer(src, dst, amt)
        print("moved", amt, src, "->", dst)
    except LedgerError as e:
        print(e.describe(), "| args:", e.args)
    except KeyError as e:
        print("no such account:", e, repr(e))
    except ValueError as e:
        print("bad request:", e)
print(ledger.balances)
for entry in ledger.history:
    print(" ", entry)
e = InsufficientFunds("ann", 5)
print(repr(e), str(e), e.code, LedgerError.code, FrozenAccount("x").describe())
print(repr(FrozenAccount("x", 1)), str(FrozenAccount()), repr(LedgerError()))
print(isinstance(e, LedgerError), isinstance(e, Exception), isinstance(e, BaseException))
print([c.__name__ for c in InsufficientFunds.__mro__])

def safe_get(seq, idx, default="?"):
    try:
        return seq[idx]
    except (IndexError, KeyError, TypeError) as exc:
        return f"{default}({type(exc).__name__})"

print(safe_get([1, 2], 5), safe_get({"a": 1}, "b"), safe_get(None, 0), safe_get("hey", 1), safe_get((1,), -1))
try:
    ledger.transfer("ann", "bob", -1)
except ValueError as exc:
    print("logged: %s" % exc, "| %r" % (exc,))
