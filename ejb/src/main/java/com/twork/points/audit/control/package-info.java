/** Writing audit rows under the locked chain head; the hash rule shared with the command line. */
package com.twork.points.audit.control;
