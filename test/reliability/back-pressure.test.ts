// One million messages through high-water marks of 10 (PUSH/PULL over tcp and ipc, a mandatory
// ROUTER to four DEALERs): every send awaited, nothing lost, order kept. zeromq@6 stalls on
// these (issue 11). Child processes, run side by side.
import * as path from "node:path"
import {run, transcript} from "../helpers"

const fixture = path.join(__dirname, "fixtures", "back-pressure.js")
const total = 1000000

describe("back-pressure without loss", () => {
  it.concurrent.each(["tcp", "ipc", "router"])(
    `%s: ${total} messages through HWM 10`,
    async which => {
      const result = await run(process.execPath, [fixture, which, String(total)], {
        timeout: 240000,
        killSignal: "SIGKILL",
      })
      if (result.status !== 0) throw new Error(transcript(result))
      const report = JSON.parse(result.stdout.trim())
      process.stdout.write(`back-pressure ${which}: ${JSON.stringify(report)}\n`)
      expect(report).toMatchObject({received: total, outOfOrder: 0})
      if (which === "router") expect(report.perDealer).toEqual([total / 4, total / 4, total / 4, total / 4])
    },
    300000,
  )
})
