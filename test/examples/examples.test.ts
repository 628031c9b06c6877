// The README's main job: `npm run examples` runs every pattern of the seed document and exits 0.
// Each example runs in its own process; this checks they all finish, succeed and say what they did.
import {spawnSync} from "node:child_process"
import * as path from "node:path"

const root = path.resolve(__dirname, "../..")

describe("npm run examples", () => {
  it("runs every example to a successful end", () => {
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "run-examples.js")], {
      cwd: root,
      encoding: "utf8",
      timeout: 240_000,
    })
    const transcript = `${result.stdout}\n${result.stderr}`
    // On failure the transcript's end is part of the compared value, so the report shows it.
    const failure = result.status === 0 ? "" : transcript.slice(-4000)
    expect({status: result.status, signal: result.signal, failure}).toEqual({
      status: 0,
      signal: null,
      failure: "",
    })
    for (const name of ["pair", "req-rep", "pub-sub", "push-pull", "router-dealer", "late-joiner"]) {
      expect(transcript).toContain(`=== ${name}: ok`)
    }
    // The seed's patterns once more in zeromq v5 style (zmq-native/v5-compat).
    for (const name of ["v5/pair", "v5/req-rep", "v5/pub-sub", "v5/push-pull"]) {
      expect(transcript).toContain(`=== ${name}: ok`)
    }
    // Every pattern prints its exchange: the seed's request/reply and pipeline outputs.
    expect(transcript).toMatch(/World/)
    expect(transcript).toMatch(/worker/i)
  }, 300_000)
})
