// Large frames are lent to libzmq without copying; detaching the ArrayBuffer of one that libzmq
// still held (structuredClone or postMessage with a transfer list) freed the memory under it:
// a segfault, zeromq@6 too. Now a lent buffer cannot be detached (transferring it copies it,
// or throws DataCloneError), and frames that cannot be protected are copied. In a child
// process, which a crash ends.
import * as path from "node:path"
import {run, transcript} from "../helpers"

describe("lent frames", () => {
  it("detaching a lent buffer neither frees it under libzmq nor takes the sender's bytes", async () => {
    const fixture = path.join(__dirname, "fixtures", "lent-frames.js")
    const result = await run(process.execPath, ["--expose-gc", fixture], {
      timeout: 60000,
      killSignal: "SIGKILL",
    })
    if (result.status !== 0 || result.stderr !== "") throw new Error(transcript(result))
    const lines = result.stdout.trim().split("\n")
    const routes = lines.filter(line => !line.includes(" buffer: "))
    // Node without ArrayBuffer.prototype.transfer (18, 20) has two routes, later Node three.
    expect(routes.length).toBe(
      typeof (ArrayBuffer.prototype as {transfer?: unknown}).transfer === "function" ? 3 : 2,
    )
    // Where marking protects every route (Node 20: transfer() does not exist), frames are still
    // lent — bytes changed after the send travel (the README's "do not modify") — and a marked
    // buffer stays with its sender; elsewhere (Node 22: transfer() ignores the mark) frames are
    // copied and the sender's buffer may be detached like any other.
    const lent = lines.includes("plain buffer: received changed bytes")
    if (process.versions.node.startsWith("20.")) expect(lent).toBe(true)
    for (const line of routes) {
      const kept = lent ? "1048576" : "\\d+"
      expect(line).toMatch(
        new RegExp(`^\\w+: (allowed|DataCloneError), sender keeps ${kept} bytes, received intact true$`),
      )
    }
    // resize() shrinks in place, which no mark prevents: always copied.
    expect(lines).toContain("resizable buffer: received original bytes")
  })
})
