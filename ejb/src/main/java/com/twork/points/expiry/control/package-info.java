/** Expiring due lots member by member, in batches claimed with SKIP LOCKED. */
package com.twork.points.expiry.control;
