# A small library system: composition, class/static methods, properties with validation, __len__/__contains__.
class Book:
    _isbn_counter = 1000

    def __init__(self, title, author, year):
        self.title = title
        self.author = author
        self.year = year
        Book._isbn_counter += 1
        self.isbn = Book._isbn_counter
        self._borrower = None

    @property
    def available(self):
        return self._borrower is None

    @property
    def year(self):
        return self._year

    @year.setter
    def year(self, value):
        if not isinstance(value, int) or value < 0:
            raise ValueError(f"invalid year: {value!r}")
        self._year = value

    def __str__(self):
        return f"'{self.title}' by {self.author} ({self.year})"

    def __repr__(self):
        return f"Book({self.title!r}, {self.author!r}, {self.year})"

class Library:
    def __init__(self, name):
        self.name = name
        self.books = {}
        self.log = []

    def add(self, *books):
        for b in books:
            self.books[b.isbn] = b
        return self

    def __len__(self):
        return len(self.books)

    def __contains__(self, title):
        return any(b.title == title for b in self.books.values())

    def __iter__(self):
        return iter(sorted(self.books.values(), key=lambda b: b.year))

    def checkout(self, isbn, who):
        book = self.books.get(isbn)
        if book is None:
            self.log.append(f"missing {isbn}")
            return False
        if not book.available:
            self.log.append(f"{who} waits for {book.title}")
            return False
        book._borrower = who
        self.log.append(f"{who} took {book.title}")
        return True

    @staticmethod
    def format_count(n):
        return f"{n} book{'s' if n != 1 else ''}"

lib = Library("City")
lib.add(Book("Dune", "Herbert", 1965), Book("Emma", "Austen", 1815)).add(Book("Ubik", "Dick", 1969))
print(len(lib), "Dune" in lib, "Odyssey" in lib, Library.format_count(len(lib)), Library.format_count(1))
for b in lib:
    print(b, repr(b), b.isbn, b.available)
print(lib.checkout(1001, "ann"), lib.checkout(1001, "bob"), lib.checkout(9, "cy"))
print(lib.log)
try:
    Book("Bad", "Nobody", -5)
except ValueError as e:
    print("error:", e)
b = lib.books[1002]
b.year = 1816
print(b.year, b)
try:
    b.year = "soon"
except ValueError as e:
    print("error:", e)
print([b.title for b in lib if b.available], str(lib.books[1003]), Book._isbn_counter)
print(getattr(b, "missing", None), hasattr(Book, "available"), type(Book.available).__name__)
setattr(b, "note", "classic")
print(b.note, sorted(k for k in vars(b)))
