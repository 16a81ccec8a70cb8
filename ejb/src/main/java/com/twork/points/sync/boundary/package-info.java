/** The app's bulk re-post of its cached ledger (POST /sync): per-item outcomes, echo and replay safety. */
package com.twork.points.sync.boundary;
