/** The JSON log format and file rotation, the request context of log lines, failure counting. */
package com.twork.points.ops.control;
