/** Applying WooCommerce order and customer events to the ledger, in order and once. */
package com.twork.points.order.control;
