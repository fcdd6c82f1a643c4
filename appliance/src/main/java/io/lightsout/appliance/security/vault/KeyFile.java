package io.lightsout.appliance.security.vault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's keystore file: a PKCS#12 store holding the data keys by version (alias {@code data-key-N}), mode
 * 0600. Every write replaces the whole file atomically (temporary file, fsync, rename, fsync of the directory), so
 * a crash leaves either the previous or the new set of keys.
 *
 * <p>The PKCS#12 password is a constant: the protection is the file mode and the data directory, as a password
 * for it would have to be stored next to it (docs/security.md).
 */
final class KeyFile {
    private static final char[] STORE_PASSWORD = "lightsout-vault".toCharArray();
    private static final String PREFIX = "data-key-";
    private final Path file;

    KeyFile(Path file) {
        this.file = file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Version → key, in version order. */
    SortedMap<Integer, SecretKey> read() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(Files.readAllBytes(file)), STORE_PASSWORD);
            SortedMap<Integer, SecretKey> keys = new TreeMap<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (alias.startsWith(PREFIX)) {
                    KeyStore.SecretKeyEntry e = (KeyStore.SecretKeyEntry) ks.getEntry(alias,
                            new KeyStore.PasswordProtection(STORE_PASSWORD));
                    keys.put(Integer.parseInt(alias.substring(PREFIX.length())),
                            new SecretKeySpec(e.getSecretKey().getEncoded(), "AES"));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vault keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The vault keystore " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Replaces the file with exactly these keys. */
    void write(SortedMap<Integer, SecretKey> keys) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (var e : keys.entrySet()) {
                ks.setEntry(PREFIX + e.getKey(), new KeyStore.SecretKeyEntry(e.getValue()),
                        new KeyStore.PasswordProtection(STORE_PASSWORD));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ks.store(bytes, STORE_PASSWORD);
            replaceAtomically(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the vault keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the vault keystore: " + e.getMessage(), e);
        }
    }

    private void replaceAtomically(byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
