/** The staff routes for earning rules: CRUD with versions, pause/resume/end, and the order preview. */
package com.twork.points.rule.rest;
