// Every relative link in README.md, CHANGELOG.md and docs/ leads somewhere: the file exists,
// and a #fragment names a heading of the target (as GitHub makes anchors from headings).
import * as fs from "node:fs"
import * as path from "node:path"
import {documents, root} from "./snippets"

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .replace(/`/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, "")
    .replace(/ /g, "-")
}

/** The text outside fenced code blocks and inline code. */
function prose(file: string): string {
  const text = fs.readFileSync(path.join(root, file), "utf8")
  return text.replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "")
}

function anchors(file: string): Set<string> {
  const found = new Set<string>()
  const seen = new Map<string, number>()
  for (const [, heading] of prose(file).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = anchor(heading)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    found.add(count === 0 ? base : `${base}-${count}`)
  }
  for (const [, name] of prose(file).matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) found.add(name)
  return found
}

const files = [...documents(), "CHANGELOG.md"]

it.each(files)("%s: relative links resolve, anchors included", file => {
  const broken: string[] = []
  for (const [, target] of prose(file).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue
    const [pathPart, fragment] = target.split("#", 2)
    const resolved =
      pathPart === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart))
    if (!fs.existsSync(path.join(root, resolved))) {
      broken.push(`${target}: no ${resolved}`)
      continue
    }
    if (
      fragment !== undefined &&
      resolved.endsWith(".md") &&
      !anchors(resolved).has(decodeURIComponent(fragment))
    ) {
      broken.push(`${target}: no heading #${fragment} in ${resolved}`)
    }
  }
  expect(broken).toEqual([])
})
