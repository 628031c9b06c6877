// Throughput vs message size as a small standalone SVG: one panel per scenario group, one line
// per implementation, both axes logarithmic (MB/s over bytes).
"use strict"

const colors = {
  c: "#555555",
  zeromq: "#d9822b",
  pyzmq: "#8e44ad",
  ours: "#2b7bd9",
  "ours-batch": "#1a9850",
  "ours-busy": "#17becf",
  "ours-into": "#66a61e",
}
const names = {
  c: "libzmq C (perf tools)",
  zeromq: "zeromq@6",
  pyzmq: "pyzmq (blocking)",
  ours: "zmq-native",
  "ours-batch": "zmq-native batch",
  "zeromq-v5": "zeromq@6 v5-compat",
  "ours-v5": "zmq-native/v5-compat",
  "ours-busy": "zmq-native busyPoll",
  "ours-into": "zmq-native receiveInto",
}

function escape(text) {
  return String(text).replace(/[&<>"]/g, ch => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[ch])
}

function sizeLabel(bytes) {
  if (bytes >= 1 << 20) return `${bytes >> 20} MiB`
  if (bytes >= 1024) return `${bytes >> 10} KiB`
  return `${bytes} B`
}

// panels: [{title, series: {impl: [[x, y], ...]}}]: by default x is a message size and y MB/s;
// a panel with `categories` (x labels, e.g. percentiles) has x = their index, and `yLabel`.
function chart(panels, caption) {
  const width = 420
  const height = 300
  const margin = {left: 58, right: 12, top: 30, bottom: 44}
  const plotW = width - margin.left - margin.right
  const plotH = height - margin.top - margin.bottom
  const legendH = 26
  const out = []
  const total = width * panels.length
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="${height + legendH + 20}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  )
  panels.forEach((panel, index) => {
    const points = Object.values(panel.series).flat()
    if (points.length === 0) return
    const sizes = [...new Set(points.map(p => p[0]))].sort((a, b) => a - b)
    const values = points.map(p => p[1]).filter(v => v > 0)
    const yMin = Math.pow(10, Math.floor(Math.log10(Math.min(...values))))
    const yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...values))))
    const scale = panel.categories ? x => x + 1 : Math.log10
    const x0 = scale(sizes[0])
    const x1 = scale(sizes[sizes.length - 1])
    const sx = size =>
      index * width + margin.left + (x1 === x0 ? plotW / 2 : ((scale(size) - x0) / (x1 - x0)) * plotW)
    const sy = v =>
      margin.top +
      plotH -
      ((Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * plotH
    const left = index * width + margin.left
    out.push(
      `<text x="${left + plotW / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${escape(panel.title)}</text>`,
    )
    for (let v = yMin; v <= yMax * 1.001; v *= 10) {
      const y = sy(v).toFixed(1)
      out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y}" y2="${y}" stroke="#dddddd"/>`)
      out.push(
        `<text x="${left - 4}" y="${y}" text-anchor="end" dominant-baseline="middle">${v >= 1 ? v : v.toPrecision(1)}</text>`,
      )
    }
    for (const size of sizes) {
      const x = sx(size).toFixed(1)
      out.push(`<line x1="${x}" x2="${x}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#eeeeee"/>`)
      const tick = panel.categories ? panel.categories[size] : sizeLabel(size)
      out.push(`<text x="${x}" y="${margin.top + plotH + 14}" text-anchor="middle">${escape(tick)}</text>`)
    }
    out.push(
      `<text x="${left + plotW / 2}" y="${margin.top + plotH + 32}" text-anchor="middle">${panel.categories ? "percentile" : "message size"}</text>`,
    )
    out.push(
      `<text transform="translate(${index * width + 14} ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(panel.yLabel ?? "MB/s (log)")}</text>`,
    )
    out.push(
      `<rect x="${left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999999"/>`,
    )
    for (const [impl, series] of Object.entries(panel.series)) {
      const sorted = series.filter(p => p[1] > 0).sort((a, b) => a[0] - b[0])
      if (sorted.length === 0) continue
      const d = sorted
        .map((p, i) => `${i ? "L" : "M"}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`)
        .join(" ")
      out.push(`<path d="${d}" fill="none" stroke="${colors[impl]}" stroke-width="2"/>`)
      for (const p of sorted)
        out.push(
          `<circle cx="${sx(p[0]).toFixed(1)}" cy="${sy(p[1]).toFixed(1)}" r="3" fill="${colors[impl]}"/>`,
        )
    }
  })
  let x = 10
  const y = height + 8
  const shown = new Set(panels.flatMap(panel => Object.keys(panel.series)))
  for (const impl of Object.keys(colors).filter(impl => shown.has(impl))) {
    out.push(`<rect x="${x}" y="${y}" width="14" height="4" fill="${colors[impl]}"/>`)
    out.push(`<text x="${x + 18}" y="${y + 5}">${escape(names[impl])}</text>`)
    x += 30 + names[impl].length * 7
  }
  out.push(`<text x="10" y="${height + legendH + 12}" fill="#666666">${escape(caption)}</text>`)
  out.push("</svg>")
  return out.join("\n") + "\n"
}

module.exports = {chart, sizeLabel, names}
