package io.lightsout.nfs.v3;

import io.lightsout.nfs.export.NfsError;
import io.lightsout.nfs.rpc.ReplyBody;
import java.io.IOException;

/** One NFS v3 procedure: decodes its arguments from the request and returns the successful reply. */
@FunctionalInterface
interface Procedure {

    /**
     * @return the reply body, starting with status NFS3_OK
     * @throws NfsError for any failure with an NFS status; {@link NfsProgram} writes the failure reply
     */
    ReplyBody run(Request r) throws NfsError, IOException;
}
