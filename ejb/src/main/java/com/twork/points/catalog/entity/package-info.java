/** The shop's products and categories as WooCommerce last told us. */
package com.twork.points.catalog.entity;
