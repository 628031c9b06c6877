// The public surface: it changes only on purpose (the committed API reports in api/ must match
// the built declarations), and every public symbol and member — options included — has a doc
// comment an editor's hover shows.
import {spawnSync} from "node:child_process"
import * as path from "node:path"
import {checkBuilt, root} from "../packaging/built"

const {docCoverage} = require("../../scripts/lib/doc-coverage")

describe("public API", () => {
  beforeAll(() => checkBuilt())

  it("matches the committed API reports (npm run report-api updates them)", () => {
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "report-api.js"), "--check"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    })
    const problems = result.stderr.split("\n").filter(line => line.startsWith("report-api:"))
    expect({status: result.status, problems}).toEqual({status: 0, problems: []})
  }, 120_000)

  it("every export of each entry point (., draft, v5-compat), every member too, has a doc comment", () => {
    const entries: {symbol: string; member?: string; documented: boolean}[] = docCoverage([
      path.join(root, "lib", "index.ts"),
      path.join(root, "lib", "draft.ts"),
      path.join(root, "lib", "v5-compat.ts"),
    ])
    // Thousands of members: the option accessors of every socket type among them.
    expect(entries.length).toBeGreaterThan(1500)
    const undocumented = entries.filter(entry => !entry.documented)
    expect(
      undocumented.map(entry => (entry.member ? `${entry.symbol}.${entry.member}` : entry.symbol)),
    ).toEqual([])
  }, 60_000)
})
