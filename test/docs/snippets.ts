// The code blocks of README.md and docs/: where they are and what a reader is told they do.
//
// A fenced block is one snippet; its language is the first word of the info string. HTML
// comments on the lines just above the fence say more without showing on GitHub or npm:
//   <!-- snippet: run -->           TypeScript that also runs as a program (it must exit 0)
//   <!-- snippet: output -->        a text block: the exact output of the run block above it
//   <!-- snippet: prelude CODE -->  declarations the reader does not need to see (a fragment's
//                                   sockets, imports), put before the block when it is compiled
// The examples in lib/'s doc comments (fenced blocks after @example) are snippets too.
import * as fs from "node:fs"
import * as path from "node:path"

export const root = path.resolve(__dirname, "..", "..")

export interface Snippet {
  /** File relative to the repository root, and the 1-based line of the opening fence. */
  file: string
  line: number
  language: string
  code: string
  run: boolean
  /** The expected output, for a run block followed by an output block. */
  output?: string
  prelude: string
}

/** README.md, CONTRIBUTING.md and every Markdown file under docs/. */
export function documents(): string[] {
  const docs = fs
    .readdirSync(path.join(root, "docs"), {recursive: true, encoding: "utf8"})
    .filter(file => file.endsWith(".md"))
    .map(file => path.posix.join("docs", file.split(path.sep).join("/")))
  return ["README.md", "CONTRIBUTING.md", ...docs.sort()]
}

export function snippetsOf(file: string): Snippet[] {
  const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n")
  const found: Snippet[] = []
  let directives: string[] = []
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]
    const directive = /^<!--\s*snippet:\s*(.*?)\s*-->\s*$/.exec(text)
    if (directive) {
      directives.push(directive[1])
      continue
    }
    const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(text)
    if (!fence) {
      if (text.trim() !== "") directives = []
      continue
    }
    const [, indent, marker, language] = fence
    const start = index
    const body: string[] = []
    for (index++; index < lines.length && !lines[index].trimStart().startsWith(marker); index++) {
      body.push(lines[index].startsWith(indent) ? lines[index].slice(indent.length) : lines[index])
    }
    if (index >= lines.length) throw new Error(`${file}:${start + 1}: code block never closed`)
    const code = body.join("\n") + "\n"
    const previous = found[found.length - 1]
    if (directives.includes("output")) {
      if (!previous?.run) throw new Error(`${file}:${start + 1}: an output block must follow a run block`)
      previous.output = code
    } else {
      const unknown = directives.filter(d => d !== "run" && !d.startsWith("prelude "))
      if (unknown.length > 0) throw new Error(`${file}:${start + 1}: unknown snippet directive ${unknown[0]}`)
      found.push({
        file,
        line: start + 1,
        language: language.toLowerCase(),
        code,
        run: directives.includes("run"),
        prelude: directives
          .filter(d => d.startsWith("prelude "))
          .map(d => d.slice("prelude ".length))
          .join("\n"),
      })
    }
    directives = []
  }
  return found
}

/** The fenced blocks of doc comments (the examples of the API reference) in lib/. */
export function commentSnippets(): Snippet[] {
  const lib = path.join(root, "lib")
  const files = fs
    .readdirSync(lib, {recursive: true, encoding: "utf8"})
    .filter(file => file.endsWith(".ts"))
    .sort()
  const found: Snippet[] = []
  for (const relative of files) {
    const file = path.posix.join("lib", relative.split(path.sep).join("/"))
    const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n")
    for (let index = 0; index < lines.length; index++) {
      const fence = /^\s*\*\s?```(\w*)\s*$/.exec(lines[index])
      if (!fence) continue
      const start = index
      const body: string[] = []
      for (index++; index < lines.length && !/^\s*\*\s?```\s*$/.test(lines[index]); index++) {
        body.push(lines[index].replace(/^\s*\*( |$)/, ""))
      }
      if (index >= lines.length) throw new Error(`${file}:${start + 1}: code block never closed`)
      found.push({
        file,
        line: start + 1,
        language: fence[1].toLowerCase(),
        code: body.join("\n") + "\n",
        run: false,
        prelude: "",
      })
    }
  }
  return found
}

export function allSnippets(): Snippet[] {
  return [...documents().flatMap(snippetsOf), ...commentSnippets()]
}
