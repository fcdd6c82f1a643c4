package io.lightsout.appliance.api;

import io.lightsout.appliance.error.ApplianceException;

/** The one rule for {@code page} and {@code size} query parameters. */
final class Paging {
    static final int MAX_SIZE = 500;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw ApplianceException.BadRequest.field("page", "0 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApplianceException.BadRequest.field("size", "1 to " + MAX_SIZE + ".");
        }
    }
}
