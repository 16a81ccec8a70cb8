/** Idempotency-Key handling: claim a key, replay its stored answer, refuse reuse with another body. */
package com.twork.points.idempotency.boundary;
