/** ./twork import-products: a shop's existing catalog from WooCommerce's REST export. */
package com.twork.points.launcher.tools.products;
