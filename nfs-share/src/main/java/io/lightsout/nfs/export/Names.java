package io.lightsout.nfs.export;

import io.lightsout.nfs.xdr.Nfs3;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * File names are bytes on the wire and on disk. Java paths are strings, and a name that is not valid in the
 * platform encoding does not survive {@code toString()}; a {@code file:} URI percent-encodes the raw bytes of a
 * Unix path both ways, so names that are not plain ASCII go through one.
 */
public final class Names {
    private Names() {}

    /**
     * The child {@code name} of {@code dir}. Refuses what could leave the directory or cannot be a single name:
     * empty, {@code .}, {@code ..}, a {@code /} or a NUL byte.
     */
    public static Path child(Path dir, byte[] name) throws NfsError {
        check(name);
        if (isAscii(name)) {
            return dir.resolve(new String(name, StandardCharsets.US_ASCII));
        }
        StringBuilder uri = new StringBuilder(dir.toUri().getRawPath());
        if (uri.charAt(uri.length() - 1) != '/') {
            uri.append('/');
        }
        for (byte b : name) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                uri.append((char) c);
            } else {
                uri.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return Path.of(URI.create("file://" + uri));
    }

    /** The raw bytes of the last name of {@code path}. */
    public static byte[] bytes(Path path) {
        String s = path.getFileName().toString();
        if (isAscii(s)) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
        String raw = path.toUri().getRawPath();
        int end = raw.endsWith("/") ? raw.length() - 1 : raw.length();
        int start = raw.lastIndexOf('/', end - 1) + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    static void check(byte[] name) throws NfsError {
        if (name.length == 0) {
            throw new NfsError(Nfs3.ERR_ACCES, "empty name");
        }
        if (name.length > Nfs3.MAXNAMLEN) {
            throw new NfsError(Nfs3.ERR_NAMETOOLONG, "name longer than " + Nfs3.MAXNAMLEN + " bytes");
        }
        if (isDot(name) || isDotDot(name)) {
            throw new NfsError(Nfs3.ERR_ACCES, "dot names are resolved by the caller");
        }
        for (byte b : name) {
            if (b == '/' || b == 0) {
                throw new NfsError(Nfs3.ERR_ACCES, "name with '/' or NUL");
            }
        }
    }

    public static boolean isDot(byte[] name) {
        return name.length == 1 && name[0] == '.';
    }

    public static boolean isDotDot(byte[] name) {
        return name.length == 2 && name[0] == '.' && name[1] == '.';
    }

    private static boolean isAscii(byte[] name) {
        for (byte b : name) {
            if (b < 0x20 || b == 0x7f || b == '%') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '%') {
                return false;
            }
        }
        return true;
    }
}
