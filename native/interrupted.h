// Signals and libzmq: libzmq reports a signal that interrupts its mailbox read (a profiler's
// SIGPROF every few microseconds, a SIGCHLD) as EINTR, from non-blocking calls too — send,
// receive, ZMQ_EVENTS, bind, connect, unbind, disconnect — before it did anything, and from
// zmq_ctx_term and zmq_proxy_steerable, which stop there. Nothing of that is the caller's error.
#pragma once

#include <zmq.h>

#include <cerrno>

#ifndef _WIN32
#include <pthread.h>
#include <signal.h>
#endif

namespace zmqn {

// Makes a libzmq call again while it fails with EINTR (nothing happened; libzmq's own advice).
template <typename Call>
int RetryInterrupted(Call call) {
  int result;
  do {
    result = call();
  } while (result < 0 && zmq_errno() == EINTR);
  return result;
}

// For a thread of ours that runs libzmq calls which end on EINTR (a proxy): signals sent to the
// process are then delivered to other threads (libzmq's own threads do the same).
inline void BlockSignalsInThisThread() {
#ifndef _WIN32
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
#endif
}

}  // namespace zmqn
