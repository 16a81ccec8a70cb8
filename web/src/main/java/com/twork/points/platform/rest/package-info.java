/** HTTP plumbing shared by every route: the JAX-RS application, filters in the fixed order of checks, the error envelope and its mappers. */
package com.twork.points.platform.rest;
