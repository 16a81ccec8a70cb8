/** Examples of the client library's telemetry hooks, compiled and exercised by the tests. */
package com.twork.points.client.examples;
