package io.lightsout.appliance.security.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.TestAppliance;
import io.lightsout.appliance.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VaultTest {
    private Path dir;
    private Database db;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("vault-test-");
        db = Database.open("jdbc:h2:file:" + dir.resolve("db"), "sa", "", 2);
    }

    @AfterEach
    void close() {
        db.close();
        TestAppliance.deleteTree(dir);
    }

    private Vault vault() {
        return Vault.open(dir.resolve("keys.p12"), db, Clock.systemUTC(), RekeyObserver.NONE);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storesEncryptedWithAFreshNonceAndAKeyFileOnlyTheOwnerReads() throws Exception {
        Vault v = vault();
        String a = v.transaction(tx -> v.put(tx, b("same-secret")));
        String c = v.transaction(tx -> v.put(tx, b("same-secret")));
        assertThat(v.get(a)).hasValueSatisfying(x -> assertThat(x).isEqualTo(b("same-secret")));
        List<byte[]> nonces = db.jdbc().query("SELECT nonce FROM secrets", rs -> rs.getBytes(1));
        assertThat(nonces).hasSize(2);
        assertThat(nonces.get(0)).hasSize(12).isNotEqualTo(nonces.get(1));
        List<byte[]> cts = db.jdbc().query("SELECT ciphertext FROM secrets WHERE id IN (?, ?)", rs -> rs.getBytes(1),
                a, c);
        assertThat(cts.get(0)).isNotEqualTo(cts.get(1));
        assertThat(new String(cts.get(0), StandardCharsets.ISO_8859_1)).doesNotContain("same-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys.p12"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aCiphertextMovedToAnotherRecordDoesNotDecrypt() {
        Vault v = vault();
        String a = v.transaction(tx -> v.put(tx, b("alpha")));
        String c = v.transaction(tx -> v.put(tx, b("bravo")));
        db.jdbc().update("UPDATE secrets SET nonce = (SELECT nonce FROM secrets WHERE id = ?), ciphertext = "
                + "(SELECT ciphertext FROM secrets WHERE id = ?) WHERE id = ?", a, a, c);
        assertThatThrownBy(() -> v.get(c)).hasMessageContaining("does not decrypt");
        assertThat(v.get(a)).hasValueSatisfying(x -> assertThat(x).isEqualTo(b("alpha")));
    }

    @Test
    void rekeyKeepsEveryValueUnderANewKeyAndSurvivesReopening() {
        Vault v = vault();
        String a = v.transaction(tx -> v.put(tx, b("alpha")));
        byte[] before = db.jdbc().queryOne("SELECT ciphertext FROM secrets WHERE id = ?", rs -> rs.getBytes(1), a)
                .orElseThrow();
        v.rekey(tx -> { });
        assertThat(v.keyVersion()).isEqualTo(2);
        byte[] after = db.jdbc().queryOne("SELECT ciphertext FROM secrets WHERE id = ?", rs -> rs.getBytes(1), a)
                .orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(v.get(a)).hasValueSatisfying(x -> assertThat(x).isEqualTo(b("alpha")));
        assertThat(new KeyFile(dir.resolve("keys.p12")).read()).containsOnlyKeys(2);
        Vault reopened = vault();
        assertThat(reopened.keyVersion()).isEqualTo(2);
        assertThat(reopened.get(a)).hasValueSatisfying(x -> assertThat(x).isEqualTo(b("alpha")));
    }

    @Test
    void aFailedRekeyTransactionLeavesTheOldKey() {
        Vault v = vault();
        String a = v.transaction(tx -> v.put(tx, b("alpha")));
        assertThatThrownBy(() -> v.rekey(tx -> {
            throw new IllegalStateException("password change refused");
        })).hasMessageContaining("refused");
        assertThat(v.keyVersion()).isEqualTo(1);
        assertThat(new KeyFile(dir.resolve("keys.p12")).read()).containsOnlyKeys(1);
        assertThat(v.get(a)).hasValueSatisfying(x -> assertThat(x).isEqualTo(b("alpha")));
    }

    @Test
    void secretsAreWrittenOnlyInsideAVaultTransaction() {
        Vault v = vault();
        assertThatThrownBy(() -> db.jdbc().transaction(tx -> v.put(tx, b("x"))))
                .hasMessageContaining("Vault.transaction");
    }

    @Test
    void aLostKeystoreIsAClearErrorNotANewKey() throws Exception {
        Vault v = vault();
        v.transaction(tx -> v.put(tx, b("alpha")));
        Files.delete(dir.resolve("keys.p12"));
        assertThatThrownBy(this::vault).hasMessageContaining("does not hold data key version 1");
    }
}
