// What libzmq needs from the system to start a context's threads (its first socket starts them),
// tried before libzmq does: it asserts — aborting the process — when the system refuses a
// thread, a descriptor or a thread scheduling option then.
#pragma once

#include <napi.h>

#include <atomic>

namespace zmqn {

class ThreadStart {
 public:
  // After zmq_ctx_set accepted `value` for `option`: remembers the ones the threads depend on
  // (libzmq cannot be asked for the priority back).
  void Record(int option, int value);
  // A fresh context: libzmq's defaults, threads not started.
  void Reset();
  // Before a socket is made in the context: throws an Error with code (EINVAL, EPERM, EMFILE,
  // EAGAIN) and returns false when the system would refuse what starting the threads takes.
  // Once they started there is nothing to try.
  bool Check(Napi::Env env);

 private:
  std::atomic<int> ioThreads_{1};  // ZMQ_IO_THREADS_DFLT
  std::atomic<int> policy_{-1};    // ZMQ_THREAD_SCHED_POLICY_DFLT
  std::atomic<int> priority_{-1};  // ZMQ_THREAD_PRIORITY_DFLT
  std::atomic<bool> started_{false};
};

}  // namespace zmqn
