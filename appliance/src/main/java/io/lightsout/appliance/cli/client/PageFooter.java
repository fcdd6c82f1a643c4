package io.lightsout.appliance.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The line under a paged listing, from the API's page document ({@code items}, {@code page}, {@code size},
 * {@code total}): which entries were shown and the option that shows the next ones.
 */
public final class PageFooter {
    private PageFooter() {
    }

    /** E.g. {@code "51-100 of 1234 entries (page 1; next: --page 2)"} or {@code "3 of 3 entries"}. */
    public static String of(JsonNode page, String noun) {
        int shown = page.path("items").size();
        long total = page.path("total").asLong();
        int number = page.path("page").asInt();
        long first = (long) number * page.path("size").asInt();
        if (number == 0 && shown >= total) {
            return shown + " of " + total + " " + noun;
        }
        String range = shown == 0 ? "none" : (first + 1) + "-" + (first + shown);
        return range + " of " + total + " " + noun + " (page " + number
                + (first + shown < total ? "; next: --page " + (number + 1) : "; last page") + ")";
    }
}
