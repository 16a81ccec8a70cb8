/** Login, logout and nonces for browser sessions under the points prefix. */
package com.twork.points.security.rest;
