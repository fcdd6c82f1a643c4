package io.lightsout.nfs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.nfs.xdr.Nfs3;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HandleCodecTest {
    private final HandleCodec codec = new HandleCodec("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTripsAndHasAFixedSize() throws NfsError {
        FileHandle h = new FileHandle(0x7f00aa01, 1L << 40 | 17, 1_700_000_000_123_456_789L);
        byte[] raw = codec.encode(h);
        assertThat(raw).hasSize(HandleCodec.SIZE);
        assertThat(codec.decode(raw)).isEqualTo(h);
        assertThat(new HandleCodec("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8)).decode(raw))
                .as("another instance with the same key (a restart)").isEqualTo(h);
    }

    @Test
    void everySingleBitFlipIsABadHandle() {
        byte[] raw = codec.encode(new FileHandle(5, 1234, 99));
        for (int bit = 0; bit < raw.length * 8; bit++) {
            byte[] forged = raw.clone();
            forged[bit / 8] ^= (byte) (1 << (bit % 8));
            assertBad(forged);
        }
    }

    @Test
    void truncatedExtendedAndRandomHandlesAreBadHandles() {
        byte[] raw = codec.encode(new FileHandle(5, 1234, 99));
        for (int len = 0; len < raw.length; len++) {
            assertBad(Arrays.copyOf(raw, len));
        }
        assertBad(Arrays.copyOf(raw, raw.length + 1));
        assertBad(Arrays.copyOf(raw, Nfs3.FHSIZE));
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            byte[] junk = new byte[HandleCodec.SIZE];
            random.nextBytes(junk);
            junk[0] = 'L';
            junk[1] = 'O';
            junk[2] = 1;
            junk[3] = 0;
            assertBad(junk);
        }
    }

    @Test
    void aHandleFromAnotherKeyIsABadHandle() {
        byte[] raw = new HandleCodec("another-key-of-16+bytes".getBytes(StandardCharsets.UTF_8))
                .encode(new FileHandle(5, 1234, 99));
        assertBad(raw);
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new HandleCodec(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertBad(byte[] raw) {
        assertThatThrownBy(() -> codec.decode(raw)).isInstanceOfSatisfying(NfsError.class,
                e -> assertThat(e.status()).isEqualTo(Nfs3.ERR_BADHANDLE));
    }
}
