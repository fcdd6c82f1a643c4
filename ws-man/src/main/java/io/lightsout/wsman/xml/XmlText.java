package io.lightsout.wsman.xml;

/** Escaping for text and attribute values written into envelopes. */
public final class XmlText {

    private XmlText() {
    }

    /** Appends {@code s} escaped for element content or a double-quoted attribute. */
    public static StringBuilder escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        throw new IllegalArgumentException("character U+" + Integer.toHexString(c)
                                + " cannot be sent in XML 1.0");
                    }
                    sb.append(c);
                }
            }
        }
        return sb;
    }
}
