"""Core banking package."""
from .account import Account, Overdraft
from . import ledger

__all__ = ["Account", "Overdraft", "ledger"]
VERSION = "1.2"
