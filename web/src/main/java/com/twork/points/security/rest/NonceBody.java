package com.twork.points.security.rest;

/** {@code GET /auth/nonce}: a fresh nonce for the current session. */
public record NonceBody(String nonce) {}
