import re
text = "The year 1999 and 2024, phone 555-1234 or 555-9876; email bob@example.com, ann.lee@mail.org"
print(re.findall(r"\d+", text), re.findall(r"(\d{3})-(\d{4})", text), re.findall(r"[\w.]+@(\w+)\.\w+", text))
m = re.search(r"(?P<user>[\w.]+)@(?P<host>[\w.]+)", text)
print(m.group(), m.group(1), m.group("host"), m.groups(), m.groupdict(), m.span(), m.start(2), m.end(), m[0], m)
print(re.match(r"\w+", text), re.match(r"\d+", text), re.fullmatch(r"\d+", "123"), re.fullmatch(r"\d+", "123a"))
print(re.sub(r"\s+", " ", "a   b \t\n c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "x@y and p@q"), re.sub(r"\d", lambda mm: str(int(mm.group()) * 2), "a1b2c3"))
print(re.sub("x*", "-", "abxd"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there", count=1), re.subn(r"a", "b", "banana"))
print(re.split(r"[,;]\s*", "a, b;c ,d"), re.split(r"(,)", "a,b,c"), re.split(r"\s+", "  lead trail  "), re.split(r"x*", "axbc"), re.split(r",", "a,b,c", maxsplit=1))
print([m.group() for m in re.finditer(r"\b\w{4}\b", text)], [m.span() for m in re.finditer(r"o", "foo boo")])
p = re.compile(r"(\w+)\s(\w+)", re.IGNORECASE)
print(p.match("Hello World").groups(), p.pattern, p.groups, p, re.compile(r"a.b", re.S | re.M))
print(re.findall(r"^\w+", "one\ntwo\nthree", re.M), re.findall(r"\w+$", "one\ntwo\nthree"), re.findall(r"a.c", "a\nc abc", re.DOTALL))
print(re.findall(r"HELLO", "hello Hello", re.I), re.findall(r"(a|b)+", "aabbc ab"), re.findall(r"a+?", "aaa"), re.findall(r"<.*?>", "<a><b>"))
print(re.findall(r"(\w)\1", "aabbcd"), re.findall(r"\w+(?=!)", "hi! yo! no"), re.findall(r"(?<=\$)\d+", "$10 and $20"), re.findall(r"\d+(?!px)", "10px 20em"))
print(re.escape("a.b*c"), re.findall(r"[^aeiou\s]+", "hello world"), re.findall(r"[A-Z][a-z]*", "HelloWorld FooBar"), re.findall(r"\$\d+\.\d{2}", "$3.50 $10.99"))
print(re.sub(r"(?i)cat", "dog", "Cat cat CAT"), re.findall(r"""\d+ # number
                 \s* [a-z]+ # unit""", "10 kg 5m", re.X))
try:
    re.compile(r"(abc")
except re.error as e:
    print("error", e)
try:
    re.compile(r"*a")
except re.error as e:
    print("error", e)
words = re.findall(r"[a-z']+", "It's a dog's life, isn't it?".lower())
print(words, len(words), re.sub(r"[^a-z ]", "", "Hello, World!".lower()))
print(re.match(r"(\d+)-(\d+)?", "12-").groups(), re.match(r"(\d+)-(\d+)?", "12-").groups("x"), re.search(r"(a)|(b)", "b").lastindex)
date = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
print(date.sub(r"\3/\2/\1", "on 2024-01-15 and 2023-12-31"), bool(date.search("no date")), date.findall("2020-02-02"))
print(re.findall(r"\b[aeiou]\w*", "apple banana orange umbrella kiwi"), re.findall(r"\d{2,3}", "1 12 123 1234"), re.findall(r"colou?r", "color colour"))
