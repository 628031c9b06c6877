// Objects that are not what a constructor or method expects — a zeromq Context, look-alikes,
// another class's native object — fail with one TypeError (they aborted the process: throwing
// a second error over the first is fatal in Node-API). In a child process, which a crash ends.
import * as path from "node:path"
import {run, transcript} from "../helpers"

describe("foreign objects", () => {
  it("every case throws a catchable TypeError naming what was expected", async () => {
    const result = await run(process.execPath, [path.join(__dirname, "fixtures", "foreign-objects.js")], {
      timeout: 60000,
      killSignal: "SIGKILL",
    })
    if (result.status !== 0) throw new Error(transcript(result))
    const lines = result.stdout.trim().split("\n")
    expect(lines.pop()).toBe("survived")
    const outcomes = Object.fromEntries(lines.map(line => line.split(" => ", 2)))
    // zeromq v6's words ("Invalid argument"), then ours.
    const contextError = /^Error: Invalid argument: options.context must be a zmq-native Context \(got /
    for (const name of ["{}", "10", '"x"', "null", "{nativeContext: {}}", "zeromq Context"]) {
      expect(outcomes[`Push context ${name}`]).toMatch(contextError)
    }
    expect(outcomes["Push context Object.create(Context.prototype)"]).toMatch(contextError)
    for (const name of ["{}", "a native Socket", "a Proxy-trapped object"]) {
      expect(outcomes[`binding.Socket context ${name}`]).toBe(
        "TypeError: The context argument must be a native Context",
      )
    }
    for (const name of [
      "Socket.close on a Context",
      "Socket.closed on {}",
      "Context.getOption on a Socket",
    ]) {
      expect(outcomes[name]).toMatch(/^TypeError: Illegal invocation/)
    }
    expect(result.stderr).toBe("")
  })
})
