// Generated sources are committed and must be what their generator makes from their one home
// today — lib/generated/zmq.ts from the vendored zmq.h, the accessor classes from the option and
// socket-type tables: a changed header or table shows here (`npm run generate` fixes it).
import {spawnSync} from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"

const root = path.resolve(__dirname, "../..")

describe("generated sources (npm run generate)", () => {
  // In a child: the generator formats with prettier, which jest's module sandbox cannot load.
  it("every file of lib/generated/ is up to date", () => {
    const script = path.join(root, "scripts", "generate-sources.js")
    const result = spawnSync(process.execPath, [script, "--check", "--list"], {cwd: root, encoding: "utf8"})
    expect({status: result.status, stderr: result.stderr}).toEqual({status: 0, stderr: ""})
    // Nothing in lib/generated/ that no generator writes.
    expect(fs.readdirSync(path.join(root, "lib", "generated")).sort()).toEqual(
      result.stdout
        .trim()
        .split("\n")
        .map(file => path.basename(file))
        .sort(),
    )
  })

  it("no libzmq number is written anywhere else in lib/ or test/", () => {
    // Where the old copies were: socket types, option ids, events, the linger/timeout options.
    const copies =
      /\b(getInt32|setInt32|getInt64|setInt64|getBytes|setBytes|getOption|setOption)\(\d+|[{,]\s*id: \d+|new binding\.Socket\([^,]+, \d+|\bconst ZMQ_\w+ = /
    const offenders: string[] = []
    for (const dir of ["lib", "test"]) {
      for (const file of fs.readdirSync(path.join(root, dir), {recursive: true}) as string[]) {
        if (!/\.(ts|js)$/.test(file) || file.startsWith("generated")) continue
        const text = fs.readFileSync(path.join(root, dir, file), "utf8")
        if (copies.test(text)) offenders.push(path.join(dir, file))
      }
    }
    expect(offenders).toEqual([])
  })
})
