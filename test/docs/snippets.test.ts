// Every code block in README.md, docs/ and the doc comments of lib/ works as shown: TypeScript
// and JavaScript blocks are type-checked against lib/ (strict), blocks marked run are also run
// as programs against the built package (exit 0, and the exact output where the document shows
// it), Python blocks compile, shell blocks parse and name npm scripts that exist, JSON parses.
// A block in any other language fails: nothing is shown to readers unchecked. How blocks are
// marked: test/docs/snippets.ts.
import {spawnSync} from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import * as ts from "typescript"
import {allSnippets, root, type Snippet} from "./snippets"

const snippets = allSnippets()
const name = (snippet: Snippet) => `${snippet.file}:${snippet.line}`
const typescript = ["ts", "typescript", "js", "javascript"]
const notCode = ["text"]
const checked = [...typescript, "python", "py", "sh", "bash", "shell", "json"]

// Runnable blocks become ES modules inside the repository, where "zmq-native" resolves to the
// package itself (its "exports", i.e. dist/) as it does for users.
const runDir = path.join(root, "dist-snippets")
const fileName = (snippet: Snippet, extension: string) =>
  `${snippet.file.replace(/[/.]/g, "-")}-${snippet.line}${extension}`

function source(snippet: Snippet): string {
  // The prelude goes on the block's first line so that line numbers stay the document's.
  const prelude = snippet.prelude.replace(/\n/g, " ")
  return `${prelude}${prelude ? " " : ""}${snippet.code}export {}\n`
}

it("README and docs have code blocks, each in a language this test checks", () => {
  expect(snippets.length).toBeGreaterThan(0)
  const unchecked = snippets
    .filter(s => ![...checked, ...notCode].includes(s.language))
    .map(s => `${name(s)}: "${s.language}"`)
  expect(unchecked).toEqual([])
  expect(snippets.filter(s => s.run && !typescript.includes(s.language)).map(name)).toEqual([])
})

describe("TypeScript and JavaScript blocks type-check", () => {
  const blocks = snippets.filter(s => typescript.includes(s.language))
  let diagnostics: Map<string, string[]>

  beforeAll(() => {
    const files = new Map(blocks.map(s => [path.join(root, "dist-snippets", "check", fileName(s, ".ts")), s]))
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2022.d.ts", "lib.esnext.disposable.d.ts"],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
      typeRoots: [path.join(root, "node_modules", "@types")],
      baseUrl: root,
      paths: {
        "zmq-native": ["./lib/index.ts"],
        "zmq-native/draft": ["./lib/draft.ts"],
        "zmq-native/v5-compat": ["./lib/v5-compat.ts"],
      },
    }
    const host = ts.createCompilerHost(options)
    const readFile = host.readFile
    host.readFile = file => (files.has(file) ? source(files.get(file)!) : readFile(file))
    host.fileExists = file => files.has(file) || ts.sys.fileExists(file)
    const program = ts.createProgram([...files.keys()], options, host)
    diagnostics = new Map(blocks.map(s => [name(s), []]))
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const snippet = diagnostic.file && files.get(diagnostic.file.fileName)
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")
      if (!snippet) throw new Error(`outside any snippet: ${text}`)
      const {line} = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
      diagnostics.get(name(snippet))!.push(`${snippet.file}:${snippet.line + 1 + line}: ${text}`)
    }
  }, 120_000)

  it.each(blocks.map(s => [name(s), s]))("%s", key => {
    expect(diagnostics.get(key)).toEqual([])
  })
})

describe("blocks marked run run as programs", () => {
  const blocks = snippets.filter(s => s.run)

  beforeAll(() => fs.mkdirSync(runDir, {recursive: true}))

  if (blocks.length > 0)
    it.each(blocks.map(s => [name(s), s]))(
      "%s",
      (_key, snippet) => {
        const program = ts.transpileModule(source(snippet), {
          compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022},
        }).outputText
        const file = path.join(runDir, fileName(snippet, ".mjs"))
        fs.writeFileSync(file, program)
        const result = spawnSync(process.execPath, [file], {cwd: root, encoding: "utf8", timeout: 30_000})
        const outcome = {status: result.status, signal: result.signal, stderr: result.stderr}
        expect(outcome).toEqual({status: 0, signal: null, stderr: ""})
        if (snippet.output !== undefined) expect(result.stdout).toBe(snippet.output)
      },
      60_000,
    )
})

describe("Python blocks compile", () => {
  const blocks = snippets.filter(s => ["python", "py"].includes(s.language))
  if (blocks.length > 0)
    it.each(blocks.map(s => [name(s), s]))("%s", (_key, snippet) => {
      const check = "import sys; compile(sys.stdin.read(), sys.argv[1], 'exec')"
      const result = spawnSync("/usr/bin/python3", ["-c", check, name(snippet)], {
        input: snippet.code,
        encoding: "utf8",
      })
      expect({status: result.status, stderr: result.stderr}).toEqual({status: 0, stderr: ""})
    })
})

describe("shell blocks parse and name npm scripts that exist", () => {
  const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts)
  const blocks = snippets.filter(s => ["sh", "bash", "shell"].includes(s.language))
  if (blocks.length > 0)
    it.each(blocks.map(s => [name(s), s]))("%s", (_key, snippet) => {
      const result = spawnSync("bash", ["-n"], {input: snippet.code, encoding: "utf8"})
      expect({status: result.status, stderr: result.stderr}).toEqual({status: 0, stderr: ""})
      const named = [...snippet.code.matchAll(/\bnpm run ([\w:-]+)/g)].map(match => match[1])
      expect(named.filter(script => !scripts.includes(script))).toEqual([])
    })
})

describe("JSON blocks parse", () => {
  const blocks = snippets.filter(s => s.language === "json")
  if (blocks.length > 0)
    it.each(blocks.map(s => [name(s), s]))("%s", (_key, snippet) => {
      expect(JSON.parse(snippet.code)).toBeDefined()
    })
})
