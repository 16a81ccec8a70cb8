/** Placing a member in a tier from earned points. */
package com.twork.points.tier.control;
