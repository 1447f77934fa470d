# Package with subpackages, relative imports, module globals, __all__, package attributes.
import core
from core import Account, ledger
from core.ledger import transfer, entries
from util import fmt
from util.fmt import money as m
import util.fmt as f2

a = Account("ann", 150000)
b = Account("bob", 500)
print(a, b, Account.count, core.VERSION)
print(transfer(a, b, 2550), transfer(b, a, 999999), transfer(b, a, 50))
print(entries is ledger.entries, len(ledger.entries))
print(fmt.table(entries))
print(m(-123456), f2.money(5), fmt.CURRENCY, f2 is fmt)
fmt.CURRENCY = "EUR "
print(m(100), a)
print(sorted(core.__all__), __name__, fmt.__name__, core.account.__name__)
try:
    b.withdraw(10 ** 9)
except core.Overdraft as e:
    print("Overdraft:", e)
