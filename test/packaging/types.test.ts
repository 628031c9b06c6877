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

// The v5 programs, each also as compiled against the declarations it was written for.
const v5 = ["v5.ts", "v5-zeromq.ts", "v5-typed.ts", "v5-typed-dt.ts"]

const settings: [string, ts.CompilerOptions, string[]][] = [
  [
    "CommonJS, node10 resolution",
    {module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10},
    ["sockets.ts", "draft.ts", "codec.ts", "options.ts", ...v5],
  ],
  [
    "Node16",
    {module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16},
    ["sockets.ts", "draft.ts", "codec.ts", "options.ts", ...v5, "esm.mts"],
  ],
  [
    "bundler",
    {module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler},
    ["sockets.ts", "draft.ts", "codec.ts", "options.ts", ...v5],
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
  fs.symlinkSync(
    path.join(root, "node_modules", "zeromq-v5-types"),
    path.join(project, "node_modules", "zeromq-v5-types"),
    "junction",
  )
  // The v5 programs once more against the declarations they were written for: the same code
  // must compile against both (the lines marked "ours only" removed).
  const again = (fixture: string, copy: string, module: string) => {
    const text = fs.readFileSync(path.join(fixtures, fixture), "utf8")
    const lines = text.replace('"zmq-native/v5-compat"', `"${module}"`).split("\n")
    fs.writeFileSync(
      path.join(project, copy),
      lines.filter(line => !line.endsWith("// ours only")).join("\n"),
    )
  }
  // zeromq@6's v5-compat, and zeromq v5's own declarations (@types/zeromq 5).
  again("v5.ts", "v5-zeromq.ts", "zeromq/v5-compat")
  again("v5-typed.ts", "v5-typed-dt.ts", "zeromq-v5-types")
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
