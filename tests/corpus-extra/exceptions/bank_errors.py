# Custom exception hierarchy, chaining, finally ordering, else, re-raise, exception attributes.
class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class AccountLocked(BankError):
    def __str__(self):
        return "account is locked!"

class Account:
    def __init__(self, balance):
        self.balance = balance
        self.locked = False

    def withdraw(self, amount):
        if self.locked:
            raise AccountLocked()
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance

def attempt(acct, amount):
    try:
        result = acct.withdraw(amount)
    except InsufficientFunds as e:
        print(f"  insufficient: {e} (short by {e.needed - e.available})")
    except BankError as e:
        print(f"  bank error {type(e).__name__}: {e}")
    except (ValueError, TypeError) as e:
        print(f"  bad input: {e!r}")
    else:
        print(f"  ok, balance {result}")
    finally:
        print(f"  done with {amount!r}")

acct = Account(100)
for amt in (30, 200, -5, "x"):
    print("withdraw", amt)
    attempt(acct, amt)
acct.locked = True
attempt(acct, 10)

def convert(s):
    try:
        return int(s)
    except ValueError as exc:
        raise BankError(f"cannot convert {s!r}") from exc

try:
    convert("abc")
except BankError as e:
    print(e, "| cause:", repr(e.__cause__), type(e.__cause__).__name__)

def nested():
    try:
        try:
            {}["k"]
        except KeyError:
            print("inner caught, re-raising")
            raise
        finally:
            print("inner finally")
    except LookupError as e:
        print("outer caught", type(e).__name__, e, e.args)
        return "from except"
    finally:
        print("outer finally")

print(nested())
try:
    raise InsufficientFunds(5, 1)
except Exception as e:
    print(e.args, str(e), isinstance(e, BankError), InsufficientFunds.__mro__[1:3])
e2 = AccountLocked("ignored arg")
print(str(e2), repr(e2), e2.args)
errors = []
for thunk in (lambda: 1 / 0, lambda: [][0], lambda: int("z"), lambda: None.attr, lambda: "a" + 1, lambda: undefined_name):
    try:
        thunk()
    except Exception as e:
        errors.append(f"{type(e).__name__}: {e}")
print("\n".join(errors))
