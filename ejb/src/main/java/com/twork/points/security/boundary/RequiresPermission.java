package com.twork.points.security.boundary;

import com.twork.points.security.entity.Permission;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case that only an authenticated caller holding {@link #value()} may run. The binding makes
 * {@link ApiKeyInterceptor} verify the request's credentials before the method body runs.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
    @Nonbinding
    Permission value() default Permission.READ;
}
