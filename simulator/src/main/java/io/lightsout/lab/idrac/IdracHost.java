package io.lightsout.lab.idrac;

/**
 * The fixed hardware of a simulated PowerEdge: identity and generated serials. Values are derived from the
 * lab seed and the BMC's index, so a lab started twice with the same seed describes the same fleet.
 *
 * @param serviceTag Dell service tag (7 characters)
 * @param mac        first NIC's MAC, {@code AA:BB:CC:DD:EE:FF}
 * @param model      e.g. "PowerEdge R640"
 * @param uuid       system UUID
 * @param hostName   host OS name
 */
public record IdracHost(String serviceTag, String mac, String model, String uuid, String hostName) {

    /** The i-th MAC after the first (for further NIC ports). */
    public String macPlus(int i) {
        long v = Long.parseLong(mac.replace(":", ""), 16) + i;
        String h = String.format("%012X", v & 0xFFFFFFFFFFFFL);
        StringBuilder b = new StringBuilder(17);
        for (int k = 0; k < 12; k += 2) {
            if (k > 0) {
                b.append(':');
            }
            b.append(h, k, k + 2);
        }
        return b.toString();
    }
}
