// tipc: the host kernel has none, so the scenarios run in User-Mode Linux guests booted by
// test/harness/run-in-uml: one guest for every one-node scenario (service addresses and port ids,
// REQ/REP and PUSH/PULL), two guests joined by a TIPC link for the cross-node ones. Both boots
// run at once; the guest side is fixtures/tipc-peer.js on the compiled dist/.
import * as path from "node:path"
import {root, run, transcript, type Run} from "../helpers"
import {fixtures, requireHarness} from "./fixtures/harness"

const harness = "test/harness/run-in-uml"
const peer = path.relative(root, path.join(fixtures, "tipc-peer.js"))

interface Result {
  scenario: string
  endpoint?: string
  ok: boolean
  [field: string]: unknown
}

function results(output: string): Map<string, Result> {
  const found = new Map<string, Result>()
  for (const match of output.matchAll(/^(?:node\d\| )?RESULT (.*)$/gm)) {
    const result = JSON.parse(match[1]) as Result
    found.set(result.scenario, result)
  }
  return found
}

// A hang detector, not a speed limit: a whole run (boot included) takes ~4 s at load 8, and
// at load 30 the guests' 10 s send/receive timeouts expired. The guests now wait for every
// message without a timeout, so the harness's limit alone ends a hang.
const runSeconds = 240
// Each test waits for its run.
jest.setTimeout((runSeconds + 30) * 1000)

let oneNode: Promise<Run>
let twoNodes: Promise<Run>

beforeAll(() => {
  requireHarness("tipc (User-Mode Linux)", {
    root: true,
    files: ["/usr/bin/linux.uml", harness],
    commands: ["tipc"],
  })
  oneNode = run(harness, ["--timeout", String(runSeconds), "--", "node", peer, "local"])
  twoNodes = run(harness, [
    "--timeout",
    String(runSeconds),
    "--node1",
    `node ${peer} server`,
    "--node2",
    `node ${peer} client`,
  ])
})

// The guests' results, failing with their whole output if the run did not succeed.
async function scenario(runs: Promise<Run>, name: string): Promise<Result> {
  const result = await runs
  const found = results(result.stdout).get(name)
  if (result.status !== 0 || found === undefined) throw new Error(`${name}: ${transcript(result)}`)
  return found
}

describe("tipc on one node", () => {
  it("REQ/REP over a service address (bind {5560,0,0}, connect {5560,0}@0.0.0)", async () => {
    const result = await scenario(oneNode, "service REQ/REP")
    expect(result).toMatchObject({roundTrips: 100, correct: 100, ok: true})
    // A service bind reports the port id the kernel gave the socket.
    expect(result.endpoint).toMatch(/^tipc:\/\/<\d+\.\d+\.\d+:\d+>$/)
  })

  it("PUSH/PULL over a service address, in order", async () => {
    await expect(scenario(oneNode, "service PUSH/PULL")).resolves.toMatchObject({
      sent: 1000,
      received: 1000,
      inOrder: true,
    })
  })

  it("REQ/REP over a port id (bind <*>, connect to the last endpoint)", async () => {
    const result = await scenario(oneNode, "port-id REQ/REP")
    expect(result).toMatchObject({roundTrips: 100, correct: 100, ok: true})
    expect(result.endpoint).toMatch(/^tipc:\/\/<\d+\.\d+\.\d+:\d+>$/)
  })

  it("PUSH/PULL over a port id, in order", async () => {
    await expect(scenario(oneNode, "port-id PUSH/PULL")).resolves.toMatchObject({
      sent: 1000,
      received: 1000,
      inOrder: true,
    })
  })
})

describe("tipc across two nodes joined by a link", () => {
  it("REQ/REP: node 2 asks, node 1 answers", async () => {
    await expect(scenario(twoNodes, "two nodes REQ/REP")).resolves.toMatchObject({
      roundTrips: 100,
      correct: 100,
      ok: true,
    })
  })

  it("PUSH/PULL: node 2 pushes, node 1 pulls, in order", async () => {
    await expect(scenario(twoNodes, "two nodes PUSH/PULL")).resolves.toMatchObject({
      sent: 1000,
      received: 1000,
      inOrder: true,
    })
  })
})
