// Each of the seed's patterns with one side ours and the other pyzmq (Debian's python3-zmq),
// over tcp and ipc, with either side binding; exact frames asserted on both sides.
import {Peer, peersDir, python} from "./peer"
import {closeAll, runScenario, scenarios, type Open, type StartPeer} from "./scenarios"
import * as path from "node:path"

const peerScript = path.join(peersDir, "peer.py")

const startPython: StartPeer = (type, mode, endpoint, options) =>
  Peer.start(python, [peerScript, type, mode, endpoint, ...options])

const open: Open = new Set()
afterEach(() => closeAll(open))

describe.each(Object.entries(scenarios))("%s with pyzmq", (_pattern, cases) => {
  describe.each(["tcp", "ipc"] as const)("over %s", transport => {
    describe.each(["ours", "theirs"] as const)("%s binding", binder => {
      it.each(cases.map(scenario => [scenario.name, scenario] as const))("%s", async (_name, scenario) => {
        await runScenario(scenario, transport, binder, startPython, open)
      })
    })
  })
})
