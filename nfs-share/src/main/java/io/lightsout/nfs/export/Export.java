package io.lightsout.nfs.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One read-only export: the name clients mount (such as {@code /firmware}), the directory it serves and who may
 * mount it. Exports are always read-only; there is no setting to change that.
 *
 * @param name    absolute mount path, e.g. {@code /iso}; no {@code .}/{@code ..} components, no trailing slash
 * @param root    the directory served
 * @param clients the client list
 */
public record Export(String name, Path root, ClientAcl clients) {

    public Export {
        if (!name.matches("(/[A-Za-z0-9._-]+)+") || name.matches(".*/\\.{1,2}(/.*)?")) {
            throw new IllegalArgumentException("export name " + name
                    + ": must be an absolute path of letters, digits, '.', '_' and '-'");
        }
        if (name.length() > 255) {
            throw new IllegalArgumentException("export name longer than 255 characters");
        }
    }

    /**
     * The export's id in file handles and {@code fsid}: derived from the name so that handles survive a restart
     * and do not depend on the order exports were configured in.
     */
    public int id() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return (d[0] & 0xff) << 24 | (d[1] & 0xff) << 16 | (d[2] & 0xff) << 8 | (d[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
