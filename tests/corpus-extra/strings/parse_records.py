# Parsing simple CSV-like records and key=value config strings.
raw = """name,age,city
Alice,30,Paris
Bob,25,  London
 Carol ,41,New York
Dave,,Berlin"""

rows = [line.split(",") for line in raw.strip().split("\n")]
header, body = rows[0], rows[1:]
records = []
for row in body:
    rec = {h: v.strip() for h, v in zip(header, row)}
    rec["age"] = int(rec["age"]) if rec["age"].isdigit() else None
    records.append(rec)
for r in records:
    print(r)
ages = [r["age"] for r in records if r["age"] is not None]
print("avg age: %.1f" % (sum(ages) / len(ages)))
print(max(records, key=lambda r: r["age"] or 0)["name"])

config = "host = example.com; port=8080 ;debug=true; ratio = 0.75;name=  my app "
settings = {}
for part in config.split(";"):
    if "=" not in part:
        continue
    k, _, v = part.partition("=")
    k, v = k.strip(), v.strip()
    if v.isdigit():
        settings[k] = int(v)
    elif v in ("true", "false"):
        settings[k] = v == "true"
    else:
        try:
            settings[k] = float(v)
        except ValueError:
            settings[k] = v
print(settings)
for k in sorted(settings):
    print(f"{k:>6} -> {settings[k]!r} ({type(settings[k]).__name__})")
path = "/usr/local/lib/python3.11/site.py"
print(path.split("/"), path.rsplit("/", 1)[-1], path[path.rfind(".") + 1:])
print(path.removeprefix("/usr").removesuffix(".py"), path.startswith("/usr"))
sentence = "  multiple   spaces   here  "
print(repr(" ".join(sentence.split())), sentence.count(" "), repr(sentence.rstrip()))
print("%(name)s is %(age)d" % {"name": "Eve", "age": 22}, "%5s|%-5s|" % ("ab", "cd"))
print(str(3.0), str(True), str(None), str([1, "a"]), str((1,)), str({}), str(set()))
print("Done".rjust(10, "."), "a\tb".split("\t"), "x=1\ny=2".splitlines(keepends=True))
