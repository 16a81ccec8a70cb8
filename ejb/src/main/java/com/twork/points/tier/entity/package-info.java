/** Membership tiers with thresholds and award multipliers. */
package com.twork.points.tier.entity;
