package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabSmokeTest {

    @Test
    void idracAndAmtAnswerOverTls() throws Exception {
        try (Lab lab = Lab.builder().idrac(1).amt(1).base(TestClient.randomBase()).idracPort(0).amtPort(0).start()) {
            SimulatedBmc idrac = lab.bmcs().get(0);
            SimulatedBmc amt = lab.bmcs().get(1);
            TestClient c = new TestClient(idrac);
            TestClient.Resp r = c.enumerate(TestClient.DCIM + "DCIM_SystemView", true, 10);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(TestClient.text(r.body(), "ServiceTag")).isEqualTo(idrac.serviceTag());

            TestClient a = new TestClient(amt);
            TestClient.Resp g = a.post(TestClient.envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get",
                    TestClient.AMT + "AMT_GeneralSettings", null, null));
            assertThat(g.status()).as(g.body()).isEqualTo(200);
            assertThat(TestClient.text(g.body(), "DigestRealm")).isEqualTo(amt.realm());
        }
    }
}
