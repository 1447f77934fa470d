# Caesar/vigenere ciphers, run-length encoding, translate, char counting.
import string

def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isupper():
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        elif ch.islower():
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)

def vigenere(text, key):
    res = ""
    k = 0
    for ch in text:
        if ch.isalpha():
            shift = ord(key[k % len(key)].lower()) - ord("a")
            res += caesar(ch, shift)
            k += 1
        else:
            res += ch
    return res

def rle(s):
    if not s:
        return ""
    out = []
    prev, cnt = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            cnt += 1
        else:
            out.append(f"{cnt}{prev}")
            prev, cnt = ch, 1
    out.append(f"{cnt}{prev}")
    return "".join(out)

msg = "Attack at Dawn, 5am!"
enc = caesar(msg, 3)
print(enc, "->", caesar(enc, -3))
v = vigenere(msg, "lemon")
print(v)
print(rle("aaabccddddde"), rle("x"), repr(rle("")))
table = str.maketrans("aeiou", "AEIOU", "xyz")
print("the lazy fox jumps".translate(table))
print(string.ascii_lowercase[:10], string.digits, string.punctuation[:8], string.ascii_uppercase[-3:])
counts = {}
for ch in "hello world":
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(" ".join(f"{ord(c):02x}" for c in "Hi!"), bytes("hi", "utf-8"), "hi".encode(), b"abc".decode())
print("is palindrome:", all(s == s[::-1] for s in ["racecar", "level", "noon"]))
words = ["listen", "silent", "enlist", "google", "gogole", "cat"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key, grp in groups.items():
    print(key, grp)
print("{:>{w}}|{:<{w}}|".format("r", "l", w=6), f"{'c':^{2 + 3}}|", f"{3.14159:.{2}f}")
print(string.capwords("hello   there world"), "ab".ljust(1), "%c%c" % (72, "i"))
