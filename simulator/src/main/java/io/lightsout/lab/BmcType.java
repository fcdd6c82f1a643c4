package io.lightsout.lab;

/** The kinds of BMC the lab simulates. */
public enum BmcType {
    /** Dell iDRAC with Lifecycle Controller: WS-Man over HTTPS, Basic auth, DCIM classes. */
    IDRAC,
    /** Intel AMT: WS-Man on 16992 (HTTP) / 16993 (HTTPS), Digest auth, CIM/AMT/IPS classes. */
    AMT
}
