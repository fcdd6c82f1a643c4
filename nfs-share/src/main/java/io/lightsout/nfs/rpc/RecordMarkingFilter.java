package io.lightsout.nfs.rpc;

import java.io.IOException;
import java.nio.ByteOrder;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.BuffersBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RPC over TCP record marking (RFC 5531 §11) with limits: a record larger than {@code maxRecordBytes} or made of
 * more than {@value #MAX_FRAGMENTS} fragments, or one that is not a call, closes the connection (logged at warn)
 * before more than the limit is ever buffered.
 */
final class RecordMarkingFilter extends BaseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RecordMarkingFilter.class);
    private static final int LAST_FRAGMENT = 0x80000000;
    private static final int MAX_FRAGMENTS = 16;

    private final int maxRecordBytes;

    RecordMarkingFilter(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Buffer in = ctx.getMessage();
        in.order(ByteOrder.BIG_ENDIAN);
        int p = in.position();
        long total = 0;
        int fragments = 0;
        boolean last = false;
        while (!last) {
            if (in.limit() - p < 4) {
                return ctx.getStopAction(in);
            }
            int marker = in.getInt(p);
            int size = marker & ~LAST_FRAGMENT;
            last = (marker & LAST_FRAGMENT) != 0;
            total += size;
            if (total > maxRecordBytes || ++fragments > MAX_FRAGMENTS) {
                return refuse(ctx, "record over " + maxRecordBytes + " bytes or " + MAX_FRAGMENTS + " fragments");
            }
            if (in.limit() - p - 4 < size) {
                return ctx.getStopAction(in);
            }
            p += 4 + size;
        }
        Buffer record = assemble(in, fragments, ctx);
        String problem = CallHeaderCheck.problem(record);
        if (problem != null) {
            return refuse(ctx, problem);
        }
        ctx.setMessage(new Xdr(record, ctx.getMemoryManager()));
        Buffer rest = in.hasRemaining() ? in.split(in.position()) : null;
        return ctx.getInvokeAction(rest);
    }

    private static Buffer assemble(Buffer in, int fragments, FilterChainContext ctx) {
        BuffersBuffer many = fragments > 1 ? BuffersBuffer.create(ctx.getMemoryManager()) : null;
        Buffer one = null;
        for (int i = 0; i < fragments; i++) {
            int size = in.getInt() & ~LAST_FRAGMENT;
            int pos = in.position();
            one = in.slice(pos, pos + size);
            in.position(pos + size);
            if (many != null) {
                many.append(one);
            }
        }
        return many != null ? many : one;
    }

    private static NextAction refuse(FilterChainContext ctx, String why) {
        LOG.warn("closing RPC connection from {}: {}", ctx.getConnection().getPeerAddress(), why);
        ctx.getConnection().closeSilently();
        return ctx.getStopAction();
    }
}
