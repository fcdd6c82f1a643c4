package io.lightsout.wsman.xml;

/** A document {@link SecureXml} could not or would not parse; the message names why (never the document). */
public final class XmlParseException extends Exception {

    /** Why the document was not parsed. */
    public enum Reason {
        /** Not well-formed XML. */
        MALFORMED,
        /** Well-formed but refused: a DTD, an entity reference, or beyond the depth/element limits. */
        REFUSED
    }

    private final Reason reason;

    public XmlParseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
