/** Earning rules as plain values and the evaluator that turns an order into an explained award (docs/rules.md). */
package com.twork.points.rule.control;
