/**
 * The offline queue: point transactions kept in an encrypted local file while the server cannot be reached, and
 * replayed through {@code POST /sync} with backoff, a dead-letter list and telemetry hooks.
 */
package com.twork.points.client.queue;
