/**
 * The typed Java client of the points API (SPEC §3): {@link com.twork.points.client.PointsClient}, its request
 * and result records, and the exceptions that carry the server's error envelope.
 */
package com.twork.points.client;
