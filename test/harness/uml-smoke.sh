#!/usr/bin/env bash
# Checks test/harness/run-in-uml itself, without our library: status and output come back, TIPC
# REQ/REP works on one node and across two (Debian's python3-zmq), a Node addon (the zeromq
# npm package) loads and talks TIPC in the guest, the XSAVE shim keeps AVX-512 state intact
# across guest threads, and the timeout fires. Exits non-zero if any check fails.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo" || exit 1
run=test/harness/run-in-uml
failed=0

# check NAME EXPECTED_STATUS EXPECTED_OUTPUT_REGEX run-in-uml-arguments...
check() {
  local name=$1 want_status=$2 want_out=$3 out status t0
  shift 3
  t0=$(date +%s%N)
  out=$("$run" "$@" 2>&1)
  status=$?
  local ms=$((($(date +%s%N) - t0) / 1000000))
  local took=$((ms / 1000)).$((ms % 1000 / 100))
  if [ "$status" = "$want_status" ] && grep -Eq -- "$want_out" <<<"$out"; then
    echo "ok   $name (${took}s)"
  else
    echo "FAIL $name (${took}s): status $status (want $want_status), output should match /$want_out/:"
    printf '     %s\n' "${out//$'\n'/$'\n'     }"
    failed=1
  fi
}

check "status and output come back" 7 '^out$' -- bash -c 'echo out; echo err >&2; exit 7'

# One node: bind a service address, connect with the @0.0.0 lookup domain (without it the
# connect succeeds but nothing is delivered).
py_local='
import zmq
ctx = zmq.Context()
rep = ctx.socket(zmq.REP); rep.bind("tipc://{5560,0,0}")
req = ctx.socket(zmq.REQ); req.connect("tipc://{5560,0}@0.0.0")
for s in (rep, req): s.setsockopt(zmq.RCVTIMEO, 5000)
req.send(b"ping"); rep.send(rep.recv() + b"/pong")
print("reply", req.recv().decode())
'
check "python3-zmq REQ/REP over TIPC, one node" 0 '^reply ping/pong$' -- /usr/bin/python3 -c "$py_local"

# Two nodes: node 1 serves, node 2 asks; the reply names both guests.
py_pair='
import os, socket, zmq
ctx = zmq.Context()
me = socket.gethostname().encode()
if os.environ["UML_NODE"] == "1":
    s = ctx.socket(zmq.REP); s.bind("tipc://{5560,0,0}"); s.setsockopt(zmq.RCVTIMEO, 15000)
    s.send(s.recv() + b" <- " + me)
else:
    s = ctx.socket(zmq.REQ); s.connect("tipc://{5560,0}@0.0.0"); s.setsockopt(zmq.RCVTIMEO, 15000)
    s.send(me); print("reply", s.recv().decode())
'
check "python3-zmq REQ/REP over TIPC, two nodes" 0 '^node2\| reply uml-node2 <- uml-node1$' \
  --nodes 2 -- /usr/bin/python3 -c "$py_pair"
check "two nodes: a failing node fails the run" 3 'node2 exited with 3' \
  --node1 'true' --node2 'exit 3'

# The host's node and a prebuilt addon from node_modules run unchanged in the guest.
js_zeromq='
const zmq = require("zeromq");
(async () => {
  if (!zmq.capability.tipc) throw new Error("zeromq built without TIPC");
  const rep = new zmq.Reply({ receiveTimeout: 5000 });
  const req = new zmq.Request({ receiveTimeout: 5000 });
  await rep.bind("tipc://{5560,0,0}");
  req.connect("tipc://{5560,0}@0.0.0");
  await req.send("ping");
  const [m] = await rep.receive();
  await rep.send(m.toString() + "/pong");
  const [r] = await req.receive();
  console.log("zeromq", zmq.version, "reply", r.toString());
  rep.close();
  req.close();
})().catch((e) => { console.error(e); process.exit(1); });
'
if [ -d node_modules/zeromq ]; then
  check "node + zeromq npm addon over TIPC" 0 'reply ping/pong$' -- node -e "$js_zeromq"
else
  echo "FAIL node + zeromq npm addon over TIPC: node_modules/zeromq missing (run npm install)"
  failed=1
fi

# The XSAVE shim must not just stop the panic but keep FPU state per guest process:
# threads holding different values in ZMM16 (AVX-512) get preempted on the single guest CPU.
if grep -qw avx512f /proc/cpuinfo; then
  mkdir -p build/uml
  cc -O2 -mavx512f -pthread -o build/uml/xstate-threads test/harness/xstate-threads.c &&
    check "AVX-512 state survives guest context switches" 0 '^corrupted 0 of [1-9]' \
      -- build/uml/xstate-threads
else
  echo "skip AVX-512 state check (CPU has no AVX-512)"
fi

check "timeout kills a hung command" 124 'started' --timeout 10 -- bash -c 'echo started; sleep 600'

exit $failed
