/** The append-only, hash-chained audit trail of staff actions, and its verification. */
package com.twork.points.audit.boundary;
