import json
data = {"name": "Ann", "age": 31, "tags": ["a", "b"], "ok": True, "none": None, "score": 9.5, "nested": {"x": [1, {"y": []}], "e": {}}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent="\t"))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps("héllo ☃ 😀"), json.dumps("héllo", ensure_ascii=False), json.dumps((1, 2)))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}), json.dumps(float("inf")), json.dumps(1e20), json.dumps(2**70), json.dumps("a\"b\\c\n\t\x01"))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({"s": {1, 2}}, default=sorted))
s = '{"a": [1, 2.5, -3e2, true, false, null], "b": "x\\u00e9\\n", "c": {"d": "\\ud83d\\ude00"}}'
obj = json.loads(s)
print(obj, obj["c"]["d"] == "😀", json.loads("123"), json.loads(" [ ] "), json.loads('"\\/"'))
for bad in ["", "[1,]", "{'a': 1}", "[1] x", '{"a" 1}', '"abc']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e)
    except ValueError as e:
        print("ValueError", e)
print(json.loads(json.dumps(data)) == data)
