/** Authentication of API callers: the interceptor binding on services, its failures and permissions. */
package com.twork.points.security.boundary;
