package io.lightsout.nfs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ClientAclTest {

    @Test
    void matchesCidrsAddressesAndHosts() throws Exception {
        ClientAcl acl = ClientAcl.parse("10.20.0.0/16, 192.168.1.7 ,fd00::/8, localhost");
        assertThat(acl.allows(ip("10.20.255.1"))).isTrue();
        assertThat(acl.allows(ip("10.21.0.1"))).isFalse();
        assertThat(acl.allows(ip("192.168.1.7"))).isTrue();
        assertThat(acl.allows(ip("192.168.1.8"))).isFalse();
        assertThat(acl.allows(ip("fd12::1"))).isTrue();
        assertThat(acl.allows(ip("fe80::1"))).isFalse();
        assertThat(acl.allows(ip("127.0.0.1"))).as("localhost resolved at parse time").isTrue();
        assertThat(acl.specs()).containsExactly("10.20.0.0/16", "192.168.1.7", "fd00::/8", "localhost");
    }

    @Test
    void prefixesThatAreNotByteAligned() throws Exception {
        ClientAcl acl = ClientAcl.parse("172.16.0.0/12");
        assertThat(acl.allows(ip("172.31.255.255"))).isTrue();
        assertThat(acl.allows(ip("172.32.0.0"))).isFalse();
        assertThat(acl.allows(ip("172.15.255.255"))).isFalse();
    }

    @Test
    void ipv4MappedAddressesMatchTheirIpv4Form() throws Exception {
        ClientAcl acl = ClientAcl.parse("10.0.0.0/8");
        assertThat(acl.allows(InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 1, 2, 3})))
                .isTrue();
    }

    @Test
    void starAllowsEveryone() throws Exception {
        ClientAcl acl = ClientAcl.parse("*");
        assertThat(acl.allows(ip("8.8.8.8"))).isTrue();
        assertThat(acl.allows(ip("2001:db8::1"))).isTrue();
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> ClientAcl.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> ClientAcl.parse("bmc.invalid/24")).hasMessageContaining("bmc.invalid/24");
        assertThatThrownBy(() -> ClientAcl.parse("no-such-host.invalid")).hasMessageContaining("no-such-host.invalid");
        assertThatThrownBy(() -> ClientAcl.parse(" , ")).hasMessageContaining("empty");
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }
}
