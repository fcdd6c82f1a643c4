package io.lightsout.appliance.bmc;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** The drivers by node type: an explicit map built once by the composition root. */
public final class DriverRegistry {

    private final Map<NodeType, BmcDriver> drivers = new EnumMap<>(NodeType.class);

    public DriverRegistry(Collection<? extends BmcDriver> all) {
        for (BmcDriver driver : all) {
            BmcDriver previous = drivers.putIfAbsent(driver.type(), driver);
            if (previous != null) {
                throw new IllegalArgumentException("two drivers for " + driver.type() + ": "
                        + previous.getClass().getSimpleName() + " and " + driver.getClass().getSimpleName());
            }
        }
    }

    /**
     * The driver for {@code type}.
     *
     * @throws BmcException {@code UNSUPPORTED} naming the type and the types that do have a driver
     */
    public BmcDriver driverFor(NodeType type) throws BmcException {
        BmcDriver driver = drivers.get(type);
        if (driver == null) {
            throw new BmcException(BmcException.Reason.UNSUPPORTED,
                    "no driver for node type " + type + " (drivers: " + drivers.keySet() + ")");
        }
        return driver;
    }
}
