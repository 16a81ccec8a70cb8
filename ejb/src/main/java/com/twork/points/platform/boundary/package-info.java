/** Start-up of the application's infrastructure (data source, schema migration) and the base of every business failure. */
package com.twork.points.platform.boundary;
