// Differential conformance: every row of the table runs against zeromq v6 and against ours in
// this process; the outcomes (value or error class, code, errno, message prefix, address) and
// warnings must match, except in the documented deliberate differences, where the row states
// our outcome. Rows that still differ by mistake are listed in known-failing.ts: each must still
// differ (so a fix cannot go unnoticed), and the list only shrinks.
import * as fs from "node:fs"
import * as path from "node:path"
import {runScenario, sameResult, type Lib, type Outcome, type Result} from "./conformance/harness"
import {differences, type Row} from "./conformance/table"
import {rows} from "./conformance/rows"
import {knownFailing} from "./conformance/known-failing"
import {runInChild} from "./conformance/child"

const theirs: Lib = loadTheirs()
const ours: Lib = {
  ...require("../../lib"),
  draft: require("../../lib/draft"),
  path: path.resolve(__dirname, "../../dist"),
}

function loadTheirs(): Lib {
  // zeromq/draft warns once on load that drafts are experimental; that is not a row's warning.
  const emit = process.emitWarning
  process.emitWarning = () => undefined
  try {
    return {...require("zeromq"), draft: require("zeromq/draft"), path: "zeromq"}
  } finally {
    process.emitWarning = emit
  }
}

function show(result: Result): string {
  return JSON.stringify(result, null, 1).replace(/\n\s*/g, " ")
}

async function check(row: Row): Promise<void> {
  if (process.env.CONFORMANCE_TRACE) fs.writeSync(2, `conformance: ${row.name}\n`)
  const limit = row.limitMs ?? 2000
  const v6Crashes = row.differs?.because === "v6-crashes"
  const known = knownFailing.get(row.name)
  const theirResult =
    v6Crashes || row.isolated
      ? await runInChild(row.run, limit, theirs.path, row.closure)
      : await runScenario(theirs, row.run, limit)
  const ourResult =
    known === "crashes" || row.isolated
      ? await runInChild(row.run, limit, ours.path, row.closure)
      : await runScenario(ours, row.run, limit)
  const expected = await expectedResult(row, theirResult, limit)
  const detail = `\n  theirs: ${show(theirResult)}\n  ours:   ${show(ourResult)}${
    expected && expected !== theirResult ? `\n  wanted: ${show(expected)}` : ""
  }`
  if (known === "crashes") {
    if (!ourResult.crashed)
      throw new Error(`ours no longer crashes: mark "${row.name}" "differs" or remove it${detail}`)
    return
  }
  if (ourResult.crashed) throw new Error(`ours crashed${detail}`)
  const same = sameResult(ourResult, expected ?? theirResult)
  if (known === "differs") {
    if (same) throw new Error(`fixed: remove "${row.name}" from known-failing.ts${detail}`)
    // CONFORMANCE_SHOW=file: how each known row still differs, for whoever fixes them.
    if (process.env.CONFORMANCE_SHOW)
      fs.appendFileSync(process.env.CONFORMANCE_SHOW, `${row.name}${detail}\n`)
    return
  }
  if (!same)
    throw new Error(
      `${row.differs ? "ours is not the documented outcome" : "differs from zeromq v6"}${detail}`,
    )
  if (row.differs) {
    const stillDiffers = v6Crashes ? theirResult.crashed !== undefined : !sameResult(ourResult, theirResult)
    if (!stillDiffers) throw new Error(`no longer a difference: drop "differs" from the row${detail}`)
  } else if (theirResult.crashed) {
    throw new Error(`zeromq v6 crashed: mark the row "v6-crashes"${detail}`)
  }
  if ("pending" in ourResult.outcome) throw new Error(`neither package finished the scenario${detail}`)
}

// What ours must give: v6's result, unless the row documents a difference.
async function expectedResult(row: Row, theirResult: Result, limit: number): Promise<Result | undefined> {
  const differs = row.differs
  if (differs === undefined) return undefined
  if ("likeTheirs" in differs) return runScenario(theirs, differs.likeTheirs, limit)
  if ("ours" in differs) {
    const ours = differs.ours as Outcome | Result
    return "outcome" in ours ? (ours as Result) : {outcome: ours as Outcome, warnings: []}
  }
  // v6 crashed: what it gave before dying is what ours must give.
  const {crashed: _crashed, ...before} = theirResult
  return before
}

describe("conformance with zeromq v6", () => {
  it("row names are unique and the known-failing list names rows", () => {
    const names = rows.map(row => row.name)
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
    expect([...knownFailing.keys()].filter(name => !names.includes(name))).toEqual([])
  })

  it("docs/compat.md explains every deliberate difference, and only those", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../docs/compat.md"), "utf8")
    const documented = [...doc.matchAll(/^### `([a-z0-9-]+)`/gm)].map(match => match[1])
    expect(documented.sort()).toEqual(Object.keys(differences).sort())
    const used = new Set(rows.map(row => row.differs?.because).filter(Boolean))
    expect(Object.keys(differences).filter(id => !used.has(id as keyof typeof differences))).toEqual([])
  })

  // Objects, not tuples: it.each would pass a tuple's last element as jest's `done` callback.
  it.each(rows.map(row => ({name: row.name, row})))("$name", async ({row}) => check(row))
})
