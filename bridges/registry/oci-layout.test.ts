import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MEDIA, OciLayout, digestOf } from "./oci-layout.ts";

describe("OCI layout registry", () => {
  it("stores a CNCF wasm artifact: one application/wasm layer, wasm config, tagged in index.json", async () => {
    const root = await mkdtemp(join(tmpdir(), "oci-"));
    const reg = new OciLayout(root);
    const wasm = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const desc = await reg.putWasmArtifact("portalis/demo:abc", wasm, { "org.opencontainers.image.title": "demo.wasm" });
    expect(JSON.parse(await readFile(join(root, "oci-layout"), "utf8"))).toEqual({ imageLayoutVersion: "1.0.0" });
    const manifest = JSON.parse((await reg.getBlob(desc.digest)).toString());
    expect(manifest.mediaType).toBe(MEDIA.manifest);
    expect(manifest.config.mediaType).toBe(MEDIA.config);
    expect(manifest.layers).toHaveLength(1);
    expect(manifest.layers[0]).toMatchObject({ mediaType: "application/wasm", digest: digestOf(wasm), size: wasm.length });
    const config = JSON.parse((await reg.getBlob(manifest.config.digest)).toString());
    expect(config).toMatchObject({ architecture: "wasm", os: "wasip1", layerDigests: [digestOf(wasm)] });
    expect((await reg.resolve("portalis/demo:abc"))?.digest).toBe(desc.digest);
    expect(existsSync(join(root, "blobs", "sha256", digestOf(wasm).slice(7)))).toBe(true);
  });

  it("retags atomically and keeps one entry per reference under concurrent writes", async () => {
    const root = await mkdtemp(join(tmpdir(), "oci-"));
    const reg = new OciLayout(root);
    await Promise.all(Array.from({ length: 10 }, (_, i) => reg.putWasmArtifact(`portalis/m${i % 3}:t`, Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, i]), {})));
    const index = JSON.parse(await readFile(join(root, "index.json"), "utf8"));
    expect(index.manifests).toHaveLength(3);
  });
});
