// Certificate files: what createCertificate writes (two files, the secret one 0600), what
// loadCertificate reads back, folders, and malformed files refused naming file and line.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as zmq from "../../lib"

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-certs-"))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

function write(name: string, text: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

describe("createCertificate / loadCertificate", () => {
  it("write name.key and name.key_secret (mode 0600) holding one key pair and the metadata", () => {
    const files = zmq.createCertificate(dir, "server", {name: "Server One", email: "ops@example.org"})
    expect(files).toEqual({
      publicFile: path.join(dir, "server.key"),
      secretFile: path.join(dir, "server.key_secret"),
    })
    expect(fs.statSync(files.secretFile).mode & 0o777).toBe(0o600)
    expect(fs.statSync(files.publicFile).mode & 0o777).toBe(0o644 & ~process.umask())

    const secret = zmq.loadCertificate(files.secretFile)
    const shared = zmq.loadCertificate(files.publicFile)
    expect(zmq.curvePublic(secret.secretKey!)).toBe(secret.publicKey)
    expect(shared).toEqual({
      path: files.publicFile,
      publicKey: secret.publicKey,
      metadata: {name: "Server One", email: "ops@example.org"},
    })
    expect(fs.readFileSync(files.publicFile, "utf8")).not.toContain("secret-key")
    expect(fs.readFileSync(files.publicFile, "utf8")).not.toContain(secret.secretKey)
  })

  it("quote a value holding double quotes with single ones, and refuse what ZPL cannot hold", () => {
    const {publicFile} = zmq.createCertificate(dir, "quoted", {motto: 'say "hi"'})
    expect(zmq.loadCertificate(publicFile).metadata).toEqual({motto: 'say "hi"'})
    expect(() => zmq.createCertificate(dir, "a", {motto: "two\nlines"})).toThrow(TypeError)
    expect(() => zmq.createCertificate(dir, "b", {motto: `"'`})).toThrow(TypeError)
    expect(() => zmq.createCertificate(dir, "c", {"bad name": "x"})).toThrow(TypeError)
    expect(() => zmq.createCertificate(dir, "d", {n: 1 as never})).toThrow(
      /"metadata.n" argument must be a string/,
    )
    expect(fs.readdirSync(dir).sort()).toEqual(["quoted.key", "quoted.key_secret"])
  })

  it("refuse names that are paths, and never overwrite an existing certificate", () => {
    for (const name of ["", ".", "..", "a/b", "..\\x", 42]) {
      expect(() => zmq.createCertificate(dir, name as string)).toThrow(/"name" argument must be a file name/)
    }
    const first = zmq.createCertificate(dir, "once")
    const before = fs.readFileSync(first.secretFile, "utf8")
    expect(() => zmq.createCertificate(dir, "once")).toThrow(expect.objectContaining({code: "EEXIST"}))
    expect(fs.readFileSync(first.secretFile, "utf8")).toBe(before)
  })

  it("make the folder when it is missing", () => {
    const nested = path.join(dir, "a", "b")
    const {publicFile} = zmq.createCertificate(nested, "x")
    expect(fs.existsSync(publicFile)).toBe(true)
  })

  it("read the ZPL forms other writers use: comments, single quotes, bare values, CRLF, other sections", () => {
    const {publicKey, secretKey} = zmq.curveKeyPair()
    const file = write(
      "other.key_secret",
      [
        "#   written elsewhere",
        "",
        "metadata",
        "    name = 'Other'   # a comment",
        "    plain = bare value, as pyzmq writes  # comment",
        "    empty",
        "context",
        "    iothreads = 1",
        "        nested = deeper",
        "curve",
        `    public-key = "${publicKey}"`,
        `    secret-key = "${secretKey}"`,
        "",
      ].join("\r\n"),
    )
    expect(zmq.loadCertificate(file)).toEqual({
      path: file,
      publicKey,
      secretKey,
      metadata: {name: "Other", plain: "bare value, as pyzmq writes", empty: ""},
    })
  })
})

describe("malformed certificate files", () => {
  const {publicKey, secretKey} = zmq.curveKeyPair()
  const other = zmq.curveKeyPair()
  const cases: [string, string, number, RegExp][] = [
    ["no curve section", "metadata\n", 0, /no "public-key"/],
    ["an empty file", "", 0, /no "public-key"/],
    [
      "a curve section without a public key",
      `curve\n    secret-key = "${secretKey}"\n`,
      0,
      /no "public-key"/,
    ],
    ["an empty public key", 'curve\n    public-key = ""\n', 2, /public-key is not a CURVE key/],
    [
      "a short public key",
      `curve\n    public-key = "${publicKey.slice(1)}"\n`,
      2,
      /public-key is not a CURVE key/,
    ],
    [
      "a key outside Z85",
      `curve\n    public-key = "${publicKey.slice(0, 39)} "\n`,
      2,
      /public-key is not a CURVE key/,
    ],
    [
      "a secret key of another pair",
      `curve\n    public-key = "${publicKey}"\n    secret-key = "${other.secretKey}"\n`,
      3,
      /does not belong/,
    ],
    [
      "a key given twice",
      `curve\n    public-key = "${publicKey}"\n    public-key = "${publicKey}"\n`,
      3,
      /given twice/,
    ],
    ["a tab for indentation", `curve\n\tpublic-key = "${publicKey}"\n`, 2, /tab/],
    ["indentation of 3 spaces", `curve\n   public-key = "${publicKey}"\n`, 2, /multiple of 4/],
    ["a line indented too deep", `curve\n        public-key = "${publicKey}"\n`, 2, /deeper than its parent/],
    ["an unterminated quote", `curve\n    public-key = "${publicKey}\n`, 2, /not a ZPL/],
    ["garbage", `curve\n    public-key = "${publicKey}"\n    = x\n`, 3, /not a ZPL/],
  ]

  it.each(cases)("refuse %s, naming file and line", (_name, text, line, message) => {
    const file = write("bad.key", text)
    let error: zmq.CertificateError | undefined
    try {
      zmq.loadCertificate(file)
    } catch (caught) {
      error = caught as zmq.CertificateError
    }
    expect(error).toMatchObject({code: "ERR_INVALID_CERTIFICATE", path: file, line})
    expect(error!.message).toContain(line > 0 ? `${file}:${line}` : file)
    expect(error!.message).toMatch(message)
    expect(error!.message).not.toContain(secretKey)
    expect(error!.message).not.toContain(other.secretKey)
  })

  it("a missing file fails with ENOENT naming it", () => {
    const file = path.join(dir, "missing.key")
    expect(() => zmq.loadCertificate(file)).toThrow(expect.objectContaining({code: "ENOENT", path: file}))
  })
})

describe("loadCertificates", () => {
  it("read every *.key file of a folder in name order, without secret keys or other files", () => {
    const b = zmq.createCertificate(dir, "b", {role: "b"})
    const a = zmq.createCertificate(dir, "a")
    write("README", "not a certificate\n")
    const certificates = zmq.loadCertificates(dir)
    expect(certificates.map(certificate => certificate.path)).toEqual([a.publicFile, b.publicFile])
    expect(certificates.map(certificate => certificate.publicKey)).toEqual([
      zmq.loadCertificate(a.secretFile).publicKey,
      zmq.loadCertificate(b.secretFile).publicKey,
    ])
    expect(certificates[1].metadata).toEqual({role: "b"})
    expect(certificates.every(certificate => certificate.secretKey === undefined)).toBe(true)
  })

  it("refuse the folder when one certificate is malformed, naming that file", () => {
    zmq.createCertificate(dir, "good")
    const bad = write("bad.key", "curve\n    public-key = nope\n")
    expect(() => zmq.loadCertificates(dir)).toThrow(expect.objectContaining({path: bad, line: 2}))
  })

  it("fail with ENOENT for a missing folder", () => {
    expect(() => zmq.loadCertificates(path.join(dir, "none"))).toThrow(
      expect.objectContaining({code: "ENOENT"}),
    )
  })
})
