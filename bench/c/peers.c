// The many peers of the scale scenarios (bench/scale.js), in C so that they are never what
// bends: the implementation under test is the one Router or Publisher they talk to.
//   peers dealers <endpoint> <n> <seconds>
//     n Dealers with 1,000 requests in flight between them (at least one each; 16 bytes, the
//     Router echoes them): prints the replies per second over <seconds>, counted once every
//     Dealer has had its first reply. Each reply is answered with a new request at once.
//   peers subscribers <endpoint> <n> <prefixes> <seconds>
//     n Subscribers sharing <prefixes> topic prefixes "t0".."t<prefixes-1>" (subscriber i takes
//     every n-th, from i): prints the deliveries per second over <seconds>, counted from 0.5 s
//     after the first delivery (the subscriptions have reached the publisher by then).
// Waits on all sockets at once with libzmq's zmq_poller, which reads every socket's ZMQ_EVENTS
// at each wait (8-10 % of this process's time with 1,000 Subscribers, measured with perf).
#define ZMQ_BUILD_DRAFT_API
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static void fail(const char* what) {
  fprintf(stderr, "error: %s: %s\n", what, zmq_strerror(zmq_errno()));
  exit(1);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static void* open_socket(void* context, int type, const char* endpoint) {
  void* socket = zmq_socket(context, type);
  if (socket == NULL) fail("zmq_socket");
  int linger = 0;
  zmq_setsockopt(socket, ZMQ_LINGER, &linger, sizeof linger);
  // A Subscriber's subscriptions go to the Publisher through its outgoing pipe, and libzmq
  // drops silently what does not fit under the high-water mark (1,000): one Subscriber of
  // 10,000 prefixes would reach the Publisher with a tenth of them.
  int unbounded = 0;
  if (type == ZMQ_SUB) zmq_setsockopt(socket, ZMQ_SNDHWM, &unbounded, sizeof unbounded);
  if (zmq_connect(socket, endpoint) != 0) fail("zmq_connect");
  return socket;
}

static void dealers(void* context, const char* endpoint, int n, double seconds) {
  void** sockets = calloc(n, sizeof *sockets);
  char* answered = calloc(n, 1);
  zmq_poller_event_t* events = calloc(n, sizeof *events);
  void* poller = zmq_poller_new();
  const int window = n >= 1000 ? 1 : (1000 + n - 1) / n;
  for (int i = 0; i < n; i++) {
    sockets[i] = open_socket(context, ZMQ_DEALER, endpoint);
    if (zmq_poller_add(poller, sockets[i], (void*)(size_t)i, ZMQ_POLLIN) != 0)
      fail("zmq_poller_add");
    for (int w = 0; w < window; w++) {
      if (zmq_send(sockets[i], "0123456789abcdef", 16, 0) < 0) fail("zmq_send");
    }
  }
  int waiting = n;  // dealers yet to have their first reply
  long replies = 0;
  double start = 0, end = 0;
  char buffer[64];
  for (;;) {
    const double t = now();
    if (waiting == 0 && t >= end) break;
    const int ready = zmq_poller_wait_all(poller, events, n, 100);
    if (ready < 0 && zmq_errno() != EAGAIN) fail("zmq_poller_wait_all");
    for (int e = 0; e < ready; e++) {
      const int i = (int)(size_t)events[e].user_data;
      while (zmq_recv(sockets[i], buffer, sizeof buffer, ZMQ_DONTWAIT) >= 0) {
        if (waiting > 0 && !answered[i]) {
          answered[i] = 1;
          if (--waiting == 0) {
            start = now();
            end = start + seconds;
          }
        } else if (waiting == 0) {
          replies++;
        }
        if (zmq_send(sockets[i], "0123456789abcdef", 16, 0) < 0) fail("zmq_send");
      }
    }
  }
  printf("{\"peers\":%d,\"replies\":%ld,\"seconds\":%.3f,\"rate\":%.1f}\n", n, replies,
         now() - start, replies / (now() - start));
  fflush(stdout);
  zmq_poller_destroy(&poller);
  for (int i = 0; i < n; i++) zmq_close(sockets[i]);
}

static void subscribers(void* context, const char* endpoint, int n, int prefixes, double seconds) {
  void** sockets = calloc(n, sizeof *sockets);
  zmq_poller_event_t* events = calloc(n, sizeof *events);
  void* poller = zmq_poller_new();
  for (int i = 0; i < n; i++) {
    sockets[i] = open_socket(context, ZMQ_SUB, endpoint);
    for (int p = i; p < prefixes; p += n) {
      char topic[16];
      const int length = snprintf(topic, sizeof topic, "t%d.", p);
      if (zmq_setsockopt(sockets[i], ZMQ_SUBSCRIBE, topic, length) != 0) fail("ZMQ_SUBSCRIBE");
    }
    if (zmq_poller_add(poller, sockets[i], NULL, ZMQ_POLLIN) != 0) fail("zmq_poller_add");
  }
  long deliveries = 0;
  double first = 0, start = 0;
  char buffer[256];
  for (;;) {
    const double t = now();
    if (first > 0 && start == 0 && t >= first + 0.5) {
      start = t;
      deliveries = 0;
    }
    if (start > 0 && t >= start + seconds) break;
    const int ready = zmq_poller_wait_all(poller, events, n, 100);
    if (ready < 0 && zmq_errno() != EAGAIN) fail("zmq_poller_wait_all");
    for (int e = 0; e < ready; e++) {
      while (zmq_recv(events[e].socket, buffer, sizeof buffer, ZMQ_DONTWAIT) >= 0) deliveries++;
    }
    if (first == 0 && deliveries > 0) first = now();
  }
  const double elapsed = now() - start;
  printf("{\"peers\":%d,\"prefixes\":%d,\"deliveries\":%ld,\"seconds\":%.3f,\"rate\":%.1f}\n", n,
         prefixes, deliveries, elapsed, deliveries / elapsed);
  fflush(stdout);
  zmq_poller_destroy(&poller);
  for (int i = 0; i < n; i++) zmq_close(sockets[i]);
}

int main(int argc, char* argv[]) {
  if (argc < 5) {
    fprintf(stderr,
            "usage: peers dealers <endpoint> <n> <seconds> | subscribers <endpoint> <n> "
            "<prefixes> <seconds>\n");
    return 2;
  }
  void* context = zmq_ctx_new();
  if (context == NULL) fail("zmq_ctx_new");
  zmq_ctx_set(context, ZMQ_MAX_SOCKETS, 10000);
  const int n = atoi(argv[3]);
  if (strcmp(argv[1], "dealers") == 0) {
    dealers(context, argv[2], n, atof(argv[4]));
  } else if (strcmp(argv[1], "subscribers") == 0 && argc > 5) {
    subscribers(context, argv[2], n, atoi(argv[4]), atof(argv[5]));
  } else {
    fprintf(stderr, "unknown role %s\n", argv[1]);
    return 2;
  }
  zmq_ctx_term(context);
  return 0;
}
