/** Use cases on a member's points: balance and history reads; views they return. */
package com.twork.points.ledger.boundary;
