# The smallest Portalis example: functions, f-strings, a loop.
def greet(name, punctuation="!"):
    return f"Hello, {name}{punctuation}"


for who in ["world", "WebAssembly", "Rust"]:
    print(greet(who))
print(greet("Python", punctuation="?"))
