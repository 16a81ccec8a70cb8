/** Setting definitions (defaults, ranges) and the cached store. */
package com.twork.points.setting.control;
