package io.lightsout.nfs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.nfs.xdr.Nfs3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFsTest {
    @TempDir
    Path tmp;
    Path root;
    ExportFs fs;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("export"));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/file.txt"), "inside");
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("up"), Path.of("../secret.txt"));
        Files.createSymbolicLink(root.resolve("abs"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("sub/sneaky"), Path.of("../../secret.txt"));
        Files.createSymbolicLink(root.resolve("sub/fine"), Path.of("../sub/file.txt"));
        fs = new ExportFs(new Export("/e", root, ClientAcl.parse("*")), Clock.systemUTC());
    }

    @Test
    void dotDotAtTheRootIsRefusedButWorksBelowIt() throws Exception {
        Node top = fs.root();
        assertStatus(() -> fs.lookup(top, b("..")), Nfs3.ERR_ACCES);
        Node sub = fs.lookup(top, b("sub"));
        assertThat(fs.lookup(sub, b("..")).path()).isEqualTo(top.path());
        assertThat(fs.lookup(sub, b(".")).path()).isEqualTo(sub.path());
    }

    @Test
    void namesThatAreNotOneComponentAreRefused() throws Exception {
        Node top = fs.root();
        assertStatus(() -> fs.lookup(top, b("sub/file.txt")), Nfs3.ERR_ACCES);
        assertStatus(() -> fs.lookup(top, b("../export")), Nfs3.ERR_ACCES);
        assertStatus(() -> fs.lookup(top, new byte[] {'s', 0, 'b'}), Nfs3.ERR_ACCES);
        assertStatus(() -> fs.lookup(top, new byte[0]), Nfs3.ERR_ACCES);
        assertStatus(() -> fs.lookup(top, "x".repeat(256).getBytes(StandardCharsets.US_ASCII)),
                Nfs3.ERR_NAMETOOLONG);
        assertStatus(() -> fs.mountPoint("/sub/../.."), Nfs3.ERR_ACCES);
    }

    @Test
    void linksAreNeverFollowedAndOnlyInsideTargetsAreRead() throws Exception {
        Node top = fs.root();
        Node up = fs.lookup(top, b("up"));
        assertThat(up.attrs().type()).isEqualTo(Nfs3.NF3LNK);
        assertStatus(() -> fs.readlink(up), Nfs3.ERR_ACCES);
        assertStatus(() -> fs.readlink(fs.lookup(top, b("abs"))), Nfs3.ERR_ACCES);
        Node sub = fs.lookup(top, b("sub"));
        assertStatus(() -> fs.readlink(fs.lookup(sub, b("sneaky"))), Nfs3.ERR_ACCES);
        assertThat(new String(fs.readlink(fs.lookup(sub, b("fine"))), StandardCharsets.UTF_8))
                .isEqualTo("../sub/file.txt");
        assertStatus(() -> fs.lookup(up, b("x")), Nfs3.ERR_NOTDIR);
    }

    @Test
    void aReplacedFileIsStaleAndANewFileElsewhereChangesNothing() throws Exception {
        Node sub = fs.lookup(fs.root(), b("sub"));
        Node file = fs.lookup(sub, b("file.txt"));
        FileHandle fileHandle = file.attrs().handle(fs.id());
        FileHandle dirHandle = sub.attrs().handle(fs.id());
        Files.writeString(root.resolve("sub/other.txt"), "added");
        assertThat(fs.resolve(dirHandle).path()).isEqualTo(sub.path());
        assertThat(fs.resolve(fileHandle).path()).isEqualTo(file.path());

        Path replacement = Files.writeString(root.resolve("sub/.new"), "new content");
        Files.move(replacement, file.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertStatus(() -> fs.resolve(fileHandle), Nfs3.ERR_STALE);
    }

    @Test
    void handlesResolveInAFreshViewByWalkingTheExport() throws Exception {
        Node file = fs.lookup(fs.lookup(fs.root(), b("sub")), b("file.txt"));
        ExportFs afterRestart = new ExportFs(new Export("/e", root, ClientAcl.parse("*")), Clock.systemUTC());
        assertThat(afterRestart.resolve(file.attrs().handle(fs.id())).path()).isEqualTo(file.path());
    }

    @Test
    void nonUtf8NamesRoundTripAsBytes() throws Exception {
        byte[] name = {'f', (byte) 0xff, (byte) 0xfe, '%', '4', '1', ' ', (byte) 0xc3, (byte) 0xa9};
        Path p = Names.child(root, name);
        Files.writeString(p, "bytes");
        assertThat(Names.bytes(p)).isEqualTo(name);
        DirSnapshot listing = fs.list(fs.root());
        assertThat(listing.entries()).anySatisfy(e -> assertThat(e.name()).isEqualTo(name));
        Node found = fs.lookup(fs.root(), name);
        assertThat(Files.readString(found.path())).isEqualTo("bytes");
    }

    @Test
    void missingExportDirectoryIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> new ExportFs(new Export("/gone", tmp.resolve("nope"), ClientAcl.parse("*")),
                Clock.systemUTC())).hasMessageContaining("/gone");
        assertThatThrownBy(() -> new Export("/a/../b", root, ClientAcl.parse("*")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    interface Action {
        Object run() throws Exception;
    }

    private static void assertStatus(Action a, int status) {
        assertThatThrownBy(a::run).isInstanceOfSatisfying(NfsError.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }
}
