/** Balance and history routes of the points API and their wire records. */
package com.twork.points.ledger.rest;
