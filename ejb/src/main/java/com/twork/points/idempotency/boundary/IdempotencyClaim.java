package com.twork.points.idempotency.boundary;

/** What a request carrying an Idempotency-Key may do. */
public sealed interface IdempotencyClaim {
    /** First use of the key (or take-over of an abandoned one): go on, then record the answer. */
    record Started(String scope) implements IdempotencyClaim {}

    /** The key was used with the same body and answered: send that answer again. */
    record Replay(int status, String body) implements IdempotencyClaim {}

    /** The key is in use by a request still running. */
    record InProgress() implements IdempotencyClaim {}

    /** The key was used with a different body. */
    record Reused() implements IdempotencyClaim {}
}
