/** POST /webhooks/woocommerce. */
package com.twork.points.order.rest;
