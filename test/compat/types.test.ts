// Code typed against zeromq v6 must compile unchanged against zmq-native. The corpus in types/
// (v6's README and API-documentation examples, typed use of every class, option and event)
// imports "zeromq"; it is compiled once against zeromq v6 — proving it is valid v6 code — and
// once with "zeromq" resolved to our shipped declarations (dist/), in a strict project with
// `"types": []` and isolatedModules, under the module settings users have.
import * as fs from "node:fs"
import * as path from "node:path"
import * as ts from "typescript"
import {checkBuilt, root} from "../packaging/built"
import {knownTypeErrors} from "./types/known-errors"

const corpus = ["readme.ts", "surface.ts", "draft.ts"].map(file => path.join(__dirname, "types", file))

const settings: [string, ts.CompilerOptions][] = [
  [
    "CommonJS, node10 resolution",
    {module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10},
  ],
  ["bundler", {module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler}],
]

// Our package in place of zeromq: the declarations a user's editor would load.
const ours: ts.CompilerOptions = {
  baseUrl: root,
  paths: {zeromq: ["dist/index.d.ts"], "zeromq/draft": ["dist/draft.d.ts"]},
}

function compile(options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(corpus, {
    ...options,
    strict: true,
    noEmit: true,
    isolatedModules: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    types: [],
  })
  return ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`
    const {line} = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    const file = path.relative(root, diagnostic.file.fileName)
    // The first words of the message: enough to tell errors apart in the known list.
    return `${file}:${line + 1}: TS${diagnostic.code} ${message.split(" ").slice(0, 6).join(" ")}`
  })
}

function writeKnownErrors(errors: string[]): void {
  const file = path.join(__dirname, "types/known-errors.ts")
  const text = fs.readFileSync(file, "utf8")
  const start = text.indexOf("[\n") + 2
  const list = errors.map(error => `  ${JSON.stringify(error)},\n`).join("")
  fs.writeFileSync(file, text.slice(0, start) + list + "]\n")
}

beforeAll(() => checkBuilt())

describe.each(settings)("v6-typed code, %s", (_name, options) => {
  it("compiles against zeromq v6", () => {
    expect(compile(options)).toEqual([])
  }, 60_000)

  it("compiles against zmq-native", () => {
    const errors = compile({...options, ...ours})
    // UPDATE_KNOWN_TYPE_ERRORS=1 rewrites the list after a change to the declarations.
    if (process.env.UPDATE_KNOWN_TYPE_ERRORS) writeKnownErrors(errors)
    expect(errors).toEqual(knownTypeErrors)
  }, 60_000)
})

it("the corpus covers every option zeromq v6 declares", () => {
  const declared = fs.readFileSync(require.resolve("zeromq/lib/index.d.ts"), "utf8")
  const surface = fs.readFileSync(corpus[1], "utf8")
  const options = [...declared.matchAll(/^ {8}(?:readonly )?(\w+): [^;(]+;$/gm)].map(match => match[1])
  expect(options.length).toBeGreaterThan(50)
  expect(options.filter(option => !new RegExp(`\\.${option}\\b|\\b${option}:`).test(surface))).toEqual([])
})
