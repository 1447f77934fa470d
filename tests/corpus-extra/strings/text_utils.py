# textwrap, json, re, string.Template, unicode handling, str.format_map, bytes.
import textwrap
import json
import re
from string import Template

para = "Portalis translates Python programs into Rust and then into WebAssembly, keeping the output identical to CPython for deterministic programs."
for line in textwrap.wrap(para, width=40):
    print(f"|{line:<40}|")
print(textwrap.fill("short text here", width=8))
print(textwrap.indent("a\nb", "> "), textwrap.shorten(para, width=30), textwrap.dedent("   x\n   y"))
data = {"name": "Ann", "tags": ["a", "b"], "age": 30, "ok": True, "none": None, "pi": 3.14}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
back = json.loads(s)
print(back == data, back["tags"], type(back["pi"]).__name__, json.loads("[1, 2.5, \"x\", null, false]"))
print(json.dumps("ünï"), json.dumps("ünï", ensure_ascii=False), json.dumps([1, (2, 3)]), json.dumps({"a": 1}, separators=(",", ":")))
print(re.findall(r"\b\w{5,}\b", para)[:4], re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.split(r"[;,]\s*", "a; b,c,  d"), re.findall(r"(\d+)-(\d+)", "1-2 33-44"), bool(re.search("^Port", para)))
pat = re.compile(r"(?P<key>\w+)=(?P<val>[^;]+)")
print([(m.group("key"), m.group("val")) for m in pat.finditer("a=1;b=two;c=3.0")], pat.sub(lambda m: m["key"].upper(), "x=1;y=2"))
print(re.match(r"\d+", "abc"), re.fullmatch(r"[a-z]+", "abc").group(), re.sub(r"\s+", "_", "  a  b "), re.escape("a.b"))
t = Template("$who likes ${what}s")
print(t.substitute(who="Tim", what="kiwi"), t.safe_substitute(who="Al"))
print("{name} is {age}".format_map({"name": "Bo", "age": 3}))
word = "naïve café"
print(word.upper(), len(word), word.encode("utf-8"), len(word.encode()), word[2], word.find("é"), ascii(word))
print(b"hello"[1], b"hello"[1:3], list(b"ab"), bytes([72, 105]), b"a,b".split(b","), "é".encode("utf-8").hex())
print("ß".lower(), "ǅ".upper(), "İ".lower().encode(), "ﬁ".upper(), "Σίσυφος".lower(), "hello"[::-1].title())
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.casefold), "ä" > "z", ord("€"), chr(8364))
print("a" "b" 'c', """x"y""", 'it\'s', r"\n raw", "\x41\u00e9\u2022", "\t|".expandtabs(4), "%s" % "\\")
