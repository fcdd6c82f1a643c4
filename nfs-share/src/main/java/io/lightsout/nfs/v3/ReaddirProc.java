package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.Attrs;
import io.lightsout.nfs.export.DirSnapshot;
import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.export.Node;
import io.lightsout.nfs.rpc.GarbageArgsException;
import io.lightsout.nfs.rpc.ReplyBody;
import io.lightsout.nfs.xdr.Nfs3;
import java.util.ArrayList;
import java.util.List;

/**
 * READDIR and READDIRPLUS (RFC 1813 §3.3.16, §3.3.17). A page holds as many entries as fit in the client's
 * {@code count}/{@code maxcount}; the cookie of an entry is its position + 1 in the directory's
 * {@link DirSnapshot}, and the verifier is the directory's mtime, so paging through a directory that changed
 * meanwhile answers NFS3ERR_BAD_COOKIE.
 */
final class ReaddirProc implements Procedure {
    private static final int NFS3ERR_TOOSMALL = 10005;
    /** status, post_op_attr, cookieverf, end of list, eof. */
    private static final int REPLY_BASE = 4 + 88 + 8 + 4 + 4;
    /** value_follows, fileid, name length, cookie (name bytes come on top). */
    private static final int ENTRY_BASE = 4 + 8 + 4 + 8;
    /** name_attributes and name_handle of READDIRPLUS. */
    private static final int PLUS_EXTRA = 88 + 4 + 4 + 32;

    private final boolean plus;

    ReaddirProc(boolean plus) {
        this.plus = plus;
    }

    private record Item(DirSnapshot.Entry entry, long cookie, Attrs attrs) {}

    @Override
    public ReplyBody run(Request r) throws NfsError, GarbageArgsException {
        Request.Target dir = r.handle();
        long cookie = r.in.readLong();
        long verifier = r.in.readLong();
        long dircount = plus ? r.in.readInt() & 0xffffffffL : Long.MAX_VALUE;
        long maxcount = r.in.readInt() & 0xffffffffL;
        DirSnapshot listing = dir.fs().list(dir.node());
        if (cookie != 0 && verifier != 0 && verifier != listing.verifier()) {
            throw new NfsError(Nfs3.ERR_BAD_COOKIE, "directory changed since the cookie was issued");
        }
        if (cookie < 0 || cookie > listing.entries().size()) {
            throw new NfsError(Nfs3.ERR_BAD_COOKIE, "cookie past the end of the directory");
        }
        List<Item> page = new ArrayList<>();
        long size = REPLY_BASE;
        long names = 0;
        int i = (int) cookie;
        for (; i < listing.entries().size(); i++) {
            DirSnapshot.Entry e = listing.entries().get(i);
            int nameBytes = (e.name().length + 3) & ~3;
            long entrySize = ENTRY_BASE + nameBytes + (plus ? PLUS_EXTRA : 0);
            if (size + entrySize > maxcount || (!page.isEmpty() && names + ENTRY_BASE + nameBytes > dircount)) {
                break;
            }
            size += entrySize;
            names += ENTRY_BASE + nameBytes;
            page.add(new Item(e, i + 1L, plus ? attrsOrNull(e) : null));
        }
        if (page.isEmpty() && i < listing.entries().size()) {
            throw new NfsError(NFS3ERR_TOOSMALL, "count too small for one entry");
        }
        boolean eof = i >= listing.entries().size();
        return out -> {
            out.xdrEncodeInt(Nfs3.OK);
            Xdr3.postOpAttr(out, dir);
            out.xdrEncodeLong(listing.verifier());
            for (Item item : page) {
                out.xdrEncodeBoolean(true);
                out.xdrEncodeLong(item.entry().fileId());
                out.xdrEncodeDynamicOpaque(item.entry().name());
                out.xdrEncodeLong(item.cookie());
                if (plus) {
                    encodePlus(out, r, dir, item);
                }
            }
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(eof);
        };
    }

    private static void encodePlus(org.dcache.oncrpc4j.xdr.XdrEncodingStream out, Request r, Request.Target dir,
            Item item) {
        if (item.attrs() == null) {
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(false);
            return;
        }
        Request.Target child = new Request.Target(dir.fs(), new Node(item.entry().path(), item.attrs()));
        Xdr3.postOpAttr(out, child);
        Xdr3.postOpFh(out, r.handles, child);
    }

    private static Attrs attrsOrNull(DirSnapshot.Entry e) {
        try {
            return Attrs.of(e.path());
        } catch (NfsError gone) {
            return null;
        }
    }
}
