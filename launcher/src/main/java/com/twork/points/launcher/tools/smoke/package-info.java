/** {@code ./twork smoke}: the cut-over's read-only check of balances and history through the shop's URL. */
package com.twork.points.launcher.tools.smoke;
