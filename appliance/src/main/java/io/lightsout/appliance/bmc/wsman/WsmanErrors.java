package io.lightsout.appliance.bmc.wsman;

import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcException.Reason;
import io.lightsout.wsman.WsmanAuthException;
import io.lightsout.wsman.WsmanConnectionException;
import io.lightsout.wsman.WsmanException;
import io.lightsout.wsman.WsmanFaultException;
import io.lightsout.wsman.WsmanProtocolException;
import io.lightsout.wsman.WsmanTimeoutException;
import io.lightsout.wsman.WsmanTlsException;
import io.lightsout.wsman.profile.MethodFailedException;

/** The one mapping of WS-Man failures to {@link BmcException} reasons, keeping the protocol's own code. */
final class WsmanErrors {
    private WsmanErrors() {
    }

    static BmcException map(WsmanException e) {
        return switch (e) {
            case WsmanAuthException a -> new BmcException(Reason.AUTH_FAILED, a.getMessage(), "401", a);
            case WsmanTimeoutException t -> new BmcException(Reason.TIMEOUT, t.getMessage(), null, t);
            case WsmanConnectionException c -> new BmcException(Reason.UNREACHABLE, c.getMessage(), null, c);
            case WsmanTlsException t -> new BmcException(t.kind() == WsmanTlsException.Kind.CERTIFICATE_CHANGED
                    ? Reason.CERTIFICATE_CHANGED : Reason.UNREACHABLE, t.getMessage(), t.kind().name(), t);
            case WsmanFaultException f -> new BmcException(Reason.BMC_ERROR, f.getMessage(), f.subcodeName(), f);
            case WsmanProtocolException p -> new BmcException(Reason.BMC_ERROR, p.getMessage(), null, p);
        };
    }

    static BmcException map(MethodFailedException e) {
        return new BmcException(Reason.BMC_ERROR, e.getMessage(), e.messageId().orElse("ReturnValue="
                + e.returnValue()), e);
    }
}
