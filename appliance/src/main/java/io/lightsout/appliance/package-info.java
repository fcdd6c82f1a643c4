/** The appliance: composition root, REST API, portal, store, vault, auth, jobs and the capabilities on top. */
package io.lightsout.appliance;
