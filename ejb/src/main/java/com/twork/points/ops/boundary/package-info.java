/** Operations: structured logs, the failure alert, health, reconciliation and housekeeping jobs. */
package com.twork.points.ops.boundary;
