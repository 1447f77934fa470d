# Word frequencies with dicts, sorting by several keys and string methods.
TEXT = """The quick brown fox jumps over the lazy dog.
The dog sleeps; the fox runs. A quick fox is a happy fox!"""

counts = {}
for line in TEXT.splitlines():
    for raw in line.split():
        word = raw.strip(".,;!?").lower()
        counts[word] = counts.get(word, 0) + 1

ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:5]:
    print(f"{word:<6} {'#' * n} {n}")
print("distinct:", len(counts), "total:", sum(counts.values()))
print(sorted({w[0] for w in counts}))
