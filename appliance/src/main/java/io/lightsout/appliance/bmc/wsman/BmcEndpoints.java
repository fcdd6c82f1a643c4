package io.lightsout.appliance.bmc.wsman;

import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.wsman.WsmanEndpoint;

/**
 * Where and as whom to reach a node's BMC over WS-Man. Implemented by the node registry, which keeps the address,
 * the account (password in the vault) and the pinned certificate.
 * <p>
 * Contract: the endpoint of an https BMC carries {@code TrustPolicy.Pinned} when the node has a pin, and
 * {@code TrustPolicy.PinOnFirstUse} storing the fingerprint on the node when it has none; never a policy that
 * trusts everything. Timeouts are explicit. Errors never contain the password.
 */
public interface BmcEndpoints {

    /**
     * The WS-Man endpoint of {@code target}'s BMC.
     *
     * @throws BmcException {@code AUTH_FAILED} when the node has no usable credentials, {@code UNSUPPORTED} when the
     *                      node is unknown or has no BMC
     */
    WsmanEndpoint endpoint(BmcTarget target) throws BmcException;
}
