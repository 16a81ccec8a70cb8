/** The expiry sweep: its timer and the staff "run expiry now" action. */
package com.twork.points.expiry.boundary;
