/** Staff use cases on earning rules: list, create, edit (a new version), pause, resume, end, and preview an order. */
package com.twork.points.rule.boundary;
