/** Credentials presented by the current request and the WooCommerce-compatible key hashing. */
package com.twork.points.security.control;
