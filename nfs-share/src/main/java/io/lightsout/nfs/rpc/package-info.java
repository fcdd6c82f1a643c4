/** ONC RPC listeners on oncrpc4j and Grizzly, with connection, record-size and worker-pool limits. */
package io.lightsout.nfs.rpc;
