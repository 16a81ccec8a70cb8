/** WooCommerce webhooks (signature, de-duplication) and the staff view of orders. */
package com.twork.points.order.boundary;
