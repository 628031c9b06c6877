#!/usr/bin/env bash
# Proves test/harness/with-netns: its own contract (environment, failure and timeout handling, cleanup,
# parallel runs), then PUB/SUB over epgm, pgm and norm with Debian's python3-zmq, without loss and
# with 5 % loss at the receiver. Prints a table of what arrived and how long each case took.
#
# usage: test/harness/netns-smoke.sh [--count N] [--size BYTES] [--only-harness | --only-transports]
# needs: root, iproute2, nftables, python3-zmq (/usr/bin/python3, libzmq built with pgm and norm)
# shellcheck disable=SC2016  # single-quoted $NETNS_* are meant for the commands' own shells
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WITH_NETNS=$ROOT/test/harness/with-netns
PEERS=$HERE/netns-peers
PY=/usr/bin/python3

COUNT=300 SIZE=1000 HARNESS=1 TRANSPORTS=1
while (($#)); do
  case $1 in
    --count) COUNT=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --only-harness) TRANSPORTS=0; shift ;;
    --only-transports) HARNESS=0; shift ;;
    *) echo "usage: $0 [--count N] [--size BYTES] [--only-harness | --only-transports]" >&2; exit 2 ;;
  esac
done

FAILS=0
OUT=$(mktemp -d "${TMPDIR:-/tmp}/netns-smoke.XXXXXX")
trap 'rm -rf -- "$OUT"' EXIT
pass() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; FAILS=$((FAILS + 1)); [[ -n ${2:-} ]] && sed 's/^/     | /' "$2"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# leftovers PID -> prints anything a with-netns run with that pid left behind
leftovers() {
  ip netns list | awk '{ print $1 }' | grep -E "^wnx-$1-" || true
  ls -d /etc/netns/wnx-"$1"-* 2>/dev/null || true
}

# ------------------------------------------------------------------------------ harness contract
if ((HARNESS)); then
  echo "== harness contract"

  # Environment, cwd and PATH reach both commands; the hosts reach each other.
  cd "$ROOT" || exit 2
  SMOKE_MARK=xyzzy "$WITH_NETNS" --timeout 20 --wait-ready \
    --receiver 'touch "$NETNS_READY_FILE"; echo "cwd=$PWD mark=$SMOKE_MARK path=$PATH";
                env | grep ^NETNS_ | sort; ip -br addr show "$NETNS_IFACE"; ip route show 224.0.0.0/4;
                getent hosts netns-sender' \
    --sender 'echo "cwd=$PWD mark=$SMOKE_MARK self=$NETNS_SELF_IP peer=$NETNS_PEER_IP";
              /usr/bin/python3 -c "import socket; s = socket.create_connection((\"$NETNS_PEER_IP\", 9), 2)" 2>&1 | tail -1' \
    >"$OUT/env.log" 2>&1
  rc=$?
  if ((rc == 0)) && grep -q "^\[receiver\] cwd=$ROOT mark=xyzzy path=$PATH\$" "$OUT/env.log" &&
    grep -q "^\[sender\] cwd=$ROOT mark=xyzzy self=10.199.0.1 peer=10.199.0.2" "$OUT/env.log" &&
    grep -q '^\[receiver\] NETNS_SELF_IP=10.199.0.2' "$OUT/env.log" &&
    grep -q '^\[receiver\] 224.0.0.0/4 dev mc0' "$OUT/env.log" &&
    grep -q '^\[receiver\] 10.199.0.1 *netns-sender' "$OUT/env.log" &&
    grep -q '^\[sender\] ConnectionRefusedError' "$OUT/env.log"; then
    pass "env, cwd, PATH, routes and /etc/hosts reach the commands; peer answers (RST from port 9)"
  else
    fail "env/cwd/PATH propagation (exit $rc)" "$OUT/env.log"
  fi

  # A failing receiver fails the run at once and stops the sender.
  t0=$(now)
  "$WITH_NETNS" --timeout 30 --receiver 'echo boom >&2; exit 3' --sender 'sleep 25' >"$OUT/fail.log" 2>&1
  rc=$? t=$(secs "$t0" "$(now)")
  if ((rc == 1)) && grep -q '^\[receiver\] boom' "$OUT/fail.log" &&
    grep -q '^==== receiver .*: exit 3 after' "$OUT/fail.log" &&
    grep -q '^==== sender .*: killed: receiver failed' "$OUT/fail.log" &&
    awk -v t="$t" 'BEGIN { exit !(t < 5) }'; then
    pass "failing receiver -> exit 1 after ${t}s, sender killed, stderr labelled"
  else
    fail "failure propagation (exit $rc after ${t}s)" "$OUT/fail.log"
  fi

  # The deadline kills both, including a command that ignores SIGTERM, after their last words
  # (each process's threads, system calls and backtraces; a few seconds per process).
  t0=$(now)
  "$WITH_NETNS" --timeout 1 --receiver 'trap "" TERM; sleep 20' --sender 'sleep 20' >"$OUT/timeout.log" 2>&1
  rc=$? t=$(secs "$t0" "$(now)")
  if ((rc == 124)) && grep -q 'TIMED OUT' "$OUT/timeout.log" && grep -q 'timeout of 1s hit' "$OUT/timeout.log" &&
    grep -q '^\[receiver last words\]   thread .* wchan=' "$OUT/timeout.log" &&
    grep -q '^\[sender last words\] process .*: sleep 20' "$OUT/timeout.log" &&
    awk -v t="$t" 'BEGIN { exit !(t < 20) }'; then
    pass "timeout -> exit 124 after ${t}s with last words (TERM-ignoring receiver killed)"
  else
    fail "timeout handling (exit $rc after ${t}s)" "$OUT/timeout.log"
  fi

  # --wait-ready: a receiver that never signals readiness means the sender never starts.
  "$WITH_NETNS" --timeout 10 --wait-ready --receiver 'exit 0' --sender 'echo should-not-run' \
    >"$OUT/ready.log" 2>&1
  rc=$?
  if ((rc == 1)) && grep -q 'never created \$NETNS_READY_FILE' "$OUT/ready.log" &&
    ! grep -q should-not-run "$OUT/ready.log"; then
    pass "--wait-ready without a ready file -> sender not started, exit 1"
  else
    fail "--wait-ready handling (exit $rc)" "$OUT/ready.log"
  fi

  # SIGTERM to the harness cleans up namespaces, /etc/netns, and the commands.
  "$WITH_NETNS" --timeout 60 --receiver 'sleep 41.5' --sender 'sleep 41.5' >"$OUT/signal.log" 2>&1 &
  hpid=$!
  for _ in $(seq 100); do [[ -n $(leftovers "$hpid") ]] && break; sleep 0.05; done
  seen=$(leftovers "$hpid" | wc -l)
  sleep 0.3
  kill -TERM "$hpid"
  wait "$hpid"
  rc=$?
  left=$(leftovers "$hpid")
  if ((rc == 143)) && ((seen > 0)) && [[ -z $left ]] && ! pgrep -f 'sleep 41[.]5' >/dev/null; then
    pass "SIGTERM -> exit 143, namespaces, /etc/netns dirs and commands gone"
  else
    fail "signal cleanup (exit $rc, seen $seen, left: ${left:-none})" "$OUT/signal.log"
  fi

  # Two runs at once do not clash (names carry the pid; addresses live in separate namespaces).
  ep='epgm://$NETNS_SELF_IP;$NETNS_GROUP:5555'
  par=()
  for i in 1 2; do
    "$WITH_NETNS" --timeout 30 --wait-ready \
      --receiver "$PY $PEERS/sub.py \"$ep\" 100 --timeout 10" \
      --sender "$PY $PEERS/pub.py \"$ep\" 100" >"$OUT/par$i.log" 2>&1 &
    par+=($!)
  done
  wait "${par[0]}"; rc1=$?
  wait "${par[1]}"; rc2=$?
  if ((rc1 == 0 && rc2 == 0)) && [[ -z $(leftovers "${par[0]}")$(leftovers "${par[1]}") ]]; then
    pass "two parallel runs both deliver 100/100 and leave nothing behind"
  else
    fail "parallel runs (exit $rc1, $rc2)" "$OUT/par1.log"
    sed 's/^/     | /' "$OUT/par2.log"
  fi
fi

# ------------------------------------------------------------------------------ transports
if ((TRANSPORTS)); then
  echo "== transports: $COUNT messages of $SIZE bytes, ZMQ_RATE 10000, python3-zmq $($PY -c 'import zmq; print(zmq.zmq_version())')"
  # name | receiver endpoint | sender endpoint
  cases=(
    "epgm|epgm://\$NETNS_SELF_IP;\$NETNS_GROUP:5555|epgm://\$NETNS_SELF_IP;\$NETNS_GROUP:5555"
    "pgm|pgm://\$NETNS_SELF_IP;\$NETNS_GROUP:5556|pgm://\$NETNS_SELF_IP;\$NETNS_GROUP:5556"
    "norm|norm://2,\$NETNS_SELF_IP;\$NETNS_GROUP:5557|norm://1,\$NETNS_SELF_IP;\$NETNS_GROUP:5557"
  )
  rows=()
  for loss in 0 5; do
    for c in "${cases[@]}"; do
      IFS='|' read -r name rep sep <<<"$c"
      log=$OUT/$name-$loss.log
      t0=$(now)
      "$WITH_NETNS" --timeout 90 --wait-ready --loss "$loss" \
        --receiver "$PY $PEERS/sub.py \"$rep\" $COUNT --timeout 75" \
        --sender "$PY $PEERS/pub.py \"$sep\" $COUNT --size $SIZE --linger 75" >"$log" 2>&1
      rc=$? t=$(secs "$t0" "$(now)")
      result=$(grep -o 'received=.*' "$log" | head -1)
      dropped=$(sed -n 's/^==== loss: dropped \([0-9]*\) of \([0-9]*\).*/\1\/\2 pkts/p' "$log")
      rows+=("$(printf '%-5s loss %d%%  %6ss  exit %-3s %s %s' "$name" "$loss" "$t" "$rc" \
        "${result:-no RESULT line}" "${dropped:+dropped $dropped}")")
      if ((rc == 0)); then pass "$name loss $loss% (${t}s)"; else fail "$name loss $loss% (exit $rc, ${t}s)" "$log"; fi
    done
  done
  echo "== results"
  printf '%s\n' "${rows[@]}"
fi

mine=$(ip netns list | awk '{ print $1 }' | grep -E '^wnx-' || true)
[[ -n $mine ]] && echo "note: wnx-* namespaces present (another run in progress?): $mine"
if ((FAILS)); then echo "== $FAILS check(s) failed"; exit 1; fi
echo "== all checks passed"
