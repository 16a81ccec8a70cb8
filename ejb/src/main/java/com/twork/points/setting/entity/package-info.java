/** Stored business settings, one row per key. */
package com.twork.points.setting.entity;
