// TypeScript views of the Avro records in this folder (kept in step with the .avsc files; the
// schema round-trip test checks every sample event against its schema).
export type RunMode = "script" | "library";

export interface Timing {
  stage: string;
  startedAt: number;
  ms: number;
  worker: string;
  cached: boolean;
}

interface Envelope {
  runId: string;
  moduleId: string;
  path: string;
  contentHash: string;
  timings: Timing[];
}

export interface SourceEvent extends Envelope {
  root: string;
  source: string;
  isPackage: boolean;
  mode: RunMode;
}

export interface RunManifest {
  runId: string;
  mode: RunMode;
  root: string;
  modules: string[];
  createdAt: number;
}

export interface ParsedModule extends SourceEvent {
  lines: number;
  runnable: boolean;
  topLevel: string[];
}

export type ImportKind = "local" | "stdlib" | "unknown";
export interface ImportRef {
  module: string;
  line: number;
  col: number;
  kind: ImportKind;
}
export interface ParamInfo {
  name: string;
  annotation: string | null;
  hasDefault: boolean;
}
export interface FunctionInfo {
  name: string;
  line: number;
  params: ParamInfo[];
  returns: string | null;
  calls: string[];
  locals: { name: string; type: string }[];
  isGenerator: boolean;
}

export interface AnalyzedModule extends Omit<ParsedModule, "topLevel"> {
  imports: ImportRef[];
  functions: FunctionInfo[];
  classes: string[];
}

export interface RustSignature {
  python: string;
  rust: string;
  typed: boolean;
}

export interface SpecModule extends Omit<AnalyzedModule, "functions" | "classes"> {
  signatures: RustSignature[];
  wit: string;
}

export interface TranspiledModule extends Envelope {
  root: string;
  isPackage: boolean;
  mode: RunMode;
  lines: number;
  runnable: boolean;
  rustModule: string;
  rust: string;
  imports: string[];
  wit: string;
}

export interface Program extends Envelope {
  root: string;
  mode: RunMode;
  lines: number;
  modules: string[];
  rust: string;
  wit: string;
}

export interface BuiltProgram extends Program {
  rustHash: string;
  toolchain: string;
  wasm: Buffer;
  wasmDigest: string;
}

export interface ValidationReport {
  valid: boolean;
  error: string | null;
  size: number;
  imports: string[];
  exports: string[];
  memoryMinBytes: number;
  memoryMaxBytes: number | null;
  wasiCommand: boolean;
}

export interface ValidatedProgram extends BuiltProgram {
  validation: ValidationReport;
}

export interface TestReport {
  passed: boolean;
  expectedExit: number;
  actualExit: number | null;
  stdoutMatches: boolean;
  timedOut: boolean;
  trap: string | null;
  diff: string | null;
  stderrTail: string;
  pythonMs: number;
  wasmMs: number;
}

export interface TestedProgram extends ValidatedProgram {
  test: TestReport;
}

export interface ArtifactEvent extends Envelope {
  wasmDigest: string;
  size: number;
  registryRef: string;
  files: string[];
  validation: ValidationReport;
  test: TestReport;
}

export type FailureKind = "syntax" | "unsupported" | "compile" | "invalid" | "mismatch" | "dependency" | "internal";

export interface FailureEvent extends Envelope {
  stage: string;
  kind: FailureKind;
  line: number;
  col: number;
  construct: string;
  message: string;
  detail: string;
}

export type Outcome = "packaged" | "failed" | "imported";

export interface ModuleResult {
  runId: string;
  moduleId: string;
  path: string;
  outcome: Outcome;
  stage: string;
  report: string;
}

export interface JoinEvent {
  runId: string;
  manifest: RunManifest | null;
  module: TranspiledModule | null;
  failure: FailureEvent | null;
}

export interface DeadLetter {
  stage: string;
  topic: string;
  partition: number;
  offset: number;
  key: string;
  payload: Buffer;
  error: string;
  attempts: number;
  at: number;
}
