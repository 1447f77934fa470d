# Library-mode example: modules importing each other.
from stock import Item

items = [Item("bolt", 120, 0.25), Item("nut", 300, 0.1), Item("gear", 7, 12.5)]
for item in sorted(items, key=lambda i: i.value(), reverse=True):
    print(f"{item.name:<5} {item.qty:>4} x {item.price:>6.2f} = {item.value():>7.2f}")
print("total:", round(sum(i.value() for i in items), 2))
print(items[0])
