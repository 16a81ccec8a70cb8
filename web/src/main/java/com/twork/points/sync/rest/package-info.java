/** POST /sync: reading a batch from the wire and answering with per-item results. */
package com.twork.points.sync.rest;
