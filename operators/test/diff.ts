// A short, readable diff of expected vs actual output: the first differing line with context.
export function firstDifference(expected: string, actual: string, context = 2): string | null {
  if (expected === actual) return null;
  const e = expected.split("\n");
  const a = actual.split("\n");
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const from = Math.max(0, i - context);
  const out = [`@@ line ${i + 1} @@`];
  for (let k = from; k < i; k++) out.push(`  ${e[k]}`);
  for (let k = i; k < Math.min(e.length, i + context + 1); k++) out.push(`- ${JSON.stringify(e[k])}`);
  for (let k = i; k < Math.min(a.length, i + context + 1); k++) out.push(`+ ${JSON.stringify(a[k])}`);
  return out.join("\n");
}
