/* One libzmq socket driven over stdin, for the interop tests: the C side of peer.py, with the
 * same command line and line protocol (see peer.py), built at test time against the vendored
 * libzmq. Options: --subscribe HEX, --routing-id HEX. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#define MAX_FRAMES 64
#define MAX_LINE (1 << 20)

static const struct {
  const char *name;
  int type;
} types[] = {{"PAIR", ZMQ_PAIR}, {"PUB", ZMQ_PUB},       {"SUB", ZMQ_SUB},         {"REQ", ZMQ_REQ}, {"REP", ZMQ_REP},
             {"DEALER", ZMQ_DEALER}, {"ROUTER", ZMQ_ROUTER}, {"PULL", ZMQ_PULL}, {"PUSH", ZMQ_PUSH}};

static void fail(const char *what) {
  fprintf(stderr, "peer.c: %s: %s\n", what, zmq_strerror(zmq_errno()));
  exit(1);
}

/* Decodes a word ("-" is empty) in place; returns its length in bytes. */
static size_t decode(char *word) {
  if (strcmp(word, "-") == 0) return 0;
  size_t length = strlen(word) / 2;
  for (size_t i = 0; i < length; i++) {
    unsigned value;
    if (sscanf(word + 2 * i, "%2x", &value) != 1) {
      fprintf(stderr, "peer.c: bad hex %s\n", word);
      exit(1);
    }
    word[i] = (char)value;
  }
  return length;
}

static void reply(const char *line) {
  printf("%s\n", line);
  fflush(stdout);
}

static void send_frames(void *socket, char *words) {
  char *frames[MAX_FRAMES];
  int count = 0;
  for (char *word = strtok(words, " \n"); word != NULL && count < MAX_FRAMES; word = strtok(NULL, " \n")) {
    frames[count++] = word;
  }
  for (int i = 0; i < count; i++) {
    size_t length = decode(frames[i]);
    if (zmq_send(socket, frames[i], length, i + 1 < count ? ZMQ_SNDMORE : 0) < 0) fail("zmq_send");
  }
  reply("ok");
}

static void receive_frames(void *socket, const char *timeout_word) {
  zmq_pollitem_t item = {socket, 0, ZMQ_POLLIN, 0};
  long timeout = timeout_word != NULL ? strtol(timeout_word, NULL, 10) : 5000;
  if (zmq_poll(&item, 1, timeout) < 0) fail("zmq_poll");
  if (!(item.revents & ZMQ_POLLIN)) {
    reply("error timeout");
    return;
  }
  printf("frames");
  int more = 1;
  while (more) {
    zmq_msg_t message;
    zmq_msg_init(&message);
    if (zmq_msg_recv(&message, socket, 0) < 0) fail("zmq_msg_recv");
    const unsigned char *data = zmq_msg_data(&message);
    size_t size = zmq_msg_size(&message);
    printf(" ");
    if (size == 0) printf("-");
    for (size_t i = 0; i < size; i++) printf("%02x", data[i]);
    more = zmq_msg_more(&message);
    zmq_msg_close(&message);
  }
  reply("");
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: peer TYPE bind|connect ENDPOINT [--subscribe HEX] [--routing-id HEX]\n");
    return 2;
  }
  int type = -1;
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
    if (strcmp(types[i].name, argv[1]) == 0) type = types[i].type;
  }
  if (type < 0) {
    fprintf(stderr, "peer.c: unknown socket type %s\n", argv[1]);
    return 2;
  }
  void *context = zmq_ctx_new();
  void *socket = zmq_socket(context, type);
  if (socket == NULL) fail("zmq_socket");
  int linger = 500;
  zmq_setsockopt(socket, ZMQ_LINGER, &linger, sizeof linger);
  for (int i = 4; i + 1 < argc; i += 2) {
    size_t length = decode(argv[i + 1]);
    int option = strcmp(argv[i], "--subscribe") == 0 ? ZMQ_SUBSCRIBE
                 : strcmp(argv[i], "--routing-id") == 0 ? ZMQ_ROUTING_ID
                                                        : -1;
    if (option < 0) {
      fprintf(stderr, "peer.c: unknown option %s\n", argv[i]);
      return 2;
    }
    if (zmq_setsockopt(socket, option, argv[i + 1], length) < 0) fail("zmq_setsockopt");
  }
  if ((strcmp(argv[2], "bind") == 0 ? zmq_bind(socket, argv[3]) : zmq_connect(socket, argv[3])) < 0) fail(argv[2]);
  char endpoint[1024];
  size_t endpoint_size = sizeof endpoint;
  if (zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, endpoint, &endpoint_size) < 0) fail("ZMQ_LAST_ENDPOINT");
  printf("ready %s\n", endpoint);
  fflush(stdout);

  static char line[MAX_LINE];
  while (fgets(line, sizeof line, stdin) != NULL) {
    if (strncmp(line, "send ", 5) == 0) {
      send_frames(socket, line + 5);
    } else if (strncmp(line, "recv", 4) == 0) {
      receive_frames(socket, strtok(line + 4, " \n"));
    } else if (strncmp(line, "quit", 4) == 0) {
      break;
    } else {
      reply("error unknown command");
    }
  }
  zmq_close(socket);
  zmq_ctx_term(context);
  return 0;
}
