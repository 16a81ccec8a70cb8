/** Infrastructure every component uses: the injectable clock, schema migration, site-time formatting. */
package com.twork.points.platform.control;
