package io.lightsout.nfs;

import io.lightsout.nfs.export.Export;
import io.lightsout.nfs.rpc.RpcListener;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

/** Everything {@link NfsShareBuilder} collected, checked and immutable. */
record ShareSettings(InetAddress bind, int portmapPort, int mountdPort, int nfsPort, List<Export> exports,
        byte[] handleKey, MountListener mountListener, Clock clock, int workerThreads, int queuedCalls,
        RpcListener.Limits limits) {}
