package com.twork.points.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route that needs its body as sent (a signature is computed over the exact bytes): the body filter
 * still enforces the size limit but neither checks the media type nor parses JSON.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RawBody {
    String PROPERTY = "twork.raw-body";
}
