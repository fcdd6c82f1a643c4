package io.lightsout.wsman.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FakeBmc.Handler} that answers each request with a recorded device response chosen by the request's
 * action and resource class, so profile tests replay real device traffic.
 */
public final class Replay implements FakeBmc.Handler {

    private record Route(String action, String resourceClass, String golden, String xml) {
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * Answers requests whose Action ends with {@code action} ({@code Get}, {@code Enumerate}, a method name) on a
     * resource URI ending with {@code resourceClass} with the golden file.
     */
    public Replay on(String action, String resourceClass, String golden) {
        routes.add(new Route(action, resourceClass, golden, null));
        return this;
    }

    /** Like {@link #on} with a crafted response, for classes no recording covers. */
    public Replay onXml(String action, String resourceClass, String xml) {
        routes.add(new Route(action, resourceClass, null, xml));
        return this;
    }

    @Override
    public FakeBmc.Reply handle(FakeBmc.Req req) {
        RequestShape shape = RequestShape.of(req.body());
        for (Route r : routes) {
            if (shape.action().endsWith("/" + r.action) && shape.resourceUri().endsWith("/" + r.resourceClass)) {
                return FakeBmc.Reply.xml(200, r.xml != null ? r.xml : Golden.text(r.golden));
            }
        }
        return FakeBmc.Reply.xml(400, Soap.fault("wsa:ActionNotSupported", "no recording for "
                + shape.action() + " on " + shape.resourceUri(), ""));
    }
}
