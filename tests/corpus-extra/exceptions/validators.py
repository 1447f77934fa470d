# Input validation with assertions, exception info, exception raised in __init__, and uncaught error at end.
class ValidationError(ValueError):
    def __init__(self, field, message):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")

class User:
    def __init__(self, name, age, email):
        if not name:
            raise ValidationError("name", "must not be empty")
        if not isinstance(age, int):
            raise ValidationError("age", f"expected int, got {type(age).__name__}")
        if not 0 <= age <= 150:
            raise ValidationError("age", f"out of range ({age})")
        if "@" not in email:
            raise ValidationError("email", f"invalid address {email!r}")
        self.name, self.age, self.email = name, age, email

    def __repr__(self):
        return f"User({self.name}, {self.age})"

inputs = [("ann", 30, "a@x.org"), ("", 5, "b@x"), ("cy", "old", "c@x"), ("dee", 200, "d@x"), ("eve", 40, "nope")]
users, problems = [], []
for args in inputs:
    try:
        users.append(User(*args))
    except ValidationError as e:
        problems.append((e.field, e.message))
        print("invalid:", e, "| isinstance ValueError:", isinstance(e, ValueError))
print(users, problems)

def safe_div(a, b):
    assert b != 0, f"division by zero with a={a}"
    return a / b

for a, b in [(1, 2), (3, 0)]:
    try:
        print(safe_div(a, b))
    except AssertionError as e:
        print("AssertionError:", e)
try:
    assert 1 > 2
except AssertionError as e:
    print("empty assert:", repr(e), str(e) == "")

def parse_int_list(s):
    out = []
    for i, part in enumerate(s.split(",")):
        try:
            out.append(int(part))
        except ValueError as e:
            raise ValueError(f"item {i}: {e}") from None
    return out

for s in ("1,2,3", "4,x,6", "7,,8"):
    try:
        print(parse_int_list(s))
    except ValueError as e:
        print("error:", e)
d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args[0])
try:
    [1, 2].index(5)
except ValueError as e:
    print(e)
try:
    int("12.5")
except ValueError as e:
    print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    (1, 2)[5]
except IndexError as e:
    print(e)
try:
    raise Exception("multi", 42)
except Exception as e:
    print(e, e.args)
print("about to fail")
User("zed", -1, "z@z")
print("not reached")
