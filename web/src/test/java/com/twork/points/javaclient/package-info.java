/** The Java client library (module client) against the real server: typed API, offline queue, loopback proxy. */
package com.twork.points.javaclient;
