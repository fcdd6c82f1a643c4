package io.lightsout.appliance.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Follows one API resource (a job, a campaign) until it is final: polls it every {@code interval}, hands a progress
 * line to a {@link Display} each time the line changes, and returns the final document for the caller to print and
 * turn into an exit code. Each poll is one API call with the client's own timeout.
 *
 * @param client   the API client
 * @param path     the resource, e.g. {@code /api/v1/jobs/12}
 * @param interval time between polls (at least a second is used)
 */
public record ProgressWatch(ApiClient client, String path, Duration interval) {

    /** Where progress lines go. */
    @FunctionalInterface
    public interface Display {
        /** A changed progress line. */
        void show(String line);

        /** The watch is over: leave the output ready for what is printed next. */
        default void end() {
        }

        /** Shows nothing (for {@code --json}, whose output must stay one JSON document). */
        static Display quiet() {
            return line -> { };
        }

        /** A line per change: what logs and pipes want. */
        static Display lines(PrintStream out) {
            return out::println;
        }

        /** One line redrawn in place with a carriage return: what a person at a terminal wants. */
        static Display redraw(PrintStream out) {
            return new Display() {
                private int width;

                @Override
                public void show(String line) {
                    // spaces wipe what a longer previous line leaves behind (no ANSI: any terminal will do)
                    out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                    out.flush();
                    width = line.length();
                }

                @Override
                public void end() {
                    if (width > 0) {
                        out.println();
                    }
                }
            };
        }

        /** {@link #redraw} when standard output is a terminal, else {@link #lines}. */
        static Display stdout() {
            return stdoutIsTerminal() ? redraw(System.out) : lines(System.out);
        }
    }

    /**
     * @param done  whether a document is final
     * @param line  the progress line for a document
     * @param out   where changed lines go
     * @return the first final document
     */
    public JsonNode until(Predicate<JsonNode> done, Function<JsonNode, String> line, Display out)
            throws IOException, InterruptedException {
        long sleepMs = Math.max(1000, interval.toMillis());
        String last = null;
        try {
            while (true) {
                JsonNode now = client.get(path);
                String l = line.apply(now);
                if (!l.equals(last)) {
                    out.show(l);
                    last = l;
                }
                if (done.test(now)) {
                    return now;
                }
                Thread.sleep(sleepMs);
            }
        } finally {
            out.end();
        }
    }

    private static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // since JDK 22 System.console() may exist with redirected streams; Console.isTerminal() (22+) tells, and
        // the release is 21, hence the reflective look-up
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only when both stdin and stdout are a terminal
        }
    }
}
