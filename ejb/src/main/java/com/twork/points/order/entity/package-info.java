/** WooCommerce orders as last applied, and their refunds. */
package com.twork.points.order.entity;
