package io.lightsout.appliance.nodes;

import java.util.Optional;

/**
 * The one decision whether a new node may be added (a licence later; today everything is admitted). Called by
 * {@link NodeRegistry} inside the transaction that would add the node, before anything is written; updates of
 * existing nodes never ask.
 */
@FunctionalInterface
public interface NodeAdmission {

    /** Admits every node. */
    NodeAdmission ALL = (count, name) -> Optional.empty();

    /**
     * @param nodesNow how many nodes exist before this one
     * @param name     the new node's name
     * @return empty to admit, or the reason the node is refused (shown to the operator and in the import report)
     */
    Optional<String> refuse(long nodesNow, String name);
}
