# Stock records for the inventory example (imported by main.py).
class Item:
    def __init__(self, name, qty, price):
        self.name = name
        self.qty = qty
        self.price = price

    def value(self):
        return self.qty * self.price

    def __repr__(self):
        return f"Item({self.name!r}, {self.qty}, {self.price})"
