package io.lightsout.appliance.security.vault;

import io.lightsout.appliance.store.Database;
import io.lightsout.appliance.store.Jdbc;
import io.lightsout.appliance.store.Sql;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores secrets (BMC passwords, share passwords, SecureOn passwords, ...) encrypted with AES-256-GCM under the
 * appliance's data key. Each value gets a fresh random 96-bit nonce; its id and key version are bound as
 * associated data, so a ciphertext moved to another row does not decrypt. Plaintext is returned only to code in
 * the appliance, never through the API.
 *
 * <p>{@link #rekey} replaces the data key (on every admin password change) so that the database and the keystore
 * file switch together: see docs/decisions/0003-aes-gcm-vault.md.
 */
public final class Vault {
    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyFile keyFile;
    private final Database database;
    private final Jdbc jdbc;
    private final Clock clock;
    private final RekeyObserver observer;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int version;
    private SecretKey key;

    private Vault(KeyFile keyFile, Database database, Clock clock, RekeyObserver observer) {
        this.keyFile = keyFile;
        this.database = database;
        this.jdbc = database.jdbc();
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * Opens the vault: creates the first data key at first boot, otherwise reconciles the keystore file with the
     * database after a re-key that was interrupted (keeps the key the database uses, drops the other).
     *
     * @param keystore the keystore file (created with mode 0600)
     * @param database the migrated database
     * @param clock    time source
     * @param observer told about each re-key step ({@link RekeyObserver#NONE} in production)
     * @throws IllegalStateException when the keystore lacks the key the database was written with
     */
    public static Vault open(Path keystore, Database database, Clock clock, RekeyObserver observer) {
        Vault v = new Vault(new KeyFile(keystore), database, clock, observer);
        v.reconcile();
        return v;
    }

    private void reconcile() {
        Optional<Integer> dbVersion = jdbc.queryOne("SELECT key_version FROM vault_state WHERE id = 1",
                rs -> rs.getInt(1));
        SortedMap<Integer, SecretKey> keys = keyFile.exists() ? keyFile.read() : new TreeMap<>();
        if (dbVersion.isEmpty()) {
            int first = keys.isEmpty() ? 1 : keys.lastKey();
            if (keys.isEmpty()) {
                keys.put(first, newKey());
                keyFile.write(keys);
                LOG.info("Vault: generated data key version {}", first);
            }
            jdbc.update("INSERT INTO vault_state (id, key_version) VALUES (1, ?)", first);
            dbVersion = Optional.of(first);
        }
        int active = dbVersion.get();
        SecretKey activeKey = keys.get(active);
        if (activeKey == null) {
            throw new IllegalStateException("The vault keystore does not hold data key version " + active
                    + " that the database uses; restore the data directory (keystore and database) from one backup");
        }
        if (keys.size() > 1) {
            // an interrupted re-key: the database decided which key is live; the other one goes
            LOG.warn("Vault: completing an interrupted re-key, keeping data key version {} of {}", active,
                    keys.keySet());
            SortedMap<Integer, SecretKey> only = new TreeMap<>();
            only.put(active, activeKey);
            keyFile.write(only);
        }
        this.version = active;
        this.key = activeKey;
    }

    /**
     * Runs a database transaction in which secrets may be written ({@link #put}, {@link #replace}). A re-key waits
     * for open vault transactions and blocks new ones, so no secret can be committed under a key being dropped.
     */
    public <T> T transaction(Jdbc.TxWork<T> work) {
        lock.readLock().lock();
        try {
            return jdbc.transaction(work);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Stores a new secret and returns its id; call inside {@link #transaction}. */
    public String put(Sql tx, byte[] plaintext) {
        requireTransaction();
        String id = UUID.randomUUID().toString();
        Sealed s = seal(id, version, key, plaintext);
        tx.update("INSERT INTO secrets (id, key_version, nonce, ciphertext, updated_at) VALUES (?, ?, ?, ?, ?)",
                id, version, s.nonce, s.ciphertext, clock.millis());
        return id;
    }

    /** Replaces the value of an existing secret; call inside {@link #transaction}. */
    public void replace(Sql tx, String id, byte[] plaintext) {
        requireTransaction();
        Sealed s = seal(id, version, key, plaintext);
        int n = tx.update("UPDATE secrets SET key_version = ?, nonce = ?, ciphertext = ?, updated_at = ? "
                + "WHERE id = ?", version, s.nonce, s.ciphertext, clock.millis(), id);
        if (n != 1) {
            throw new IllegalArgumentException("No secret " + id);
        }
    }

    private void requireTransaction() {
        if (lock.getReadHoldCount() == 0) {
            throw new IllegalStateException("secrets are written inside Vault.transaction(...)");
        }
    }

    /** The plaintext of a secret; the caller should clear the array when done. */
    public Optional<byte[]> get(String id) {
        lock.readLock().lock();
        try {
            return jdbc.queryOne("SELECT key_version, nonce, ciphertext FROM secrets WHERE id = ?",
                    rs -> open(id, rs.getInt(1), key, new Sealed(rs.getBytes(2), rs.getBytes(3))), id);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void delete(Sql tx, String id) {
        tx.update("DELETE FROM secrets WHERE id = ?", id);
    }

    /** The data key version in use. */
    public int keyVersion() {
        lock.readLock().lock();
        try {
            return version;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Replaces the data key: stores the new key next to the old one, re-encrypts every secret and runs
     * {@code alsoInTransaction} (the admin password change) in one transaction, then drops the old key. A crash
     * at any point leaves the database on one key that the keystore holds; {@link #open} finishes the job.
     */
    public void rekey(Consumer<Sql> alsoInTransaction) {
        lock.writeLock().lock();
        try {
            int next = version + 1;
            SecretKey nextKey = newKey();
            SortedMap<Integer, SecretKey> both = new TreeMap<>();
            both.put(version, key);
            both.put(next, nextKey);
            keyFile.write(both);
            observer.after(RekeyObserver.Step.NEW_KEY_STORED);
            try {
                int count = jdbc.transaction(tx -> {
                    List<Row> rows = tx.query("SELECT id, key_version, nonce, ciphertext FROM secrets",
                            rs -> new Row(rs.getString(1), rs.getInt(2), new Sealed(rs.getBytes(3), rs.getBytes(4))));
                    for (Row r : rows) {
                        byte[] plain = open(r.id, r.version, key, r.sealed);
                        Sealed s = seal(r.id, next, nextKey, plain);
                        Arrays.fill(plain, (byte) 0);
                        tx.update("UPDATE secrets SET key_version = ?, nonce = ?, ciphertext = ? WHERE id = ?", next,
                                s.nonce, s.ciphertext, r.id);
                    }
                    tx.update("UPDATE vault_state SET key_version = ? WHERE id = 1", next);
                    alsoInTransaction.accept(tx);
                    observer.after(RekeyObserver.Step.SECRETS_REWRITTEN);
                    return rows.size();
                });
                database.checkpoint();
                observer.after(RekeyObserver.Step.COMMITTED);
                LOG.info("Vault: re-keyed {} secrets to data key version {}", count, next);
            } catch (RuntimeException e) {
                SortedMap<Integer, SecretKey> old = new TreeMap<>();
                old.put(version, key);
                keyFile.write(old);
                throw e;
            }
            SortedMap<Integer, SecretKey> only = new TreeMap<>();
            only.put(next, nextKey);
            keyFile.write(only);
            observer.after(RekeyObserver.Step.OLD_KEY_DROPPED);
            this.version = next;
            this.key = nextKey;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private record Row(String id, int version, Sealed sealed) {
    }

    private record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    private Sealed seal(String id, int keyVersion, SecretKey k, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(id, keyVersion));
            return new Sealed(nonce, c.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private byte[] open(String id, int keyVersion, SecretKey current, Sealed s) {
        if (keyVersion != version) {
            throw new IllegalStateException("Secret " + id + " is sealed with key version " + keyVersion
                    + " but the vault holds version " + version);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, s.nonce));
            c.updateAAD(aad(id, keyVersion));
            return c.doFinal(s.ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Secret " + id + " does not decrypt (tampered or wrong key)");
        }
    }

    private static byte[] aad(String id, int keyVersion) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(idBytes.length + 4).put(idBytes).putInt(keyVersion).array();
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(256, new SecureRandom());
            return g.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 unavailable", e);
        }
    }
}
