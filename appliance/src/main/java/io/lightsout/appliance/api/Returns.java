package io.lightsout.appliance.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For resource methods that return a {@code Response}: the success status and body type, so the OpenAPI document
 * can describe them ({@code Void.class} = no body).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Returns {
    /** The success status. */
    int status() default 200;

    /** The body type, {@code Void.class} for none. */
    Class<?> value() default Void.class;

    /**
     * Other statuses answered with the same body type rather than a problem document (a refused power action is a
     * 409 with the power result, so that the caller sees the state read before it).
     */
    int[] also() default {};
}
