#!/usr/bin/env node
// Builds the API reference (TypeDoc, configured by typedoc.json) into dist-docs/ or the folder
// given with --out, and measures how much of the public surface is documented: every exported
// class with its inherited and mixed-in members, function, variable, type and member that
// TypeDoc's notDocumented validation looks at. Exits non-zero on any TypeDoc warning or error,
// an undocumented symbol included, and on a class without an @example or a method without
// @throws. typedoc.json names the few type helpers that public types use but that are not
// exported themselves (intentionallyNotExported), and two properties TypeDoc makes up when it
// cannot resolve a mapped type (intentionallyNotDocumented). --json prints the figures as JSON on the last line.
import * as td from "typedoc"
import * as path from "node:path"
import {fileURLToPath} from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const args = process.argv.slice(2)
const outIndex = args.indexOf("--out")
const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(root, "dist-docs"))

/**
 * Counts what TypeDoc's documentation validation checks (validateDocumentation in TypeDoc's
 * source, same walk): functions and methods by their signatures, accessors by their get/set
 * signatures, type literals of an alias by the alias; only reflections of this package.
 */
function coverage(app, project) {
  const K = td.ReflectionKind
  let kinds = app.options.getValue("requiredToBeDocumented").reduce((all, name) => all | K[name], 0)
  if (kinds & K.FunctionOrMethod) kinds = (kinds | K.CallSignature) & ~K.FunctionOrMethod
  if (kinds & K.Constructor) kinds = (kinds | K.ConstructorSignature) & ~K.Constructor
  if (kinds & K.Accessor) kinds = (kinds | K.GetSignature | K.SetSignature) & ~K.Accessor
  const intentional = new Set(app.options.getValue("intentionallyNotDocumented"))
  const toProcess = project.getReflectionsByKind(kinds)
  const seen = new Set()
  const missing = []
  let total = 0
  outer: while (toProcess.length > 0) {
    const ref = toProcess.shift()
    if (seen.has(ref)) continue
    seen.add(ref)
    for (let parent = ref.parent; parent; parent = parent.parent) {
      if (parent.kindOf(K.Parameter)) continue outer
    }
    if (ref.kindOf(K.TypeLiteral) && ref.parent?.kindOf(K.TypeAlias)) {
      toProcess.push(ref.parent)
      continue
    }
    if (ref.kindOf(K.CallSignature) && ref.parent?.kindOf(K.TypeLiteral)) {
      toProcess.push(ref.parent.parent)
      continue
    }
    if (ref.kindOf(K.ConstructorSignature) && ref.parent?.parent?.kindOf(K.TypeAlias)) {
      toProcess.push(ref.parent.parent)
      continue
    }
    if (ref instanceof td.DeclarationReflection) {
      const signatures =
        ref.type instanceof td.ReflectionType
          ? ref.type.declaration.getNonIndexSignatures()
          : ref.getNonIndexSignatures()
      if (signatures.length > 0) {
        toProcess.push(...signatures)
        if (ref.kindOf(K.SignatureContainer)) continue
      }
    }
    const symbol = project.getSymbolIdFromReflection(ref)
    if (!symbol || symbol.packageName !== "zmq-native" || intentional.has(ref.getFriendlyFullName())) continue
    total++
    const documented = ref.hasComment() || (ref.kindOf(K.SomeSignature) && ref.parent?.hasComment())
    if (!documented) missing.push(ref.getFriendlyFullName())
  }
  return {total, documented: total - missing.length, missing}
}

/**
 * What the house style asks of the reference beyond a comment: every class shows an @example,
 * every method and function says what it throws (@throws; "Nothing." where it cannot).
 */
function conventions(project) {
  const K = td.ReflectionKind
  const ours = ref => project.getSymbolIdFromReflection(ref)?.packageName === "zmq-native"
  const findings = []
  for (const cls of project.getReflectionsByKind(K.Class)) {
    if (ours(cls) && !cls.comment?.getTag("@example"))
      findings.push(`${cls.getFriendlyFullName()}: no @example`)
  }
  for (const ref of project.getReflectionsByKind(K.Method | K.Function)) {
    if (!ours(ref)) continue
    for (const signature of ref.signatures ?? []) {
      const comment = signature.comment ?? ref.comment
      if (!comment?.getTag("@throws")) findings.push(`${ref.getFriendlyFullName()}: no @throws`)
    }
  }
  return [...new Set(findings)]
}

const app = await td.Application.bootstrapWithPlugins({out}, [
  new td.TypeDocReader(),
  new td.PackageJsonReader(),
  new td.TSConfigReader(),
])
const project = await app.convert()
if (!project) {
  console.error("build-api-docs: TypeDoc could not convert the project (errors above)")
  process.exit(1)
}
app.validate(project)
const figures = coverage(app, project)
const findings = conventions(project)
for (const finding of findings) console.log(`[convention] ${finding}`)
await app.generateDocs(project, out)

const {warningCount, errorCount} = app.logger
const percent = figures.total === 0 ? 0 : (100 * figures.documented) / figures.total
console.log(
  `build-api-docs: ${path.relative(root, out) || out}: ${errorCount} errors, ${warningCount} warnings; ` +
    `documented ${figures.documented} of ${figures.total} public reflections (${percent.toFixed(1)} %); ` +
    `${findings.length} without an @example (classes) or @throws (methods)`,
)
if (args.includes("--json")) {
  console.log(
    JSON.stringify({out, errors: errorCount, warnings: warningCount, ...figures, percent, findings}),
  )
}
process.exitCode = errorCount > 0 || warningCount > 0 || findings.length > 0 ? 1 : 0
