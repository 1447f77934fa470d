from string import Template
import string
t = Template("$who likes ${what}s; costs $$5 $x")
print(t.substitute(who="Tim", what="kiwi", x=1), t.safe_substitute({"who": "Al"}), t.template)
print(string.Template("a $b").substitute({"b": 2}, b=3))
for bad in ("oops $ here", "x\n  ${bad", "$1"):
    try:
        Template(bad).substitute()
    except ValueError as e:
        print(e)
    print(Template(bad).safe_substitute())
try:
    t.substitute(who=1)
except KeyError as e:
    print("KeyError", e)
