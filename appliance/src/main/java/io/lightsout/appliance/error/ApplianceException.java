package io.lightsout.appliance.error;

import java.util.List;

/**
 * The appliance's typed errors. Each kind maps to exactly one HTTP status and problem type in one place
 * ({@code api.ProblemMapper}); messages are written for the person who sees them and never carry secrets.
 */
public abstract sealed class ApplianceException extends RuntimeException
        permits ApplianceException.BadRequest, ApplianceException.Unauthenticated, ApplianceException.Forbidden,
        ApplianceException.NotFound, ApplianceException.Conflict, ApplianceException.Locked,
        ApplianceException.Unavailable {
    private static final long serialVersionUID = 1L;

    /** A field that failed validation and why. */
    public record FieldError(String field, String message) {
    }

    protected ApplianceException(String message) {
        super(message, null, false, false);
    }

    /** Input that cannot be accepted; {@code errors} names the fields. */
    public static final class BadRequest extends ApplianceException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> errors;

        public BadRequest(String message, List<FieldError> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        public BadRequest(String message) {
            this(message, List.of());
        }

        public static BadRequest field(String field, String message) {
            return new BadRequest(message, List.of(new FieldError(field, message)));
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** No or wrong credentials. */
    public static final class Unauthenticated extends ApplianceException {
        private static final long serialVersionUID = 1L;

        public Unauthenticated(String message) {
            super(message);
        }
    }

    /** Authenticated but not allowed (role or CSRF). */
    public static final class Forbidden extends ApplianceException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String message) {
            super(message);
        }
    }

    public static final class NotFound extends ApplianceException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** The request conflicts with the current state (duplicate name, setup already done, ...). */
    public static final class Conflict extends ApplianceException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message);
        }
    }

    /** The account is locked after repeated login failures. */
    public static final class Locked extends ApplianceException {
        private static final long serialVersionUID = 1L;

        public Locked(String message) {
            super(message);
        }
    }

    /** A limit is reached or a dependency is down; try again later. */
    public static final class Unavailable extends ApplianceException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }
}
