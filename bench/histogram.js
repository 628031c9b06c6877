// Latency distributions: each requester (bench/worker.js, bench/pyzmq_worker.py,
// bench/c/latency.c) counts its round trips in buckets 1 % wide (bucket = floor(100 ln ns)) and
// prints them as {bucket: count}; bench/run.js adds up the runs of one cell and reads the
// percentiles from the sum.
"use strict"

/** Counts round trips, given their length in nanoseconds. */
class Histogram {
  constructor() {
    this.counts = new Map()
  }

  add(nanoseconds) {
    const bucket = Math.floor(100 * Math.log(Math.max(nanoseconds, 1)))
    this.counts.set(bucket, (this.counts.get(bucket) ?? 0) + 1)
  }

  toJSON() {
    return Object.fromEntries(this.counts)
  }
}

/** The sum of several printed histograms. */
function merge(histograms) {
  const sum = {}
  for (const histogram of histograms) {
    for (const [bucket, count] of Object.entries(histogram ?? {})) sum[bucket] = (sum[bucket] ?? 0) + count
  }
  return sum
}

/**
 * The half round trip in µs below which `fraction` of the round trips fall (the middle of its
 * bucket), and how many round trips the histogram holds.
 */
function percentile(histogram, fraction) {
  const buckets = Object.keys(histogram)
    .map(Number)
    .sort((a, b) => a - b)
  const total = buckets.reduce((sum, bucket) => sum + histogram[bucket], 0)
  let seen = 0
  for (const bucket of buckets) {
    seen += histogram[bucket]
    if (seen >= fraction * total) return Math.exp((bucket + 0.5) / 100) / 2 / 1000
  }
  return undefined
}

function total(histogram) {
  return Object.values(histogram).reduce((sum, count) => sum + count, 0)
}

module.exports = {Histogram, merge, percentile, total}
