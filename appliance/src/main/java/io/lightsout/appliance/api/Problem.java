package io.lightsout.appliance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import java.util.List;

/** An RFC 9457 problem document ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
