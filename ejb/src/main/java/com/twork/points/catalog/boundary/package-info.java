/** Product webhooks and the one-off product import. */
package com.twork.points.catalog.boundary;
