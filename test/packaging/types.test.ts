// The shipped declarations (dist/*.d.ts) type-check a user's code, and keep rejecting what
// they must: the fixtures in types/ use the public API, with @ts-expect-error on every line
// that has to stay a type error. They are compiled in a scratch project whose node_modules
// links to this package, under the module settings users have: CommonJS with the old "node"
// resolution (no "exports"), Node16 (CommonJS and ES module files), and bundlers.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as ts from "typescript"
import {checkBuilt, root} from "./built"

const fixtures = path.join(__dirname, "types")

const settings: [string, ts.CompilerOptions, string[]][] = [
  [
    "CommonJS, node10 resolution",
    {module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10},
    ["sockets.ts", "draft.ts", "codec.ts", "options.ts", "v5.ts", "v5-zeromq.ts"],
  ],
  [
    "Node16",
    {module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16},
    ["sockets.ts", "draft.ts", "codec.ts", "options.ts", "v5.ts", "v5-zeromq.ts", "esm.mts"],
  ],
  [
    "bundler",
    {module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler},
    ["sockets.ts", "draft.ts", "codec.ts", "options.ts", "v5.ts", "v5-zeromq.ts"],
  ],
]

let project: string

beforeAll(() => {
  checkBuilt()
  project = fs.mkdtempSync(path.join(os.tmpdir(), "zmq-native-types-"))
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({name: "consumer", private: true}))
  fs.mkdirSync(path.join(project, "node_modules", "@types"), {recursive: true})
  fs.symlinkSync(root, path.join(project, "node_modules", "zmq-native"), "junction")
  fs.symlinkSync(
    path.join(root, "node_modules", "@types", "node"),
    path.join(project, "node_modules", "@types", "node"),
    "junction",
  )
  fs.symlinkSync(
    path.join(root, "node_modules", "zeromq"),
    path.join(project, "node_modules", "zeromq"),
    "junction",
  )
  for (const file of fs.readdirSync(fixtures))
    fs.copyFileSync(path.join(fixtures, file), path.join(project, file))
  // The v5 program once more, against zeromq@6's v5-compat: the same code must compile there.
  const v5 = fs.readFileSync(path.join(fixtures, "v5.ts"), "utf8")
  fs.writeFileSync(
    path.join(project, "v5-zeromq.ts"),
    v5
      .replace('"zmq-native/v5-compat"', '"zeromq/v5-compat"')
      .split("\n")
      .filter(line => !line.endsWith("// ours only"))
      .join("\n"),
  )
})

afterAll(() => {
  if (project) fs.rmSync(project, {recursive: true, force: true})
})

function compile(options: ts.CompilerOptions, files: string[]): {errors: string[]; loaded: string[]} {
  const program = ts.createProgram(
    files.map(file => path.join(project, file)),
    {
      ...options,
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts"],
      types: ["node"],
    },
  )
  const errors = ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")
    if (!diagnostic.file || diagnostic.start === undefined) return message
    const {line} = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return `${path.basename(diagnostic.file.fileName)}:${line + 1}: ${message}`
  })
  const loaded = program.getSourceFiles().map(file => path.relative(root, file.fileName))
  return {errors, loaded}
}

describe.each(settings)("%s", (_name, options, files) => {
  let result: ReturnType<typeof compile>

  beforeAll(() => {
    result = compile(options, files)
  }, 30_000)

  it("resolves zmq-native, zmq-native/draft and zmq-native/v5-compat to the built declarations", () => {
    expect(result.loaded).toEqual(
      expect.arrayContaining([
        path.join("dist", "index.d.ts"),
        path.join("dist", "draft.d.ts"),
        path.join("dist", "v5-compat.d.ts"),
      ]),
    )
    expect(result.loaded.filter(file => file.startsWith(`lib${path.sep}`))).toEqual([])
  })

  it(`type-checks ${files.join(", ")} with no error and no unused @ts-expect-error`, () => {
    expect(result.errors).toEqual([])
  })
})
