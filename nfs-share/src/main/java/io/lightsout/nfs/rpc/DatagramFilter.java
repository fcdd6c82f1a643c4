package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.nio.ByteOrder;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** RPC over UDP: one datagram is one call; anything that is not a plausible call is dropped (logged at warn). */
final class DatagramFilter extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramFilter.class);

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Buffer datagram = ctx.getMessage();
        datagram.order(ByteOrder.BIG_ENDIAN);
        String problem = CallHeaderCheck.problem(datagram);
        if (problem != null) {
            LOG.warn("dropping RPC datagram from {}: {}", ctx.getAddress(), problem);
            datagram.tryDispose();
            return ctx.getStopAction();
        }
        ctx.setMessage(new Xdr(datagram, ctx.getMemoryManager()));
        return ctx.getInvokeAction();
    }
}
