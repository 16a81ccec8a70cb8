/** Reading the catalog for awards and rule checks, and applying product events from WooCommerce. */
package com.twork.points.catalog.control;
