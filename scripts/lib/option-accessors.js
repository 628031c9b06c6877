// Turns the option table (lib/options.ts) and the socket-type table (lib/socket-types.ts) into
// real, documented classes:
//   lib/generated/options.ts  SocketBase (the options every socket type has), ContextBase
//   lib/generated/sockets.ts  <Kind>Base for each socket type: its own options, and the send and
//                             receive methods its table row gives it, typed by its frame shape
// Each accessor's doc comment says what the option means, libzmq's name for it, its unit and
// default, so an editor's hover and "go to definition" lead somewhere.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {wrap} = require("./text")
const ts = require("typescript")

const root = path.resolve(__dirname, "../..")
const outputs = {
  options: path.join(root, "lib", "generated", "options.ts"),
  sockets: path.join(root, "lib", "generated", "sockets.ts"),
}

// Evaluates one of lib/'s table modules. They import types only, so nothing else is loaded.
function loadTable(file) {
  const source = fs.readFileSync(path.join(root, file), "utf8")
  const {outputText} = ts.transpileModule(source, {
    compilerOptions: {module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022},
  })
  const module = {exports: {}}
  const refuse = name => {
    throw new Error(`${file} must import types only (it imports ${name} at runtime)`)
  }
  new Function("exports", "require", "module", outputText)(module.exports, refuse, module)
  return module.exports
}

// What each frame shape's messages are in TypeScript: M one message sent, O the send options
// after it, R one message received.
const shapes = {
  multipart: {M: "MessageLike | MessageLike[]", O: "options?: OperationOptions", R: "Message[]"},
  single: {M: "MessageLike | [MessageLike]", O: "options?: OperationOptions", R: "[Message]"},
  routed: {M: "MessageLike", O: "options: RoutedSendOptions", R: "[Message, Routing]"},
  group: {M: "MessageLike", O: "options: GroupSendOptions", R: "[Message, GroupInfo]"},
  datagram: {M: "[MessageLike, MessageLike]", O: "options?: OperationOptions", R: "[Message, Message]"},
}

// kinds: the socket types that have the option, for a socket option; none for a context one.
function docComment(spec, kinds) {
  const facts = [`libzmq: \`${spec.zmq}\``]
  if (spec.unit) facts.push(`unit: ${spec.unit}`)
  if (spec.default) facts.push(`default: ${spec.default}`)
  const lines = wrap(spec.doc, 94)
  if (spec.access === "w") lines.push("Write-only: libzmq cannot read it back.")
  if (spec.unreadable) lines.push(`Reading it throws EINVAL, as in zeromq v6: ${spec.unreadable}.`)
  if (kinds) facts.push(`socket types: ${kinds}`)
  lines.push("", ...wrap(facts.join(" · "), 94))
  return ["  /**", ...lines.map(line => (line === "" ? "   *" : `   * ${line}`)), "   */"]
}

function valuesName(spec) {
  return `${spec.name}Values`
}

function typeOf(spec) {
  if (spec.values) return spec.values.map(value => JSON.stringify(value)).join(" | ")
  if (spec.type === "bool") return "boolean"
  if (spec.type === "string") return "string | null"
  return "number"
}

// The lib/core/option-values.ts functions an option's accessors call.
function socketCalls(spec) {
  if (spec.values) return {get: "getNamed", set: "setNamed", extra: valuesName(spec)}
  const suffix = {
    bool: "Bool",
    string: "String",
    int32: "Int32",
    uint32: "Uint32",
    int64: "Int64",
    uint64: "Uint64",
  }
  const name = suffix[spec.type]
  return {get: `get${name}`, set: `set${name}`}
}

function contextCalls(spec) {
  const name = spec.type === "bool" ? "Bool" : "Int32"
  return {get: `getContext${name}`, set: `setContext${name}`}
}

function accessors(spec, calls, used, kinds) {
  const type = typeOf(spec)
  const lines = docComment(spec, kinds)
  used.constants.add(spec.zmq)
  if (spec.values) used.values.set(valuesName(spec), spec.values)
  const extra = calls.extra ? `, ${calls.extra}` : ""
  const setExtra = spec.values
    ? `, ${valuesName(spec)}`
    : spec.atMost
      ? `, [this.${spec.atMost}, ${JSON.stringify(spec.atMost)}]`
      : ""
  if (spec.access !== "w") {
    used.functions.add(calls.get)
    lines.push(
      `  get ${spec.name}(): ${type} {`,
      `    return ${calls.get}(this[native], ${spec.zmq}${extra})`,
      "  }",
    )
  }
  if (spec.access !== "r") {
    used.functions.add(calls.set)
    // The setter carries the same comment (editors show it once; API documenters want both).
    if (spec.access !== "w") lines.push(...docComment(spec, kinds))
    lines.push(
      `  set ${spec.name}(value: ${type}) {`,
      `    ${calls.set}(this[native], ${spec.zmq}, ${JSON.stringify(spec.name)}, value${setExtra})`,
      "  }",
    )
  }
  return lines
}

function applies(spec, kind, type) {
  if (spec.for === undefined) return false
  if (spec.for === "readable") return type.readable
  if (spec.for === "writable") return type.writable
  return spec.for.includes(kind)
}

function newUsed() {
  return {functions: new Set(), constants: new Set(), values: new Map()}
}

function header(source) {
  return [
    "// Generated by `npm run generate` (scripts/lib/option-accessors.js) from",
    `// ${source}: do not edit.`,
  ]
}

function imports(used, head) {
  const lines = [...head]
  const functions = [...used.functions].filter(Boolean).sort()
  if (functions.length > 0) lines.push(`import {${functions.join(", ")}} from "../core/option-values"`)
  lines.push(`import {${[...used.constants].sort().join(", ")}} from "./zmq"`)
  for (const [name, values] of used.values) {
    lines.push("", `const ${name} = [${values.map(value => JSON.stringify(value)).join(", ")}] as const`)
  }
  return lines
}

function optionsSource({socketOptions, contextOptions}) {
  const used = newUsed()
  const socket = []
  for (const spec of socketOptions) {
    if (spec.for !== undefined) continue
    socket.push("", ...accessors(spec, socketCalls(spec), used, "all"))
  }
  const context = []
  for (const spec of contextOptions) context.push("", ...accessors(spec, contextCalls(spec), used))
  return [
    ...header("lib/options.ts"),
    ...imports(used, [
      'import {native} from "../core/handles"',
      'import {RawContextOptions, RawSocketOptions} from "../core/raw-options"',
    ]),
    "",
    // The classes' own names are Socket and Context: V8 names the class holding an accessor in
    // "Cannot set property type of #<Socket> which has only a getter", and zeromq v6's read-only
    // options are Socket's and Context's.
    "/** The options every socket type has: the base of Socket. */",
    "abstract class Socket extends RawSocketOptions {",
    ...socket,
    "}",
    "",
    "/** The options of a context: the base of Context. */",
    "abstract class Context extends RawContextOptions {",
    ...context,
    "}",
    "",
    "export {Socket as SocketBase, Context as ContextBase}",
  ].join("\n")
}

// Whether the type's messages are plain frames, which receiveInto can copy (a routing id or a
// group beside the frame needs the codec's own receive).
function receivesInto(type) {
  return type.readable && (type.frames === "multipart" || type.frames === "single")
}

function operations(type) {
  const {M, O, R} = shapes[type.frames]
  const lines = []
  const sendOptions = O.replace(/^options\??: /, "")
  const optionsArg = "options"
  // How many arguments zeromq v6's send() takes (its error names them): the message, and the
  // options where they are required. Ours always takes the options.
  const v6Arguments = O.startsWith("options?") ? 1 : 2
  if (type.writable) {
    lines.push(
      "",
      `  send(message: ${M}, ${O}): Promise<void> {`,
      `    if (arguments.length > 2) throw sendArgumentsError(message, arguments.length, ${v6Arguments})`,
      `    return this[engine].send(message, ${optionsArg})`,
      "  }",
      "",
      `  sendMany(messages: (${M})[], ${O}): Promise<void> {`,
      `    return this[engine].sendMany(messages, ${optionsArg})`,
      "  }",
    )
  }
  if (type.readable) {
    lines.push(
      "",
      "  receive(options: MetadataReceiveOptions): Promise<MessageWithMetadata>",
      `  receive(options?: OperationOptions): Promise<${R}>`,
      "  receive(options?: OperationOptions): Promise<unknown> {",
      "    return this[engine].receive(options)",
      "  }",
      "",
      `  receiveMany(max?: number, options?: OperationOptions): Promise<${R}[]> {`,
      `    return this[engine].receiveMany(max, options) as Promise<${R}[]>`,
      "  }",
      "",
      "  /**",
      "   * `for await (const message of socket)`: ends when the socket is closed.",
      "   *",
      "   * @throws The loop throws what `receive()` would reject with, `EAGAIN` and `EBADF` from",
      "   * closing excepted (those end it).",
      "   */",
      `  [Symbol.asyncIterator](): AsyncGenerator<${R}, undefined, undefined> {`,
      `    return this[engine].iterate() as AsyncGenerator<${R}, undefined, undefined>`,
      "  }",
    )
    if (receivesInto(type)) {
      lines.push(
        "",
        `  receiveInto(buffer: ArrayBufferView, options?: OperationOptions): Promise<number | ${R}> {`,
        `    return this[engine].receiveInto(buffer, options) as Promise<number | ${R}>`,
        "  }",
      )
    }
  }
  const implemented = []
  if (type.readable) implemented.push(`Readable<${R}>`)
  if (receivesInto(type)) implemented.push(`ReadableInto<${R}>`)
  if (type.writable) {
    const optional = O.startsWith("options?")
    implemented.push(optional ? `Writable<${M}>` : `Writable<${M}, [${sendOptions}]>`)
  }
  return {lines, implemented}
}

function socketsSource({socketOptions}, {socketTypes}) {
  const used = newUsed()
  const classes = []
  const kindsOf = spec =>
    Object.entries(socketTypes)
      .filter(([kind, type]) => applies(spec, kind, type))
      .map(([kind]) => kind)
      .join(", ")
  for (const [kind, type] of Object.entries(socketTypes)) {
    const body = []
    for (const spec of socketOptions) {
      if (applies(spec, kind, type)) {
        body.push("", ...accessors(spec, socketCalls(spec), used, kindsOf(spec)))
      }
    }
    const {lines, implemented} = operations(type)
    classes.push(
      "",
      `/** ${kind}'s own options and operations (from its rows in lib/socket-types.ts and lib/options.ts). */`,
      `export abstract class ${kind}Base extends Socket${implemented.length ? ` implements ${implemented.join(", ")}` : ""} {`,
      ...body.slice(1),
      ...lines,
      "}",
    )
  }
  return [
    ...header("lib/socket-types.ts and lib/options.ts"),
    ...imports(used, [
      'import {Socket, type Readable, type ReadableInto, type Writable} from "../socket"',
      'import {engine, native} from "../core/handles"',
      'import type {GroupInfo, GroupSendOptions, RoutedSendOptions, Routing} from "../core/codecs"',
      'import {sendArgumentsError, type Message, type MessageLike} from "../core/frames"',
      'import type {OperationOptions} from "../core/pending"',
      'import type {MessageWithMetadata, MetadataReceiveOptions} from "../metadata"',
    ]),
    ...classes,
  ].join("\n")
}

/** [{file, text}] for lib/generated/options.ts and lib/generated/sockets.ts. */
async function accessorSources() {
  const options = loadTable("lib/options.ts")
  const types = loadTable("lib/socket-types.ts")
  const prettier = require("prettier")
  const config = await prettier.resolveConfig(outputs.options)
  const format = text => prettier.format(text, {...config, parser: "typescript"})
  return [
    {file: outputs.options, text: await format(optionsSource(options))},
    {file: outputs.sockets, text: await format(socketsSource(options, types))},
  ]
}

module.exports = {accessorSources}
