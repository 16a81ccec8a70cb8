/** Storage of idempotency records. */
package com.twork.points.idempotency.control;
