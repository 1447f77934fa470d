# Inheritance chains, abstract base classes, super(), class methods, __init_subclass__-free registry.
from abc import ABC, abstractmethod

class Animal(ABC):
    registry = []
    sound = "..."

    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Animal.registry.append(self)

    @abstractmethod
    def kind(self):
        ...

    def speak(self):
        return f"{self.name} the {self.kind()} says {self.sound}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, age={self.age})"

    @classmethod
    def create(cls, *names):
        return [cls(n) for n in names]

class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog"

class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name, age=0)
        self.tricks = []

    def kind(self):
        return "puppy " + super().kind()

    def learn(self, trick):
        self.tricks.append(trick)
        return self

class Cat(Animal):
    sound = "meow"

    def kind(self):
        return "cat"

    def speak(self):
        base = super().speak()
        return base + " (ignores you)"

try:
    Animal("x")
except TypeError as e:
    print("TypeError:", e)
pets = [Dog("rex", 3), Cat("tom"), Puppy("bit")]
pets += Cat.create("luna", "milo")
for p in pets:
    print(p.speak())
print(pets[2].learn("sit").learn("roll").tricks)
print(Animal.registry)
print([type(p).__mro__[1].__name__ for p in pets])
print(isinstance(pets[2], Dog), isinstance(pets[2], Cat), issubclass(Puppy, Animal), issubclass(Cat, Dog))
print(Puppy.__bases__, Puppy.__name__, Dog.sound, Puppy.sound, getattr(pets[1], "tricks", "none"))
print(hasattr(pets[2], "tricks"), vars(pets[0]), pets[0].__dict__["name"], pets[0].__class__.__name__)
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def describe(self):
        return f"{self.__class__.__name__} with area {self.area():.2f}"
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Sq(1.5).describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)
class Base:
    def __init__(self):
        print("Base init")
class Left(Base):
    def __init__(self):
        print("Left init")
        super().__init__()
class Right(Base):
    def __init__(self):
        print("Right init")
        super().__init__()
class Child(Left, Right):
    def __init__(self):
        print("Child init")
        super().__init__()
Child()
print([c.__name__ for c in Child.__mro__])
