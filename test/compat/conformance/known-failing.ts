// Rows where zmq-native still differs from zeromq v6 by mistake: "differs", or "crashes" when
// ours kills the process (then ours runs in a child process, which must still die). Each must
// still fail — the test fails once it is fixed, asking for its removal here: the list only
// shrinks, to nothing.
export const knownFailing = new Map<string, "differs" | "crashes">([])
