/** Earning rules, their versions and the stored breakdown of order awards. */
package com.twork.points.rule.entity;
