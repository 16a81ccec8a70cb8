/** Changing the tier ladder (staff). */
package com.twork.points.tier.boundary;
