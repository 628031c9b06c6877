// What libzmq needs from the system to start a context's threads (its first socket starts them),
// tried before libzmq does: it asserts — aborting the process — when the system refuses a
// thread, a descriptor or a thread scheduling option then.
#include "thread-start.h"

#include <zmq.h>

#include <cerrno>
#include <string>
#include <vector>

#ifndef _WIN32
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "errors.h"

namespace zmqn {

namespace {

#ifndef _WIN32

// Scratch threads are made with pthread_create, as libzmq makes its own, never with
// std::thread: its failure is an exception, an abort where the addon is built without them.

struct SchedulingTrial {
  int policyOption, priorityOption, error;
};

// What libzmq 4.3's thread_t::applySchedulingParameters does as each of its threads starts, on
// a scratch thread made by the thread that makes the sockets (so it inherits the same
// scheduling). Sets the errno behind any of libzmq's assertions there, or 0.
void* TryScheduling(void* argument) {
  auto* trial = static_cast<SchedulingTrial*>(argument);
  int policy = 0;
  sched_param param;
  trial->error = pthread_getschedparam(pthread_self(), &policy, &param);
  if (trial->error != 0) return nullptr;
  if (trial->policyOption != ZMQ_THREAD_SCHED_POLICY_DFLT) policy = trial->policyOption;
  // Policies other than FIFO and RR take priority 0 and a nice value instead.
  const bool nice = policy != SCHED_FIFO && policy != SCHED_RR;
  const bool prioritised = trial->priorityOption != ZMQ_THREAD_PRIORITY_DFLT;
  if (prioritised) param.sched_priority = nice ? 0 : trial->priorityOption;
  trial->error = pthread_setschedparam(pthread_self(), policy, &param);
#if defined(__FreeBSD_kernel__) || defined(__FreeBSD__)
  if (trial->error == ENOSYS) trial->error = 0;  // libzmq carries on without the feature there
#endif
  if (trial->error != 0 || !nice || !prioritised) return nullptr;
  // libzmq then asks for the highest nice value, and asserts on a -1 result — even one that is
  // the new nice value (from a process already at nice 19) rather than a failure.
  errno = 0;
  if (::nice(-20) == -1) trial->error = errno != 0 ? errno : EINVAL;
  return nullptr;
}

int TrySchedulingParameters(int policy, int priority) {
  SchedulingTrial trial{policy, priority, 0};
  pthread_t thread;
  const int error = pthread_create(&thread, nullptr, TryScheduling, &trial);
  if (error != 0) return error;
  pthread_join(thread, nullptr);
  return trial.error;
}

// Descriptors: each I/O thread and the reaper have a poller and a mailbox, zmq_ctx_term one
// mailbox more; libzmq asserts when it cannot make a poller. Tried by holding that many.
int TryDescriptors(int ioThreads) {
  const long needed = 2L * (ioThreads + 1) + 1;
  rlimit limit;
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      static_cast<unsigned long long>(needed) > limit.rlim_cur) {
    return EMFILE;
  }
  std::vector<int> held;
  held.reserve(needed);
  int error = 0;
  while (static_cast<long>(held.size()) < needed) {
    const int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error = errno;
      break;
    }
    held.push_back(fd);
  }
  for (int fd : held) close(fd);
  return error;
}

// Threads: the I/O threads and the reaper, all alive at once. Tried by making that many, which
// wait for the last one before ending.
struct Gate {
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t opened = PTHREAD_COND_INITIALIZER;
  bool open = false;
};

void* WaitAtGate(void* argument) {
  auto* gate = static_cast<Gate*>(argument);
  pthread_mutex_lock(&gate->mutex);
  while (!gate->open) pthread_cond_wait(&gate->opened, &gate->mutex);
  pthread_mutex_unlock(&gate->mutex);
  return nullptr;
}

int TryThreads(int ioThreads) {
  Gate gate;
  std::vector<pthread_t> threads;
  threads.reserve(ioThreads + 1);
  int error = 0;
  for (int i = 0; i <= ioThreads; i++) {
    pthread_t thread;
    error = pthread_create(&thread, nullptr, WaitAtGate, &gate);
    if (error != 0) break;
    threads.push_back(thread);
  }
  pthread_mutex_lock(&gate.mutex);
  gate.open = true;
  pthread_cond_broadcast(&gate.opened);
  pthread_mutex_unlock(&gate.mutex);
  for (pthread_t thread : threads) pthread_join(thread, nullptr);
  return error;
}

#endif

std::string Describe(int ioThreads, int policy, int priority) {
  return "ioThreads " + std::to_string(ioThreads) + ", threadSchedulingPolicy " +
         std::to_string(policy) + ", threadPriority " + std::to_string(priority) + " (-1: not set)";
}

}  // namespace

void ThreadStart::Record(int option, int value) {
  if (option == ZMQ_IO_THREADS) ioThreads_ = value;
  if (option == ZMQ_THREAD_SCHED_POLICY) policy_ = value;
  if (option == ZMQ_THREAD_PRIORITY) priority_ = value;
}

void ThreadStart::Reset() {
  ioThreads_ = ZMQ_IO_THREADS_DFLT;
  policy_ = ZMQ_THREAD_SCHED_POLICY_DFLT;
  priority_ = ZMQ_THREAD_PRIORITY_DFLT;
  started_ = false;
}

bool ThreadStart::Check(Napi::Env env) {
  if (started_) return true;
#ifndef _WIN32
  // (On Windows libzmq applies no scheduling options and reports failures to make its threads
  // and pollers as errors, so there is nothing to try.)
  const int ioThreads = ioThreads_, policy = policy_, priority = priority_;
  const char* what = nullptr;
  int error = TryDescriptors(ioThreads);
  if (error != 0) {
    what = "descriptors";
  } else if ((error = TryThreads(ioThreads)) != 0) {
    what = "threads";
  } else if ((policy != ZMQ_THREAD_SCHED_POLICY_DFLT || priority != ZMQ_THREAD_PRIORITY_DFLT) &&
             (error = TrySchedulingParameters(policy, priority)) != 0) {
    what = "thread scheduling options";
  }
  if (error != 0) {
    auto result = ZmqError(env, error);
    result.Set("message",
               std::string("The context's I/O threads cannot start, the system refuses ") + what +
                   " (" + zmq_strerror(error) + "): " + Describe(ioThreads, policy, priority));
    Throw(result);
    return false;
  }
#endif
  // The socket about to be made starts the threads; what is set later does not reach them.
  started_ = true;
  return true;
}

}  // namespace zmqn
