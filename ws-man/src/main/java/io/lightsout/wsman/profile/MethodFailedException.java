package io.lightsout.wsman.profile;

import io.lightsout.wsman.InvokeResult;
import java.util.Optional;

/**
 * A method the device ran and reported as failed (ReturnValue other than 0 or 4096), with its own message.
 * Not a transport failure: the call itself worked.
 */
public final class MethodFailedException extends RuntimeException {

    private final String method;
    private final long returnValue;
    private final String messageId;

    public MethodFailedException(String method, long returnValue, String messageId, String message) {
        super(method + " failed with ReturnValue " + returnValue + (messageId == null ? "" : " [" + messageId + "]")
                + (message == null ? "" : ": " + message));
        this.method = method;
        this.returnValue = returnValue;
        this.messageId = messageId;
    }

    /** The result itself if it succeeded, else this exception. */
    public static InvokeResult check(InvokeResult r) {
        if (r.succeeded()) {
            return r;
        }
        throw new MethodFailedException(r.method(), r.returnValue().orElse(-1), r.messageId().orElse(null),
                r.message().orElse(null));
    }

    public String method() {
        return method;
    }

    public long returnValue() {
        return returnValue;
    }

    /** Dell's MessageID (e.g. {@code SYS021}), if given. */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }
}
