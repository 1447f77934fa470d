from util.fmt import money

class Overdraft(Exception):
    pass

class Account:
    count = 0

    def __init__(self, owner: str, balance: int = 0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def withdraw(self, amt: int) -> int:
        if amt > self.balance:
            raise Overdraft(f"{self.owner}: cannot withdraw {money(amt)} from {money(self.balance)}")
        self.balance -= amt
        return self.balance

    def __repr__(self):
        return f"Account({self.owner!r}, {money(self.balance)})"
