package com.twork.points.security.boundary;

import com.twork.points.security.entity.Permission;
import com.twork.points.security.entity.Role;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case that only an authenticated and authorised caller may run. The binding puts the security
 * interceptors in front of it, in this order: {@link ApiKeyInterceptor} and {@link NonceInterceptor} (who is
 * calling: 401, 403 for a bad nonce, 429 for a client failing too often), {@link AccessInterceptor} (may they:
 * 403). The target member of a customer check is the method's first argument: a {@code long} user id or a
 * {@link MemberTarget}.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
    /** What an API key needs: READ for reads, WRITE for changes. */
    @Nonbinding
    Permission value() default Permission.READ;

    /** Whether API keys may call this at all (staff-only services say no). */
    @Nonbinding
    boolean keys() default true;

    /** The least staff role that may call this (ADMIN covers MANAGER). */
    @Nonbinding
    Role staff() default Role.MANAGER;

    /** What customers may do. */
    @Nonbinding
    CustomerAccess customers() default CustomerAccess.NONE;
}
