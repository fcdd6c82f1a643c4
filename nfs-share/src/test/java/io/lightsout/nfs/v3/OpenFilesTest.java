package io.lightsout.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.nfs.export.Attrs;
import io.lightsout.nfs.export.ClientAcl;
import io.lightsout.nfs.export.Export;
import io.lightsout.nfs.export.ExportFs;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.export.Node;
import io.lightsout.nfs.rpc.OpenFile;
import io.lightsout.nfs.xdr.Nfs3;
import io.lightsout.testkit.ManualClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenFilesTest {
    @TempDir
    Path tmp;
    Path root;
    ExportFs fs;
    final ManualClock clock = new ManualClock();
    OpenFiles files;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("export"));
        Files.writeString(root.resolve("a.iso"), "alpha");
        fs = new ExportFs(new Export("/e", root, ClientAcl.parse("*")), clock);
        files = new OpenFiles(clock);
    }

    @Test
    void aFileIsOpenedOnceAndClosedWhenNobodyReadItForTenSeconds() throws Exception {
        OpenFile first = files.open(fs, node("a.iso"));
        OpenFile second = files.open(fs, node("a.iso"));
        assertThat(second.channel()).isSameAs(first.channel());
        first.release();
        clock.advance(Duration.ofSeconds(30));
        files.sweep();
        assertThat(first.channel().isOpen()).as("still being sent by the second call").isTrue();
        second.release();
        clock.advance(Duration.ofSeconds(9));
        files.sweep();
        assertThat(first.channel().isOpen()).isTrue();
        assertThat(files.open(fs, node("a.iso")).channel()).as("reused").isSameAs(first.channel());
        first.release();
        clock.advance(Duration.ofSeconds(10));
        files.sweep();
        assertThat(first.channel().isOpen()).isFalse();
        assertThat(files.size()).isZero();
        OpenFile again = files.open(fs, node("a.iso"));
        assertThat(read(again)).isEqualTo("alpha");
        again.release();
    }

    @Test
    void aReplacedFileIsOpenedAnewAndTheOldOneClosesWhenIdle() throws Exception {
        OpenFile old = files.open(fs, node("a.iso"));
        old.release();
        Path replacement = Files.writeString(root.resolve(".a.tmp"), "beta");
        Files.move(replacement, root.resolve("a.iso"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        OpenFile now = files.open(fs, node("a.iso"));
        assertThat(read(now)).isEqualTo("beta");
        assertThat(read(old)).as("the old file, still open until idle").isEqualTo("alpha");
        now.release();
        clock.advance(Duration.ofSeconds(10));
        files.sweep();
        assertThat(old.channel().isOpen()).isFalse();
        assertThat(now.channel().isOpen()).isFalse();
    }

    @Test
    void aFileReachedThroughALinkedDirectoryOutsideTheExportIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createSymbolicLink(root.resolve("linked"), outside);
        Path p = root.resolve("linked/secret");
        Node sneaky = new Node(p, Attrs.of(p));
        assertThatThrownBy(() -> files.open(fs, sneaky)).isInstanceOfSatisfying(NfsError.class,
                e -> assertThat(e.status()).isEqualTo(Nfs3.ERR_ACCES));
        assertThat(files.size()).isZero();
    }

    @Test
    void atMostSixtyFourIdleFilesStayOpenLeastRecentlyUsedClosedFirst() throws Exception {
        List<OpenFile> opened = new ArrayList<>();
        for (int i = 0; i < OpenFiles.MAX_IDLE_OPEN + 2; i++) {
            Files.writeString(root.resolve("f" + i), "f" + i);
            OpenFile f = files.open(fs, node("f" + i));
            f.release();
            opened.add(f);
        }
        assertThat(files.size()).isEqualTo(OpenFiles.MAX_IDLE_OPEN);
        assertThat(opened.get(0).channel().isOpen()).isFalse();
        assertThat(opened.get(1).channel().isOpen()).isFalse();
        assertThat(opened.get(2).channel().isOpen()).isTrue();
        assertThat(opened.getLast().channel().isOpen()).isTrue();
    }

    @Test
    void closingLeavesFilesBeingSentOpenUntilReleased() throws Exception {
        OpenFile sending = files.open(fs, node("a.iso"));
        files.close();
        assertThat(sending.channel().isOpen()).isTrue();
        sending.release();
        assertThat(sending.channel().isOpen()).isFalse();
        OpenFile late = files.open(fs, node("a.iso"));
        late.release();
        assertThat(late.channel().isOpen()).as("opened after close: not kept").isFalse();
    }

    private Node node(String name) throws NfsError {
        return fs.lookup(fs.root(), name.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(OpenFile f) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(100);
        f.channel().read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }
}
