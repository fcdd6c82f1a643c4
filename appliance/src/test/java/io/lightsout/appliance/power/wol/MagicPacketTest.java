package io.lightsout.appliance.power.wol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MagicPacketTest {

    @Test
    void isSixFfThenTheMacSixteenTimes() {
        byte[] packet = MagicPacket.build(MacAddress.parse("00:11:22:AA:bb:cc"), Optional.empty());
        String expected = "ffffffffffff" + "001122aabbcc".repeat(16);
        assertThat(HexFormat.of().formatHex(packet)).isEqualTo(expected);
        assertThat(packet).hasSize(102);
    }

    @Test
    void appendsASixOrFourByteSecureOnPassword() {
        MacAddress mac = MacAddress.parse("001122aabbcc");
        byte[] six = MagicPacket.build(mac, Optional.of(SecureOnPassword.parse("de:ad:be:ef:00:01")));
        byte[] four = MagicPacket.build(mac, Optional.of(SecureOnPassword.parse("192.168.0.255")));
        assertThat(HexFormat.of().formatHex(six)).endsWith("001122aabbccdeadbeef0001").hasSize(216);
        assertThat(HexFormat.of().formatHex(four)).endsWith("001122aabbccc0a800ff").hasSize(212);
    }

    @Test
    void macFormsAreAcceptedAndBadOnesNamed() {
        assertThat(MacAddress.parse("00-11-22-aa-BB-cc")).isEqualTo(MacAddress.parse("001122aabbcc"));
        assertThat(MacAddress.parse(" 00:11:22:aa:bb:cc ").toString()).isEqualTo("00:11:22:aa:bb:cc");
        assertThatThrownBy(() -> MacAddress.parse("00:11:22:aa:bb")).hasMessageContaining("not a MAC address");
        assertThatThrownBy(() -> MacAddress.parse("00:11:22:aa:bb:cg")).hasMessageContaining("not a MAC address");
        assertThatThrownBy(() -> MacAddress.parse("00:11-22aabbcc")).hasMessageContaining("not a MAC address");
    }

    @Test
    void secureOnPasswordsAreValidatedAndNeverPrinted() {
        assertThatThrownBy(() -> SecureOnPassword.parse("de:ad:be:ef:00")).hasMessageNotContaining("de:ad");
        assertThatThrownBy(() -> SecureOnPassword.parse("1.2.3.256")).hasMessageNotContaining("256")
                .hasMessageContaining("4 as a.b.c.d");
        assertThatThrownBy(() -> new SecureOnPassword(new byte[5])).hasMessageContaining("4 or 6 bytes");
        SecureOnPassword pw = SecureOnPassword.parse("de:ad:be:ef:00:01");
        assertThat(pw.toString()).doesNotContain("de").doesNotContain("ad");
        assertThat(new WakeRequest(MacAddress.parse("001122aabbcc"), Optional.of(pw),
                new WolDestination.LimitedBroadcast("eth9")).toString()).doesNotContain("dead");
    }

    @Test
    void destinationsComputeBroadcastAndSubnetKeys() throws Exception {
        var ip = (java.net.Inet4Address) java.net.InetAddress.getByName("10.1.2.77");
        assertThat(new WolDestination.SubnetBroadcast(ip, 24).sendTo().getHostAddress()).isEqualTo("10.1.2.255");
        assertThat(new WolDestination.SubnetBroadcast(ip, 22).sendTo().getHostAddress()).isEqualTo("10.1.3.255");
        assertThat(new WolDestination.SubnetBroadcast(ip, 22).subnetKey()).isEqualTo("10.1.0.0/22");
        assertThat(new WolDestination.Unicast(ip, 24).sendTo()).isEqualTo(ip);
        assertThat(new WolDestination.Unicast(ip, 24).subnetKey()).isEqualTo("10.1.2.0/24");
        assertThat(new WolDestination.LimitedBroadcast("eth1").sendTo().getHostAddress())
                .isEqualTo("255.255.255.255");
        assertThatThrownBy(() -> new WolDestination.SubnetBroadcast(ip, 31)).hasMessageContaining("/31");
    }
}
