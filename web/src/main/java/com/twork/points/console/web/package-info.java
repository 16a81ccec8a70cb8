/**
 * The staff console (Jakarta Faces at {@code /admin/}): a servlet filter that authenticates every request from a
 * database session and checks the CSRF token of every POST, one small request-scoped backing bean per page,
 * stateless (transient) views, so no page needs a sticky HTTP session and any instance can serve any request.
 */
package com.twork.points.console.web;
