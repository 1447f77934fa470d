from .account import Account, Overdraft

entries = []

def transfer(src: Account, dst: Account, amt: int) -> bool:
    try:
        src.withdraw(amt)
    except Overdraft as e:
        entries.append(("FAIL", str(e)))
        return False
    dst.balance += amt
    entries.append(("OK", f"{src.owner}->{dst.owner}:{amt}"))
    return True
