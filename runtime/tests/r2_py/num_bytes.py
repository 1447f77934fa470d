print((2**100).bit_length(), (-(2**70)).bit_length(), (0).bit_length(), (-1).bit_count(), (2**65 - 1).bit_count(), (5).conjugate(), True.bit_length())
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff", "big", signed=True), (-2).to_bytes(2, "big", signed=True))
print((3.0).is_integer(), (3.5).is_integer(), (0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (1.0).hex(), (0.1).hex(), (-0.0).hex(), float("inf").is_integer())
print((5).real, (5).imag, (2.5).real, (7).numerator, (7).denominator, True.real)
b = "héllo wörld".encode()
print(b, len(b), b.decode(), b.upper(), b.split(), b.find(b"w"), b.count(b"l"), b.startswith(b"h"), b.hex(), b"a,b".split(b","), b" x ".strip(), b"-".join([b"a", b"b"]))
print(b"abc".replace(b"b", b"B"), list(b"ab"), b"ab"[0], b"abc"[1:], bytes([65, 66]), bytes(3), b"A" in b"ABC", b"abc".decode("ascii"))
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print(int.__name__, str.__name__, type([].append).__name__)
print(sorted([3, 1, 2]).__len__(), "abc".__len__(), (1, 2).__contains__(2), {1: 2}.__contains__(1), [1, 2].__getitem__(0), "x".__add__("y"))
