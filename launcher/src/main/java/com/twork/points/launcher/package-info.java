/** The ./twork command: embedded database, Payara Micro start-up and operator commands. */
package com.twork.points.launcher;
