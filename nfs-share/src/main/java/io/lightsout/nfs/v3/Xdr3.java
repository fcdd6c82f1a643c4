package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.Attrs;
import io.lightsout.nfs.export.HandleCodec;
import io.lightsout.nfs.v3.Request.Target;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** Encoders for the NFS v3 structures shared by several replies (RFC 1813 §2.6). */
final class Xdr3 {
    private Xdr3() {}

    /** {@code post_op_attr} with attributes. */
    static void postOpAttr(XdrEncodingStream out, Attrs a, int fsid) {
        out.xdrEncodeBoolean(true);
        a.encode(out, fsid);
    }

    static void postOpAttr(XdrEncodingStream out, Target t) {
        postOpAttr(out, t.node().attrs(), t.fs().id());
    }

    /** {@code post_op_fh3} with a handle. */
    static void postOpFh(XdrEncodingStream out, HandleCodec codec, Target t) {
        out.xdrEncodeBoolean(true);
        out.xdrEncodeDynamicOpaque(codec.encode(t.handle()));
    }
}
