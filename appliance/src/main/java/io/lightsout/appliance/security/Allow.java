package io.lightsout.appliance.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a REST resource method (or every method of a class). Read by the one authorization
 * filter and by the OpenAPI document ({@code x-roles}). Every resource method carries either this or
 * {@link Public}; a method with neither stops the appliance at start-up.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {
    /** The allowed roles. */
    Role[] value();
}
