// Binds the few C library functions whose newest glibc versions would raise the Linux addon's
// glibc floor to their oldest versions, so a prebuild loads on glibc 2.25 and up.
//
// Debian's static libnorm, libprotokit and libpgm call exp, log and pow (new versions in glibc
// 2.29) and fcntl64 (2.28); libstdc++'s condition variable calls pthread_cond_clockwait (2.30).
// The Linux link passes --wrap for each (binding.gyp, CMakeLists.txt):
// their calls arrive here and go to the oldest versioned symbol, the same function for these
// (2.29 only dropped the SVID error-handling wrapper; on 64-bit fcntl64 is fcntl). Elsewhere
// than glibc, the wrappers call the plain functions.
#if defined(__linux__)
#include <limits.h>  // defines __GLIBC__ (through features.h) on glibc
#include <pthread.h>
#include <stdarg.h>
#include <time.h>

#if defined(__GLIBC__) && defined(__x86_64__)
#define ZMQ_NATIVE_GLIBC_BASE "GLIBC_2.2.5"
#elif defined(__GLIBC__) && defined(__aarch64__)
#define ZMQ_NATIVE_GLIBC_BASE "GLIBC_2.17"
#endif

extern "C" {
#ifdef ZMQ_NATIVE_GLIBC_BASE
double zmq_native_exp(double);
double zmq_native_log(double);
double zmq_native_pow(double, double);
int zmq_native_fcntl(int, int, ...);
__asm__(".symver zmq_native_exp, exp@" ZMQ_NATIVE_GLIBC_BASE);
__asm__(".symver zmq_native_log, log@" ZMQ_NATIVE_GLIBC_BASE);
__asm__(".symver zmq_native_pow, pow@" ZMQ_NATIVE_GLIBC_BASE);
__asm__(".symver zmq_native_fcntl, fcntl@" ZMQ_NATIVE_GLIBC_BASE);
#else
double __real_exp(double);
double __real_log(double);
double __real_pow(double, double);
int __real_fcntl64(int, int, ...);
#define zmq_native_exp __real_exp
#define zmq_native_log __real_log
#define zmq_native_pow __real_pow
#define zmq_native_fcntl __real_fcntl64
#endif

double __wrap_exp(double x) {
  return zmq_native_exp(x);
}
double __wrap_log(double x) {
  return zmq_native_log(x);
}
double __wrap_pow(double x, double y) {
  return zmq_native_pow(x, y);
}

// Every fcntl command takes no argument, an int or a pointer: passing it on as a pointer-sized
// value is what glibc's own fcntl does.
int __wrap_fcntl64(int fd, int command, ...) {
  va_list arguments;
  va_start(arguments, command);
  void* argument = va_arg(arguments, void*);
  va_end(arguments);
  return zmq_native_fcntl(fd, command, argument);
}

// libstdc++ (GCC 10 and later, on glibc 2.30 and later) waits on a std::condition_variable with
// pthread_cond_clockwait and CLOCK_MONOTONIC. The condition variable itself measures
// pthread_cond_timedwait's deadline on CLOCK_REALTIME: the same moment, moved to that clock.
int __wrap_pthread_cond_clockwait(pthread_cond_t* cond, pthread_mutex_t* mutex, clockid_t clock,
                                  const struct timespec* deadline) {
  if (clock == CLOCK_REALTIME) return pthread_cond_timedwait(cond, mutex, deadline);
  struct timespec now, realtime;
  clock_gettime(clock, &now);
  clock_gettime(CLOCK_REALTIME, &realtime);
  long long nanoseconds =
      (deadline->tv_sec - now.tv_sec) * 1000000000LL + (deadline->tv_nsec - now.tv_nsec);
  if (nanoseconds < 0) nanoseconds = 0;
  nanoseconds += realtime.tv_nsec;
  realtime.tv_sec += nanoseconds / 1000000000LL;
  realtime.tv_nsec = nanoseconds % 1000000000LL;
  return pthread_cond_timedwait(cond, mutex, &realtime);
}
}
#endif
