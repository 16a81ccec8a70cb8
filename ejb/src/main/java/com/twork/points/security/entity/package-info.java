/** Stored API keys (hashed key, hashed secret, permissions). */
package com.twork.points.security.entity;
