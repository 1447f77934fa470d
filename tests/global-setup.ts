// Builds the pyrt runtime rlib once before the suites start, so parallel test files do not each
// compile it (they share the on-disk cache afterwards).
import { runtimeLib } from "../bridges/rustc/runtime-lib.ts";
import { requireToolchain } from "../bridges/rustc/toolchain.ts";

export default async function setup(): Promise<void> {
  await runtimeLib(await requireToolchain());
}
