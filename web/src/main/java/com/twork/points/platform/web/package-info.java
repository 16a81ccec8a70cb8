/** Servlet-level plumbing shared by the console and the API (security headers). */
package com.twork.points.platform.web;
