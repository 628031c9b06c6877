// CURVE certificates in ZeroMQ's text format (czmq's zcert, pyzmq's zmq.auth): a ZPL file
// (ZeroMQ RFC 4) with a `metadata` section and a `curve` section holding `public-key` and, in
// the secret file only, `secret-key`, both in Z85. `name.key` is public, `name.key_secret`
// (mode 0600) secret.
import * as fs from "node:fs"
import * as path from "node:path"
import {typeError} from "../errors"
import {curveKeyPair, curvePublic, z85Key} from "./keys"

/** A certificate's contents: Z85 keys and its metadata (name → value). */
export interface Certificate {
  /** The file it was read from. */
  path: string
  /** The public key, Z85 (40 characters). */
  publicKey: string
  /** Only in a secret certificate. */
  secretKey?: string
  /** The `metadata` section: name → value. */
  metadata: Record<string, string>
}

/** The two files createCertificate wrote. */
export interface CertificateFiles {
  /** `name.key`: share it with the peers that should trust this key. */
  publicFile: string
  /** `name.key_secret`, mode 0600: keep it private. */
  secretFile: string
}

/** A certificate file that is not well formed: `path` and `line` say where. */
export interface CertificateError extends Error {
  /** Always "ERR_INVALID_CERTIFICATE". */
  code: "ERR_INVALID_CERTIFICATE"
  /** The file. */
  path: string
  /** 1-based; 0 when the problem is the file as a whole (e.g. no public key). */
  line: number
}

function certificateError(file: string, line: number, what: string): CertificateError {
  const where = line > 0 ? `${file}:${line}` : file
  const error = new Error(`Invalid certificate ${where}: ${what}`) as CertificateError
  error.code = "ERR_INVALID_CERTIFICATE"
  error.path = file
  error.line = line
  return error
}

// ZPL names: letters, digits and $-_@.&+/ (RFC 4).
const zplName = /^[A-Za-z0-9$\-_@.&+/]+$/
// One ZPL line after its indentation: a name, then optionally "= value", then optionally a
// comment. The value is quoted with " or ', or bare: up to a comment or the end of the line
// (pyzmq writes metadata values bare, spaces and all).
const zplLine = /^([^\s=#]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s#"'](?:[^#]*[^\s#])?)))?\s*(?:#.*)?$/

interface Entry {
  line: number
  value: string
}

// The entries of the sections a certificate uses: section → name → entry.
function parse(file: string, text: string): Map<string, Map<string, Entry>> {
  const sections = new Map<string, Map<string, Entry>>()
  let section: Map<string, Entry> | undefined
  let depth = -1
  text.split("\n").forEach((raw, index) => {
    const line = index + 1
    const content = raw.endsWith("\r") ? raw.slice(0, -1) : raw
    const body = content.trimStart()
    if (body === "" || body.startsWith("#")) return
    const indent = content.length - body.length
    if (content.slice(0, indent).includes("\t")) throw certificateError(file, line, "indented with a tab")
    if (indent % 4 !== 0) throw certificateError(file, line, "indentation is not a multiple of 4 spaces")
    const level = indent / 4
    if (level > depth + 1) throw certificateError(file, line, "indented deeper than its parent")
    depth = level
    const match = zplLine.exec(body)
    if (match === null || !zplName.test(match[1]))
      throw certificateError(file, line, "not a ZPL name = value line")
    const [, name, doubleQuoted, singleQuoted, bare] = match
    if (level === 0) {
      section = sections.get(name) ?? new Map()
      sections.set(name, section)
      return
    }
    // Deeper levels are not part of the certificate format: skipped.
    if (level > 1) return
    if (section!.has(name)) throw certificateError(file, line, `"${name}" is given twice`)
    section!.set(name, {line, value: doubleQuoted ?? singleQuoted ?? bare ?? ""})
  })
  return sections
}

function keyOf(file: string, entry: Entry, name: string): string {
  try {
    return z85Key(name, entry.value)
  } catch (error) {
    throw certificateError(
      file,
      entry.line,
      `${name} is not a CURVE key in Z85 (${(error as Error).message})`,
    )
  }
}

/**
 * Reads a certificate file (public or secret). A file that is not well formed — no public key,
 * a key that is not 40 Z85 characters, a secret key that does not match the public one —
 * throws an error naming the file and line (`code: "ERR_INVALID_CERTIFICATE"`).
 *
 * @throws Error with code `ERR_INVALID_CERTIFICATE` (and `path`) for a malformed file, the
 * file system's error (`ENOENT`, `EACCES`, …) when it cannot be read; a TypeError when `file`
 * is not a string.
 */
export function loadCertificate(file: string): Certificate {
  if (typeof file !== "string") throw typeError("path", "a string", file)
  const sections = parse(file, fs.readFileSync(file, "utf8"))
  const curve = sections.get("curve")
  const publicEntry = curve?.get("public-key")
  if (publicEntry === undefined) throw certificateError(file, 0, 'no "public-key" in a "curve" section')
  const certificate: Certificate = {
    path: file,
    publicKey: keyOf(file, publicEntry, "public-key"),
    metadata: {},
  }
  const secretEntry = curve!.get("secret-key")
  if (secretEntry !== undefined) {
    const secretKey = keyOf(file, secretEntry, "secret-key")
    if (curvePublic(secretKey) !== certificate.publicKey) {
      throw certificateError(file, secretEntry.line, "secret-key does not belong to public-key")
    }
    certificate.secretKey = secretKey
  }
  for (const [name, entry] of sections.get("metadata") ?? []) certificate.metadata[name] = entry.value
  return certificate
}

/**
 * Reads every public certificate (`*.key`) in a folder, in name order; secret ones
 * (`*.key_secret`) are left alone. A malformed file throws, naming it.
 *
 * @throws Error with code `ERR_INVALID_CERTIFICATE` for a malformed file, the file system's
 * error when the folder or a file cannot be read; a TypeError when `directory` is not a string.
 */
export function loadCertificates(directory: string): Certificate[] {
  if (typeof directory !== "string") throw typeError("directory", "a string", directory)
  return fs
    .readdirSync(directory)
    .filter(name => name.endsWith(".key"))
    .sort()
    .map(name => {
      const {secretKey: _secret, ...certificate} = loadCertificate(path.join(directory, name))
      return certificate
    })
}

// A ZPL value, quoted with whichever quote it does not contain.
function zplValue(argument: string, value: unknown): string {
  if (typeof value !== "string") throw typeError(argument, "a string", value)
  if (/[\r\n]/.test(value)) throw typeError(argument, "a string without line breaks", value)
  if (!value.includes('"')) return `"${value}"`
  if (!value.includes("'")) return `'${value}'`
  throw typeError(argument, "a string without both kinds of quotes", value)
}

function certificateText(
  kind: "public" | "secret",
  metadata: [string, string][],
  publicKey: string,
  secretKey?: string,
): string {
  const lines = [
    `#   ZeroMQ CURVE ${kind === "public" ? "public" : "**secret**"} certificate, written by zmq-native on ${new Date().toISOString()}`,
    kind === "public"
      ? "#   Give it to the peers that should trust this key."
      : "#   Keep it private: whoever can read it can pass for its owner.",
    "",
    "metadata",
    ...metadata.map(([name, value]) => `    ${name} = ${value}`),
    "curve",
    `    public-key = "${publicKey}"`,
  ]
  if (secretKey !== undefined) lines.push(`    secret-key = "${secretKey}"`)
  return lines.join("\n") + "\n"
}

/**
 * Creates a new CURVE key pair as two certificate files in `directory` (made if missing):
 * `name.key` (public) and `name.key_secret` (secret, mode 0600), with optional metadata in
 * both. Refuses (EEXIST) to overwrite an existing certificate.
 *
 * @throws Error with code `EEXIST` when the certificate exists, the file system's error when
 * the folder cannot be made or written; a TypeError naming `directory`, `name` (a path
 * separator in it) or a metadata name or value that a certificate cannot hold.
 */
export function createCertificate(
  directory: string,
  name: string,
  metadata: Record<string, string> = {},
): CertificateFiles {
  if (typeof directory !== "string") throw typeError("directory", "a string", directory)
  if (typeof name !== "string" || name === "" || name === "." || name === ".." || /[/\\\0]/.test(name)) {
    throw typeError("name", "a file name (no path separators)", name)
  }
  if (metadata === null || typeof metadata !== "object") throw typeError("metadata", "an object", metadata)
  const entries = Object.entries(metadata).map(([key, value]): [string, string] => {
    if (!zplName.test(key) || key.length > 255) {
      throw typeError(`metadata name "${key}"`, "up to 255 letters, digits or $-_@.&+/", key)
    }
    return [key, zplValue(`metadata.${key}`, value)]
  })
  const {publicKey, secretKey} = curveKeyPair()
  fs.mkdirSync(directory, {recursive: true})
  const files = {
    publicFile: path.join(directory, `${name}.key`),
    secretFile: path.join(directory, `${name}.key_secret`),
  }
  // "wx": never replace an existing key; the secret file is created with mode 0600 at once.
  fs.writeFileSync(files.secretFile, certificateText("secret", entries, publicKey, secretKey), {
    flag: "wx",
    mode: 0o600,
  })
  try {
    fs.writeFileSync(files.publicFile, certificateText("public", entries, publicKey), {
      flag: "wx",
      mode: 0o644,
    })
  } catch (error) {
    fs.rmSync(files.secretFile)
    throw error
  }
  return files
}
