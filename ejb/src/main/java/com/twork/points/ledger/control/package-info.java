/** Ledger queries and rules shared by the use cases (order-id normalisation, lot sums). */
package com.twork.points.ledger.control;
