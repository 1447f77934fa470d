// A registry folder in OCI image layout (oci-layout, index.json, blobs/sha256/<hex>) holding WASM
// artifacts in the CNCF wasm artifact format: config application/vnd.wasm.config.v0+json and exactly
// one application/wasm layer. Blobs are content-addressed, so storing twice is free.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const MEDIA = {
  manifest: "application/vnd.oci.image.manifest.v1+json",
  config: "application/vnd.wasm.config.v0+json",
  wasm: "application/wasm",
  rust: "text/x-rust",
} as const;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export function digestOf(bytes: Uint8Array): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

async function atomicWrite(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * Runs fn holding a lock file (created exclusively): the workers of a deployment share one registry folder,
 * so index.json's read-modify-write must exclude other processes too. A lock older than staleMs is taken over.
 */
async function withFileLock<T>(lock: string, fn: () => Promise<T>, staleMs = 30_000): Promise<T> {
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    try {
      await (await open(lock, "wx")).close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > staleMs) await rm(lock, { force: true });
      else await new Promise((r) => setTimeout(r, wait));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

export class OciLayout {
  private indexWrites: Promise<void> = Promise.resolve();

  constructor(readonly root: string) {}

  private blobPath(digest: string): string {
    return join(this.root, "blobs", "sha256", digest.replace(/^sha256:/, ""));
  }

  async init(): Promise<void> {
    await mkdir(join(this.root, "blobs", "sha256"), { recursive: true });
    const layout = join(this.root, "oci-layout");
    if (!existsSync(layout)) await atomicWrite(layout, JSON.stringify({ imageLayoutVersion: "1.0.0" }));
    const index = join(this.root, "index.json");
    if (!existsSync(index)) await atomicWrite(index, JSON.stringify({ schemaVersion: 2, manifests: [] }, null, 2));
  }

  async putBlob(bytes: Uint8Array, mediaType: string): Promise<Descriptor> {
    await this.init();
    const digest = digestOf(bytes);
    const path = this.blobPath(digest);
    if (!existsSync(path)) await atomicWrite(path, bytes);
    return { mediaType, digest, size: bytes.length };
  }

  async getBlob(digest: string): Promise<Buffer> {
    return readFile(this.blobPath(digest));
  }

  /** Stores a wasm artifact and tags it `ref` in index.json; returns the manifest descriptor. */
  async putWasmArtifact(ref: string, wasm: Uint8Array, annotations: Record<string, string>, os: "wasip1" | "wasip2" = "wasip1"): Promise<Descriptor> {
    const layer = await this.putBlob(wasm, MEDIA.wasm);
    const config = { created: new Date(0).toISOString(), architecture: "wasm", os, layerDigests: [layer.digest] };
    const configDesc = await this.putBlob(Buffer.from(JSON.stringify(config)), MEDIA.config);
    const manifest = {
      schemaVersion: 2,
      mediaType: MEDIA.manifest,
      config: configDesc,
      layers: [{ ...layer, annotations: { "org.opencontainers.image.title": annotations["org.opencontainers.image.title"] ?? "module.wasm" } }],
      annotations,
    };
    const manifestDesc = await this.putBlob(Buffer.from(JSON.stringify(manifest)), MEDIA.manifest);
    await this.tag(ref, manifestDesc);
    return manifestDesc;
  }

  /** index.json updates are serialized within the process and across processes (a lock file), and written atomically. */
  tag(ref: string, desc: Descriptor): Promise<void> {
    const write = this.indexWrites.then(() =>
      withFileLock(join(this.root, "index.json.lock"), async () => {
        const path = join(this.root, "index.json");
        const index = JSON.parse(await readFile(path, "utf8")) as { schemaVersion: number; manifests: Descriptor[] };
        index.manifests = index.manifests.filter((m) => m.annotations?.["org.opencontainers.image.ref.name"] !== ref);
        index.manifests.push({ ...desc, annotations: { "org.opencontainers.image.ref.name": ref } });
        await atomicWrite(path, JSON.stringify(index, null, 2));
      }),
    );
    this.indexWrites = write.catch(() => undefined);
    return write;
  }

  async resolve(ref: string): Promise<Descriptor | null> {
    const index = JSON.parse(await readFile(join(this.root, "index.json"), "utf8")) as { manifests: Descriptor[] };
    return index.manifests.find((m) => m.annotations?.["org.opencontainers.image.ref.name"] === ref) ?? null;
  }
}
