/** The console's rule editor (admin/rules/): list, create, edit (a new version), pause, resume, end, and cost. */
package com.twork.points.rule.admin;
