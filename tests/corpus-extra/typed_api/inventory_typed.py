# Typed dataclass-based API with classmethods, Optional returns, and dictionary aggregations.
from __future__ import annotations
from dataclasses import dataclass, field
from typing import Optional

@dataclass
class Product:
    sku: str
    name: str
    price: float
    stock: int = 0

    def total_value(self) -> float:
        return self.price * self.stock

    @classmethod
    def parse(cls, line: str) -> "Product":
        sku, name, price, stock = [p.strip() for p in line.split("|")]
        return cls(sku, name, float(price), int(stock))

@dataclass
class Warehouse:
    name: str
    products: dict[str, Product] = field(default_factory=dict)
    history: list[tuple[str, int]] = field(default_factory=list)

    def add(self, p: Product) -> None:
        self.products[p.sku] = p

    def find(self, sku: str) -> Optional[Product]:
        return self.products.get(sku)

    def move(self, sku: str, delta: int) -> bool:
        p = self.find(sku)
        if p is None or p.stock + delta < 0:
            return False
        p.stock += delta
        self.history.append((sku, delta))
        return True

    def value(self) -> float:
        return sum(p.total_value() for p in self.products.values())

    def low_stock(self, threshold: int = 5) -> list[str]:
        return sorted(p.name for p in self.products.values() if p.stock < threshold)

def summarize(w: Warehouse) -> dict[str, float | int]:
    return {"items": len(w.products), "units": sum(p.stock for p in w.products.values()), "value": round(w.value(), 2)}

lines = ["A1 | Widget | 2.50 | 10", "B2|Gadget|12.99|3", "C3 | Doohickey | 0.99 | 100"]
w = Warehouse("main")
for ln in lines:
    w.add(Product.parse(ln))
print(w.products["B2"])
print(summarize(w))
print(w.move("A1", -4), w.move("B2", -5), w.move("ZZ", 1), w.move("C3", 20))
print(w.history, w.low_stock(), w.low_stock(threshold=7))
print(w.find("A1"), w.find("nope"))
print(f"{w.value():,.2f}", f"{w.products['C3'].total_value():10.3f}|")
p = Product("X", "Thing", 1.0)
print(p, p == Product("X", "Thing", 1.0), repr(p.stock))
print(Warehouse("empty"), summarize(Warehouse("e2")))
