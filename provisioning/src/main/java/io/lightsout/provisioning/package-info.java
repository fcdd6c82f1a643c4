/**
 * The auto-discovery provisioning server (:4433) that BMCs phone home to: mutual TLS, allow-list and
 * approval. Not built yet; its issue comes in a later wave.
 */
package io.lightsout.provisioning;
