// The raw C column of the REQ/REP latency scenarios (bench/run.js): libzmq's remote_lat and
// local_lat loops (blocking zmq_msg_send/zmq_msg_recv of one reused message), with each round
// trip timed, so C gets the same distribution (p50/p99/p99.9) as the other implementations.
//   latency rep|req|both <endpoint> <size> <count> [busy]
// rep binds and echoes <count> messages (printing "ready" once bound); req connects and times
// <count> round trips; both runs the echo in a thread of this process (inproc needs that).
// busy: the requester spins on zmq_msg_recv(ZMQ_DONTWAIT) instead of blocking in it.
// The requester prints one JSON line: the mean half round trip and a histogram of round trips
// in buckets of 1 % (bucket = floor(100 ln ns)), as bench/common.js's histogram does.
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

#define BUCKETS 2400  // 100 ln(ns) < 2400 up to e^24 ns (about 7 hours)

static const char* endpoint;
static size_t size;
static int count;
static int busy;
static void* context;

static void fail(const char* what) {
  fprintf(stderr, "error: %s: %s\n", what, zmq_strerror(zmq_errno()));
  exit(1);
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

// The echo side; `bound` (a volatile int, or NULL) is set once bound, else "ready" is printed.
static void* echo(void* bound) {
  void* rep = zmq_socket(context, ZMQ_REP);
  if (rep == NULL) fail("zmq_socket");
  if (zmq_bind(rep, endpoint) != 0) fail("zmq_bind");
  if (bound != NULL) {
    *(volatile int*)bound = 1;
  } else {
    printf("ready\n");
    fflush(stdout);
  }
  zmq_msg_t msg;
  zmq_msg_init(&msg);
  for (int i = 0; i < count; i++) {
    if (zmq_msg_recv(&msg, rep, 0) < 0) fail("zmq_msg_recv");
    if (zmq_msg_send(&msg, rep, 0) < 0) fail("zmq_msg_send");
  }
  zmq_msg_close(&msg);
  int linger = 1000;
  zmq_setsockopt(rep, ZMQ_LINGER, &linger, sizeof linger);
  zmq_close(rep);
  return NULL;
}

static void ask(void) {
  static unsigned histogram[BUCKETS];
  void* req = zmq_socket(context, ZMQ_REQ);
  if (req == NULL) fail("zmq_socket");
  if (zmq_connect(req, endpoint) != 0) fail("zmq_connect");
  zmq_msg_t msg;
  if (zmq_msg_init_size(&msg, size) != 0) fail("zmq_msg_init_size");
  memset(zmq_msg_data(&msg), 'a', size);
  const double start = now_ns();
  double last = start;
  for (int i = 0; i < count; i++) {
    if (zmq_msg_send(&msg, req, 0) < 0) fail("zmq_msg_send");
    while (zmq_msg_recv(&msg, req, busy ? ZMQ_DONTWAIT : 0) < 0) {
      if (!busy || zmq_errno() != EAGAIN) fail("zmq_msg_recv");
    }
    const double t = now_ns();
    int bucket = (int)floor(100 * log(t - last > 1 ? t - last : 1));
    histogram[bucket < BUCKETS ? bucket : BUCKETS - 1]++;
    last = t;
  }
  const double seconds = (last - start) / 1e9;
  printf("{\"count\":%d,\"seconds\":%.6f,\"latencyUs\":%.4f,\"hist\":{", count, seconds,
         seconds * 1e6 / count / 2);
  const char* separator = "";
  for (int b = 0; b < BUCKETS; b++) {
    if (histogram[b] == 0) continue;
    printf("%s\"%d\":%u", separator, b, histogram[b]);
    separator = ",";
  }
  printf("}}\n");
  zmq_msg_close(&msg);
  zmq_close(req);
}

int main(int argc, char* argv[]) {
  if (argc < 5) {
    fprintf(stderr, "usage: latency rep|req|both <endpoint> <size> <count> [busy]\n");
    return 2;
  }
  const char* role = argv[1];
  endpoint = argv[2];
  size = (size_t)atol(argv[3]);
  count = atoi(argv[4]);
  busy = argc > 5 && strcmp(argv[5], "busy") == 0;
  context = zmq_ctx_new();
  if (context == NULL) fail("zmq_ctx_new");
  if (strcmp(role, "rep") == 0) {
    echo(NULL);
  } else if (strcmp(role, "req") == 0) {
    ask();
  } else if (strcmp(role, "both") == 0) {
    volatile int bound = 0;
    pthread_t thread;
    if (pthread_create(&thread, NULL, echo, (void*)&bound) != 0) return 1;
    while (!bound) sched_yield();
    ask();
    pthread_join(thread, NULL);
  } else {
    fprintf(stderr, "unknown role %s\n", role);
    return 2;
  }
  zmq_ctx_term(context);
  return 0;
}
