/** What the staff console reads and changes that no other use case already offers. */
package com.twork.points.console.boundary;
